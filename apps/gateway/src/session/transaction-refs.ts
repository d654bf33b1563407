/**
 * Row ids of one station session's transactions, so the hottest message (1.6 MeterValues) skips
 * its lookups. Safe because only this station's own messages — which run one at a time on this
 * session — create transactions or change their status, and transaction rows are never deleted:
 * - uid → row id is stable once committed ((station_id, transaction_uid) is unique);
 * - "active transaction on EVSE n" only changes with this station's Start/StopTransaction, which
 *   call {@link TransactionRefs.invalidateActive} (a generation counter also drops an answer
 *   looked up before an invalidation).
 * Remember only what a committed batch returned (a rolled-back row must not be cached).
 * Created on the first transaction message, so idle sessions pay nothing.
 */
export class TransactionRefs {
  private readonly byUid = new Map<string, number>();
  private readonly activeByEvse = new Map<number, number | null>();
  private generation = 0;

  /** Current generation; pass it back to {@link rememberActive}. */
  get epoch(): number {
    return this.generation;
  }

  /** Row id of transaction `uid`, if known. */
  idOf(uid: string): number | undefined {
    return this.byUid.get(uid);
  }

  rememberUid(uid: string, id: number): void {
    if (this.byUid.size >= 64) this.byUid.delete(this.byUid.keys().next().value as string);
    this.byUid.set(uid, id);
  }

  /** Row id of the active transaction on an EVSE, `null` for none, `undefined` when not known. */
  activeOn(evseId: number): number | null | undefined {
    return this.activeByEvse.get(evseId);
  }

  /** Remembers a committed lookup, unless a Start/StopTransaction invalidated since `epoch`. */
  rememberActive(evseId: number, id: number | null, epoch: number): void {
    if (epoch === this.generation) this.activeByEvse.set(evseId, id);
  }

  /** A transaction started or stopped on this station: forget which ones are active. */
  invalidateActive(): void {
    this.generation++;
    this.activeByEvse.clear();
  }
}
