import { describe, expect, it } from 'vitest';
import { priorityFrom } from '../../../shared/domain/priority.ts';

describe('priority from impact and urgency', () => {
  it.each([
    ['high', 'high', 'P1'],
    ['high', 'medium', 'P2'],
    ['medium', 'high', 'P2'],
    ['high', 'low', 'P3'],
    ['medium', 'medium', 'P3'],
    ['low', 'high', 'P3'],
    ['medium', 'low', 'P4'],
    ['low', 'medium', 'P4'],
    ['low', 'low', 'P4'],
  ] as const)('gives %s impact and %s urgency %s', (impact, urgency, priority) => {
    expect(priorityFrom(impact, urgency)).toBe(priority);
  });
});
