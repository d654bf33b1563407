/** Keys whose values never reach the audit log. */
const SECRET_KEY = /password|token|secret|credential|authorization/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 20;

/** A copy of `value` with the value of every secret-looking key, at any depth, replaced by `[redacted]`. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1);
    }
    return copy;
  }
  return value;
}

/** Largest JSON text of a body the audit log keeps whole. */
const MAX_DETAILS_CHARS = 4096;
const PREVIEW_CHARS = 1024;

/**
 * What the audit log keeps of a request body: the JSON body with secrets redacted, a short
 * redacted preview when it is large, and only the size of non-JSON bodies (they cannot be redacted).
 */
export function auditDetails(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return { body_chars: body.length };
  if (typeof body !== 'object') return body;
  const redacted = redactSecrets(body);
  const json = JSON.stringify(redacted);
  if (json.length <= MAX_DETAILS_CHARS) return redacted;
  return { truncated: true, size: json.length, preview: json.slice(0, PREVIEW_CHARS) };
}
