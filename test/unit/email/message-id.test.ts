import { describe, expect, it } from 'vitest';
import { messageIds, threadCandidateIds } from '../../../shared/email/message-id.ts';

describe('messageIds', () => {
  it('returns ids in their <id> form, in order, without duplicates', () => {
    expect(messageIds('<a@x> <b@x>\r\n <a@x>')).toEqual(['<a@x>', '<b@x>']);
  });

  it('removes folding white space inside an id and skips empty brackets', () => {
    expect(messageIds('<abc.\r\n def@x>, <>')).toEqual(['<abc.def@x>']);
  });

  it('wraps bare ids some clients send without brackets', () => {
    expect(messageIds('abc@x, def@y junk')).toEqual(['<abc@x>', '<def@y>']);
  });

  it('reads nothing from an empty or missing value', () => {
    expect(messageIds('')).toEqual([]);
    expect(messageIds('   ')).toEqual([]);
    expect(messageIds(undefined)).toEqual([]);
  });

  it('skips an id longer than a header line may be, keeping the others', () => {
    const longest = `<${'x'.repeat(998 - '<@x>'.length)}@x>`;
    expect(messageIds(`<${'y'.repeat(4096)}@x> <a@x> ${longest}`)).toEqual(['<a@x>', longest]);
  });

  it('joins several header values', () => {
    expect(messageIds(['<a@x>', '<b@x>'])).toEqual(['<a@x>', '<b@x>']);
  });
});

describe('threadCandidateIds', () => {
  it('puts In-Reply-To first, then References newest first', () => {
    expect(threadCandidateIds({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] })).toEqual(['<c@x>', '<b@x>', '<a@x>']);
  });

  it('works without In-Reply-To', () => {
    expect(threadCandidateIds({ references: ['<a@x>', '<b@x>'] })).toEqual(['<b@x>', '<a@x>']);
  });
});
