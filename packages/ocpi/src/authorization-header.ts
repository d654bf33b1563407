/**
 * The `Authorization: Token ...` header (transport_and_format §Authorization header).
 *
 * OCPI 2.2.1 sends the credentials token Base64-encoded (RFC 4648 §4, of its UTF-8 bytes).
 * Many 2.1.1 and 2.2 implementations send it plain; the spec leaves it to implementations to
 * cope by trial and error or configuration, so parsing reports which form it found.
 */
import { Buffer } from 'node:buffer';

/** How a credentials token is written in the Authorization header. */
export type TokenEncoding = 'base64' | 'plain';

/** A credentials token read from an Authorization header. */
export interface ParsedAuthorization {
  /** The credentials token, decoded when the header carried Base64. */
  token: string;
  /** How the header carried it. */
  encoding: TokenEncoding;
  /**
   * The header value after `Token `, undecoded. Equal to `token` for plain tokens; for Base64
   * it is the fallback to try when a plain token happens to look like Base64.
   */
  raw: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A credentials token: printable ASCII without spaces (credentials §Credentials object). */
const TOKEN_CHARS = /^[\x21-\x7E]+$/;

/**
 * Decodes `value` if it is canonical Base64 of a printable credentials token, else `undefined`.
 * A single trailing line break is dropped: the spec's own header examples encode the token
 * followed by "\n" (produced with `echo`), so a partner copying them would send that too.
 */
export function decodeBase64Token(value: string): string | undefined {
  if (value.length === 0 || !BASE64.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) return undefined;
  const decoded = bytes.toString('utf8').replace(/\r?\n$/, '');
  return TOKEN_CHARS.test(decoded) ? decoded : undefined;
}

/**
 * Parses an Authorization header. Returns `undefined` when it is missing or not of the
 * `Token <credentials>` form; the server then answers HTTP 401.
 *
 * A value that is canonical Base64 of a printable token is taken as Base64 (2.2.1); anything
 * else is taken as a plain token (2.1.1 style). A plain token that is itself valid Base64 of
 * printable text is ambiguous: look up `token` first, then `raw`.
 */
export function parseAuthorizationHeader(header: string | null | undefined): ParsedAuthorization | undefined {
  if (header === undefined || header === null) return undefined;
  const match = /^\s*Token\s+(\S+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const raw = match[1] as string;
  const decoded = decodeBase64Token(raw);
  if (decoded !== undefined) return { token: decoded, encoding: 'base64', raw };
  return { token: raw, encoding: 'plain', raw };
}

/** Builds the Authorization header value for an outgoing request; Base64 per 2.2.1 by default. */
export function encodeAuthorizationHeader(token: string, encoding: TokenEncoding = 'base64'): string {
  const value = encoding === 'base64' ? Buffer.from(token, 'utf8').toString('base64') : token;
  return `Token ${value}`;
}
