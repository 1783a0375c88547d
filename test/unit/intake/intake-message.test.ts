import { describe, expect, it } from 'vitest';
import { InvalidIntakeMessageError, parseIntakeMessage } from '../../../shared/intake/intake-message.ts';

const problemsOf = (body: string): string[] => {
  try {
    parseIntakeMessage(body);
  } catch (error) {
    if (error instanceof InvalidIntakeMessageError) return error.problems;
    throw error;
  }
  throw new Error('expected the message to be refused');
};

describe('intake messages', () => {
  it('reads a message whose ticket is a POST /tickets body, with that body’s defaults', () => {
    const message = parseIntakeMessage(JSON.stringify({ source: 'monitoring', externalId: ' alert-1 ', ticket: { subject: 'Disk full', requester: { email: 'Ops@Example.org' } } }));
    expect(message).toEqual({ source: 'monitoring', externalId: 'alert-1', ticket: { subject: 'Disk full', description: '', requester: { email: 'ops@example.org' }, tags: [], customFields: {} } });
  });

  it('names every field that is wrong', () => {
    expect(problemsOf(JSON.stringify({ source: 'Monitoring!', ticket: { subject: '', priority: 'P9' }, extra: 1 }))).toEqual([
      expect.stringMatching(/^source: use 1-32 lower-case letters/),
      expect.stringMatching(/^externalId: /),
      expect.stringMatching(/^ticket\.subject: /),
      expect.stringMatching(/^ticket\.priority: /),
      expect.stringMatching(/^body: .*extra/),
    ]);
  });

  it('says when the body is not JSON at all', () => {
    expect(problemsOf('{"source":')).toEqual([expect.stringMatching(/^body: not JSON/)]);
  });
});
