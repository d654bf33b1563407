/**
 * Client side of the credentials handshake (credentials.asciidoc §Registration,
 * version_information_endpoint.asciidoc): read the partner's versions and version details,
 * then POST/PUT/DELETE our credentials. Configuration Modules are not routed, so these calls
 * carry no OCPI-from/to headers (transport_and_format §Message Routing Headers).
 */
import type { TokenEncoding } from './authorization-header.js';
import { OcpiClientError } from './client-error.js';
import type { OcpiClientResponse } from './client-response.js';
import { OcpiError } from './ocpi-error.js';
import { parseOcpi } from './parse.js';
import { OcpiPartnerClient, type OcpiPartnerClientOptions } from './partner.client.js';
import { Credentials } from './schemas/credentials.schema.js';
import { type Version, VersionDetails, VersionList, type VersionNumber } from './schemas/version.schema.js';
import { OcpiStatus } from './status-codes.js';

/** Options shared by the handshake helpers. */
export interface HandshakeOptions {
  /** Token encoding in the Authorization header; default Base64 (2.2.1). */
  encoding?: TokenEncoding;
  /** Request timeout in milliseconds; default 10 s. */
  timeoutMs?: number;
  /** X-Correlation-ID to use for the calls. */
  correlationId?: string;
  /** The fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
}

function clientFor(token: string, options: HandshakeOptions): OcpiPartnerClient {
  const config: OcpiPartnerClientOptions = { token };
  if (options.encoding) config.tokenEncoding = options.encoding;
  if (options.timeoutMs !== undefined) config.timeoutMs = options.timeoutMs;
  if (options.fetch) config.fetch = options.fetch;
  return new OcpiPartnerClient(config);
}

function requestOptions(options: HandshakeOptions) {
  return options.correlationId === undefined
    ? { routing: false as const }
    : { routing: false as const, correlationId: options.correlationId };
}

/** GETs the partner's version information endpoint (versions §Version information endpoint). */
export async function fetchVersions(url: string, token: string, options: HandshakeOptions = {}): Promise<Version[]> {
  const response = await clientFor(token, options).get(url, {
    ...requestOptions(options),
    schema: VersionList,
  });
  return response.data as Version[];
}

/** Picks `wanted` from a versions list, or throws {@link OcpiError} 3002 (unsupported version). */
export function selectVersion(versions: Version[], wanted: VersionNumber = '2.2.1'): Version {
  const match = versions.find((v) => v.version === wanted);
  if (match) return match;
  const offered = versions.map((v) => v.version).join(', ') || 'none';
  throw new OcpiError(OcpiStatus.UNSUPPORTED_VERSION, `Partner does not offer OCPI ${wanted} (offers: ${offered})`);
}

/**
 * Fetches the version details for `version` (default 2.2.1). `url` may be the partner's
 * versions endpoint (the list is read and the version picked) or a version details URL.
 * Throws {@link OcpiError} 3002 when that version is not offered.
 */
export async function fetchVersionDetails(
  url: string,
  token: string,
  options: HandshakeOptions & { version?: VersionNumber } = {},
): Promise<VersionDetails> {
  const wanted = options.version ?? '2.2.1';
  const client = clientFor(token, options);
  let response = await client.get(url, requestOptions(options));
  let detailsUrl = url;
  if (Array.isArray(response.data)) {
    const versions = validated(VersionList, url, response);
    detailsUrl = selectVersion(versions, wanted).url;
    response = await client.get(detailsUrl, requestOptions(options));
  }
  const details = validated(VersionDetails, detailsUrl, response);
  if (details.version !== wanted) {
    throw new OcpiError(
      OcpiStatus.UNSUPPORTED_VERSION,
      `Version details at ${detailsUrl} are for ${details.version}, not ${wanted}`,
    );
  }
  return details;
}

function validated<S extends typeof VersionList | typeof VersionDetails>(
  schema: S,
  url: string,
  response: OcpiClientResponse<unknown>,
) {
  const parsed = parseOcpi(schema, response.data, { rootPath: '$.data' });
  if (parsed.ok) return parsed.value;
  throw new OcpiClientError(`GET ${url}: invalid data: ${parsed.message}`, {
    kind: 'protocol',
    method: 'GET',
    url,
    httpStatus: response.httpStatus,
    envelope: response.envelope,
    headers: response.headers,
    requestId: response.requestId,
    correlationId: response.correlationId,
  });
}

/**
 * Registers with the partner (credentials §POST Method): sends our credentials (with the token
 * the partner is to use towards us) using their token A; returns their new credentials.
 */
export async function postCredentials(
  url: string,
  token: string,
  ours: Credentials,
  options: HandshakeOptions = {},
): Promise<Credentials> {
  const response = await clientFor(token, options).post(url, ours, {
    ...requestOptions(options),
    schema: Credentials,
  });
  return response.data as Credentials;
}

/** Updates our credentials at the partner (credentials §PUT Method); returns theirs. */
export async function putCredentials(
  url: string,
  token: string,
  ours: Credentials,
  options: HandshakeOptions = {},
): Promise<Credentials> {
  const response = await clientFor(token, options).put(url, ours, {
    ...requestOptions(options),
    schema: Credentials,
  });
  return response.data as Credentials;
}

/** Unregisters from the partner (credentials §DELETE Method). */
export async function deleteCredentials(url: string, token: string, options: HandshakeOptions = {}): Promise<void> {
  await clientFor(token, options).delete(url, requestOptions(options));
}

/**
 * Finds the token encoding a partner accepts by trial, as the spec suggests for talking to
 * 2.1.1/2.2 implementations (transport_and_format §Authorization header, note): GET the
 * versions endpoint with Base64, and on HTTP 401 retry with the plain token.
 */
export async function detectTokenEncoding(
  versionsUrl: string,
  token: string,
  options: Omit<HandshakeOptions, 'encoding'> = {},
): Promise<{ encoding: TokenEncoding; versions: Version[] }> {
  try {
    return { encoding: 'base64', versions: await fetchVersions(versionsUrl, token, options) };
  } catch (error) {
    if (!(error instanceof OcpiClientError) || error.httpStatus !== 401) throw error;
    const plain = { ...options, encoding: 'plain' as const };
    return { encoding: 'plain', versions: await fetchVersions(versionsUrl, token, plain) };
  }
}
