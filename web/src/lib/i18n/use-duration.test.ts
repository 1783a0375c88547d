import { describe, expect, it } from 'vitest';
import { durationParts } from './use-duration';

describe('durationParts', () => {
  it('gives minutes, then hours and minutes, then days and hours', () => {
    expect(durationParts(0.4)).toEqual([{ unit: 'minute', value: 0 }]);
    expect(durationParts(45)).toEqual([{ unit: 'minute', value: 45 }]);
    expect(durationParts(135)).toEqual([
      { unit: 'hour', value: 2 },
      { unit: 'minute', value: 15 },
    ]);
    expect(durationParts(120)).toEqual([{ unit: 'hour', value: 2 }]);
    expect(durationParts(1440 + 180 + 59)).toEqual([
      { unit: 'day', value: 1 },
      { unit: 'hour', value: 3 },
    ]);
    expect(durationParts(2 * 1440)).toEqual([{ unit: 'day', value: 2 }]);
  });

  it('measures a span the same whichever way it points', () => {
    expect(durationParts(-90)).toEqual(durationParts(90));
  });
});
