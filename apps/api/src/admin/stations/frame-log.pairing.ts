import type { FrameRow } from '@chargebridge/store';

/** OCPP-J message type names (1.6/2.0.1/2.1 §4.1.3; 5 and 6 exist in 2.1 only). */
export const MESSAGE_TYPE_NAMES: Readonly<Record<number, string>> = {
  2: 'CALL',
  3: 'CALLRESULT',
  4: 'CALLERROR',
  5: 'CALLRESULTERROR',
  6: 'SEND',
};

/** One frame as the frame log shows it. */
export interface FrameView {
  id: number;
  at: string;
  direction: 'in' | 'out';
  message_type: number | null;
  message_type_name: string | null;
  message_id: string | null;
  action: string | null;
  payload: unknown;
  raw: string;
  violation: string | null;
  node: string | null;
}

/** The answer shown beside a request (or, for a CALLRESULTERROR, the CALLRESULT it refused). */
export interface PairedFrameView {
  id: number;
  at: string;
  message_type: number | null;
  message_type_name: string | null;
  payload: unknown;
  raw: string;
  violation: string | null;
  latency_ms: number;
}

/** An entry of the frame log: one message, with its answer when it has one. */
export interface FrameLogItem extends FrameView {
  paired: PairedFrameView | null;
}

/**
 * The payload element of a raw frame: `[2|6, id, action, payload]` → payload, `[3, id, payload]` →
 * payload, `[4|5, id, code, description, details]` → `{ errorCode, errorDescription, errorDetails }`.
 * Null when the text is not a readable frame.
 */
export function framePayload(raw: string): unknown {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(frame)) return null;
  switch (frame[0]) {
    case 2:
    case 6:
      return frame[3] ?? null;
    case 3:
      return frame[2] ?? null;
    case 4:
    case 5:
      return { errorCode: frame[2] ?? null, errorDescription: frame[3] ?? null, errorDetails: frame[4] ?? null };
    default:
      return null;
  }
}

/** A violation note written by the gateway beside a frame (lenient or refused payloads). */
const isNote = (r: FrameRow) => r.message_type === null && r.raw === '';
/** `accepted request: …` / `refused response: …` → which half of the exchange the note is about. */
const noteKind = (r: FrameRow) => /^(?:accepted|refused) (request|response):/.exec(r.violation ?? '')?.[1];

function view(row: FrameRow, action: string | null, violation: string | null): FrameView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    direction: row.direction,
    message_type: row.message_type,
    message_type_name: row.message_type === null ? null : (MESSAGE_TYPE_NAMES[row.message_type] ?? null),
    message_id: row.message_id,
    action,
    payload: row.raw === '' ? null : framePayload(row.raw),
    raw: row.raw,
    violation,
    node: row.node,
  };
}

/**
 * Pairs the head rows of a frame-log page with the rows about the same messages (`related`, in id
 * order): a CALL with its CALLRESULT / CALLERROR (the first answer after it, in the other
 * direction, before the id is used again), a CALLRESULTERROR with the CALLRESULT it refused; an
 * answer gets the action of its request (OCPP-J answers carry none); violation notes are folded
 * into the frame they are about.
 */
export function pairFrames(heads: readonly FrameRow[], related: readonly FrameRow[]): FrameLogItem[] {
  const byMessage = new Map<string, FrameRow[]>();
  for (const row of related) {
    if (row.message_id === null) continue;
    const list = byMessage.get(row.message_id) ?? [];
    list.push(row);
    byMessage.set(row.message_id, list);
  }
  return heads.map((head) => {
    const rows = head.message_id === null ? [] : (byMessage.get(head.message_id) ?? []);
    const noteFor = (frame: FrameRow, kind: 'request' | 'response') =>
      frame.violation ??
      rows.find((r) => isNote(r) && r.direction === frame.direction && r.id > frame.id && noteKind(r) === kind)
        ?.violation ??
      null;
    const requestBefore = (direction: 'in' | 'out', id: number) =>
      rows.filter((r) => r.message_type === 2 && r.direction === direction && r.id < id).at(-1);
    const pairedView = (answer: FrameRow | undefined, since: FrameRow): PairedFrameView | null => {
      if (!answer) return null;
      const v = view(answer, null, noteFor(answer, 'response'));
      return {
        id: v.id,
        at: v.at,
        message_type: v.message_type,
        message_type_name: v.message_type_name,
        payload: v.payload,
        raw: v.raw,
        violation: v.violation,
        // The time between the two frames (for a CALLRESULTERROR: after the CALLRESULT it refused).
        latency_ms: Math.abs(answer.at.getTime() - since.at.getTime()),
      };
    };

    switch (head.message_type) {
      case 2: {
        const reused = rows.find((r) => r.message_type === 2 && r.direction === head.direction && r.id > head.id);
        const answer = rows.find(
          (r) =>
            (r.message_type === 3 || r.message_type === 4) &&
            r.direction !== head.direction &&
            r.id > head.id &&
            (reused === undefined || r.id < reused.id),
        );
        return { ...view(head, head.action, noteFor(head, 'request')), paired: pairedView(answer, head) };
      }
      case 5: {
        // 2.1 §4.2.3: the peer refused our CALLRESULT; the CALL came from the same side as this frame.
        const result = rows
          .filter((r) => r.message_type === 3 && r.direction !== head.direction && r.id < head.id)
          .at(-1);
        const request = requestBefore(head.direction, head.id);
        return { ...view(head, request?.action ?? null, head.violation), paired: pairedView(result, head) };
      }
      case 3:
      case 4: {
        const request = requestBefore(head.direction === 'in' ? 'out' : 'in', head.id);
        return { ...view(head, request?.action ?? null, noteFor(head, 'response')), paired: null };
      }
      case 6:
        return { ...view(head, head.action, noteFor(head, 'request')), paired: null };
      default:
        return { ...view(head, head.action, head.violation), paired: null };
    }
  });
}
