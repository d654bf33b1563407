/** Most seqNo gaps recorded per transaction. */
export const MAX_GAPS = 1_000;

/** What a transaction keeps of its events' seqNo values (2.0.1 E: seqNo starts at 0). */
export interface SeqState {
  /** The highest seqNo received, null before the first. */
  last: number | null;
  /** seqNo values missing below `last` (at most MAX_GAPS). */
  gaps: readonly number[];
}

/**
 * The state after a new (not repeated) event with `seqNo`, from the state before — without
 * reading every earlier event: a higher seqNo adds the numbers it skipped to the gaps, a lower one
 * fills its gap. `latest` tells whether the event is the newest so far (its chargingState counts).
 */
export function advanceSeqNo(state: SeqState, seqNo: number): SeqState & { latest: boolean } {
  const { last, gaps } = state;
  if (last === null || seqNo > last) {
    const out = [...gaps];
    for (let n = last === null ? 0 : last + 1; n < seqNo && out.length < MAX_GAPS; n++) out.push(n);
    return { last: seqNo, gaps: out, latest: true };
  }
  return { last, gaps: gaps.filter((n) => n !== seqNo), latest: seqNo === last };
}
