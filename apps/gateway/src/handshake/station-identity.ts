/** OCPP-J 2.0.1 §3.1.1 / 1.6 §3.1.1: the identity is the last path segment of `/ocpp/{identity}`. */
const PATH = /^\/ocpp\/([^/?#]+)\/?(?:\?.*)?$/;

/** Longest identity we accept (2.0.1 security §A00.FR.xxx: identifierString[48]). */
export const MAX_IDENTITY_LENGTH = 48;

/**
 * Reads the station identity from the request URL; `undefined` when the path is not ours or the
 * identity is empty, too long, or not a printable string without `:` (which basic auth reserves).
 */
export function parseStationIdentity(url: string | undefined): string | undefined {
  const match = PATH.exec(url ?? '');
  if (!match?.[1]) return undefined;
  let identity: string;
  try {
    identity = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  if (identity.length === 0 || identity.length > MAX_IDENTITY_LENGTH) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f:]/.test(identity)) return undefined;
  return identity;
}
