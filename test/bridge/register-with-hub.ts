/** What an eMSP written in a test tells the hub about itself when it registers. */
export interface EmspIdentity {
  /** Our token B: the hub calls us with it. */
  tokenB: string;
  /** Base URL of our OCPI server (we serve `/versions` under it). */
  url: string;
  countryCode: string;
  partyId: string;
}

const b64 = (token: string) => `Token ${Buffer.from(token).toString('base64')}`;

/**
 * Registers an eMSP with the hub from its token A, as a real eMSP would (credentials §POST):
 * versions → 2.2.1 details → credentials endpoint → POST our credentials.
 * @returns the token the hub handed us (token C), to call the hub with.
 */
export async function registerWithHub(hubVersionsUrl: string, tokenA: string, emsp: EmspIdentity): Promise<string> {
  const auth = { authorization: b64(tokenA) };
  const versions = (await (await fetch(hubVersionsUrl, { headers: auth })).json()) as {
    data: Array<{ version: string; url: string }>;
  };
  const detailsUrl = versions.data.find((v) => v.version === '2.2.1')?.url;
  if (!detailsUrl) throw new Error('hub offers no OCPI 2.2.1');
  const details = (await (await fetch(detailsUrl, { headers: auth })).json()) as {
    data: { endpoints: Array<{ identifier: string; url: string }> };
  };
  const credentialsUrl = details.data.endpoints.find((e) => e.identifier === 'credentials')?.url;
  if (!credentialsUrl) throw new Error('hub lists no credentials endpoint');
  const response = await fetch(credentialsUrl, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      token: emsp.tokenB,
      url: `${emsp.url}/versions`,
      roles: [
        {
          role: 'EMSP',
          country_code: emsp.countryCode,
          party_id: emsp.partyId,
          business_details: { name: `eMSP ${emsp.partyId}` },
        },
      ],
    }),
  });
  const json = (await response.json()) as { status_code: number; data: { token: string } };
  if (json.status_code !== 1000) throw new Error(`registration failed: ${JSON.stringify(json)}`);
  return json.data.token;
}
