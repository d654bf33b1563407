import { StationCallError, type StationCalls } from '@chargebridge/routing';

type Json = Record<string, unknown>;

/** A station's answer, or its refusal (a CALLERROR such as NotImplemented) in words. */
export type AnswerOrRefusal = { answer: Json; refused?: undefined } | { answer?: undefined; refused: string };

/**
 * One call of provisioning. A CALLERROR is the station's answer too — it does not support the
 * action — and is returned as `refused`, so provisioning goes on without it; a station that is
 * unreachable (offline, timeout) throws, and provisioning is tried again at its next boot.
 */
export async function refusableCall(
  calls: Pick<StationCalls, 'call'>,
  identity: string,
  action: string,
  payload: Json,
  timeoutMs: number,
): Promise<AnswerOrRefusal> {
  try {
    return { answer: await calls.call<Json>(identity, action, payload, { timeoutMs }) };
  } catch (error) {
    if (!(error instanceof StationCallError)) throw error;
    if (error.code !== 'station_error' && error.code !== 'call_invalid') throw error;
    const code = error.details.ocppCode ? ` ${error.details.ocppCode}` : '';
    return { refused: `${action} refused (CALLERROR${code}): ${error.details.description ?? error.message}` };
  }
}
