/**
 * Answer statuses that mean the station will do (or has done) what it was asked. Every other
 * status (Rejected, NotSupported, UnlockFailed, Occupied, Faulted, …) is a refusal.
 * 1.6 §7 / 2.x enums: Accepted, Scheduled (Reset, ChangeAvailability), RebootRequired
 * (ChangeConfiguration, SetVariables), Unlocked (UnlockConnector), AcceptedCanceled (UpdateFirmware, GetLog).
 */
const SUCCESS = new Set(['Accepted', 'Scheduled', 'RebootRequired', 'Unlocked', 'AcceptedCanceled']);

/** Per-item results of 2.x bulk answers, e.g. SetVariables' `setVariableResult[].attributeStatus`. */
const ITEM_RESULTS = ['setVariableResult', 'getVariableResult', 'setMonitoringResult', 'clearMonitoringResult'];

/** How a command ended when the station answered with a CALLRESULT. */
export interface AnsweredOutcome {
  state: 'accepted' | 'rejected';
  /** Why a refusal was a refusal (the status and the station's reason), null when accepted. */
  reason: string | null;
}

function reasonOf(status: string, info: unknown): string {
  const i = (info ?? {}) as { reasonCode?: unknown; additionalInfo?: unknown };
  const details = [i.reasonCode, i.additionalInfo].filter((x) => typeof x === 'string' && x !== '');
  return details.length > 0 ? `status ${status} (${details.join(': ')})` : `status ${status}`;
}

/**
 * Reads a station's answer: a top-level `status` outside {@link SUCCESS} (e.g. RequestStartTransaction
 * `{ status: 'Rejected' }`) is a refusal; so is a bulk answer whose every item was refused. An
 * answer without a status (GetConfiguration, GetVariables with data, …) is accepted.
 */
export function answeredOutcome(response: unknown): AnsweredOutcome {
  if (typeof response !== 'object' || response === null) return { state: 'accepted', reason: null };
  const r = response as Record<string, unknown>;
  if (typeof r.status === 'string') {
    return SUCCESS.has(r.status)
      ? { state: 'accepted', reason: null }
      : { state: 'rejected', reason: reasonOf(r.status, r.statusInfo) };
  }
  for (const key of ITEM_RESULTS) {
    const items = r[key];
    if (!Array.isArray(items) || items.length === 0) continue;
    const statuses = items.map((item) => (item as { attributeStatus?: unknown; status?: unknown }) ?? {});
    const refused = statuses
      .map((s) => (typeof s.attributeStatus === 'string' ? s.attributeStatus : s.status))
      .filter((s): s is string => typeof s === 'string' && !SUCCESS.has(s));
    if (refused.length === items.length)
      return { state: 'rejected', reason: `every ${key} refused: ${refused.join(', ')}` };
  }
  return { state: 'accepted', reason: null };
}
