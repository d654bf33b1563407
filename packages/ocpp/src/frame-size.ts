/**
 * Default cap on one OCPP-J frame, in UTF-8 bytes. OCPP sets no global limit; 64 kB is far above
 * real traffic (OCPP-J 2.1 §5.2 notes 99% of messages fit in 2 kB) yet bounds what one peer can
 * make us parse.
 */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

/** UTF-8 size of a frame's text. */
export function frameByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Whether `text` is over `maxBytes` UTF-8 bytes. Cheap: a string of n UTF-16 units takes between
 * n and 3n bytes, so the exact count is only computed in the band where it matters.
 */
export function isFrameTooLarge(text: string, maxBytes: number = DEFAULT_MAX_FRAME_BYTES): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return frameByteLength(text) > maxBytes;
}

// Reads `[<type>, "<id>"` from the head of a frame without parsing the rest, so an oversized CALL
// can still be answered with its own id. The id is a JSON string literal of at most 36 characters.
const HEAD = /^\s*\[\s*(\d{1,3})\s*,\s*("(?:[^"\\]|\\.){0,36}")/;

/** Type number and message id read from the start of a frame, without a full parse. */
export function peekFrameHead(text: string): { messageTypeId?: number; messageId?: string } {
  const m = HEAD.exec(text.slice(0, 256));
  if (m === null) return {};
  try {
    const id: unknown = JSON.parse(m[2]);
    return typeof id === 'string' ? { messageTypeId: Number(m[1]), messageId: id } : {};
  } catch {
    return {};
  }
}
