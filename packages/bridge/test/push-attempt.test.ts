import { OcpiClientError, OcpiPartnerClient } from '@chargebridge/ocpi';
import { describe, expect, it } from 'vitest';
import { answerBody, RESPONSE_BODY_LIMIT, timedRequest } from '../src/delivery/push-attempt.js';

const envelope = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'application/json' } });

function clientAnswering(response: () => Response) {
  return new OcpiPartnerClient({ token: 't', fetch: async () => response() });
}

describe('timedRequest', () => {
  it('measures a success and keeps the envelope as the answer body', async () => {
    const ok = await timedRequest(
      clientAnswering(() => envelope(200, '{"status_code":1000,"timestamp":"2024-01-01T00:00:00Z"}')),
      'PUT',
      'http://partner.test/x',
      {},
    );
    expect(ok).toMatchObject({ ok: true, httpStatus: 200 });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(ok.body ?? '')).toEqual({ status_code: 1000, timestamp: '2024-01-01T00:00:00Z' });
  });

  it('never throws for a partner failure: the error, the status and the answer, cut to 2 kB', async () => {
    const message = 'x'.repeat(5000);
    const failed = await timedRequest(
      clientAnswering(() => envelope(500, JSON.stringify({ status_code: 3000, status_message: message }))),
      'POST',
      'http://partner.test/x',
      {},
    );
    expect(failed).toMatchObject({ ok: false, httpStatus: 500 });
    if (failed.ok) throw new Error('expected a failure');
    expect(failed.error).toContain('HTTP 500');
    expect(failed.body?.length).toBe(RESPONSE_BODY_LIMIT + 1);
    expect(failed.body?.startsWith('{"status_code":3000')).toBe(true);

    const network = await timedRequest(
      new OcpiPartnerClient({
        token: 't',
        fetch: async () => {
          throw new TypeError('connection refused');
        },
      }),
      'PUT',
      'http://partner.test/x',
      {},
    );
    expect(network).toMatchObject({ ok: false, httpStatus: undefined, body: null });
  });

  it('keeps the raw excerpt of a body that is not an envelope', () => {
    const error = new OcpiClientError('GET x: HTTP 502', {
      kind: 'http',
      method: 'GET',
      url: 'x',
      httpStatus: 502,
      bodyExcerpt: '<html>bad gateway</html>',
    });
    expect(answerBody(error)).toBe('<html>bad gateway</html>');
    expect(answerBody(undefined)).toBeNull();
  });
});
