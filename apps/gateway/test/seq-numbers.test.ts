import { describe, expect, it } from 'vitest';
import { advanceSeqNo, MAX_GAPS, type SeqState } from '../src/handlers/v2/seq-numbers.js';

/** The state after events with these seqNo values arrived in this order. */
const after = (seqNos: number[]) =>
  seqNos.reduce<SeqState>((state, n) => advanceSeqNo(state, n), { last: null, gaps: [] });

describe('seqNo bookkeeping of a 2.x transaction', () => {
  it('in order: no gaps, each event the latest', () => {
    expect(after([0, 1, 2])).toMatchObject({ last: 2, gaps: [] });
    expect(advanceSeqNo(after([0, 1]), 2).latest).toBe(true);
  });

  it('a skipped number is a gap until it arrives; a late event is not the latest', () => {
    expect(after([0, 1, 4])).toMatchObject({ last: 4, gaps: [2, 3] });
    const late = advanceSeqNo(after([0, 1, 4]), 3);
    expect(late).toEqual({ last: 4, gaps: [2], latest: false });
    expect(after([0, 1, 4, 3, 2])).toMatchObject({ last: 4, gaps: [] });
  });

  it('a first event above 0 leaves the numbers below it missing', () => {
    expect(after([3])).toMatchObject({ last: 3, gaps: [0, 1, 2] });
  });

  it('records at most MAX_GAPS', () => {
    expect(after([0, MAX_GAPS * 3]).gaps).toHaveLength(MAX_GAPS);
  });
});
