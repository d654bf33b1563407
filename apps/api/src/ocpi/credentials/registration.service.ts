import { randomUUID } from 'node:crypto';
import {
  type Credentials,
  detectTokenEncoding,
  fetchVersionDetails,
  findEndpoint,
  OcpiClientError,
  OcpiError,
  type OcpiPartyRef,
  OcpiStatus,
  postCredentials,
  type TokenEncoding,
  type VersionDetails,
} from '@chargebridge/ocpi';
import type { PartnerRole, PartnerRow, Repositories } from '@chargebridge/store';
import type { Logger } from 'pino';
import { hashToken, newCredentialsToken } from '../core/credentials-token.js';
import { OCPI_VERSION, ourCredentials } from '../core/ocpi-endpoints.js';

/** What the registration flows need. */
export interface RegistrationDeps {
  /** `pushAttempts`, when given, records the credentials POST of an outbound registration. */
  repos: Pick<Repositories, 'partners'> & Partial<Pick<Repositories, 'pushAttempts'>>;
  publicUrl: string;
  hub: OcpiPartyRef;
  logger: Logger;
  timeoutMs?: number;
}

/** A failed outbound registration (admin `POST /api/v1/partners` with a versions URL). */
export class RegistrationFailed extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistrationFailed';
  }
}

/** The roles of a partner's Credentials object as stored on its row (party ids upper-cased). */
export function rolesOf(credentials: Credentials): PartnerRole[] {
  return credentials.roles.map((r) => ({
    role: r.role,
    country_code: r.country_code.toUpperCase(),
    party_id: r.party_id.toUpperCase(),
    business_details: r.business_details,
  }));
}

/**
 * The credentials handshake in both directions (credentials §Registration, §Updating).
 * Incoming tokens are stored hashed; the partner's token is kept to call it.
 */
export class RegistrationService {
  constructor(private readonly deps: RegistrationDeps) {}

  /**
   * Reads the partner's versions and 2.2.1 details with its token, finding the encoding it
   * accepts (Base64 first, plain on 401). Failures are 3001 / 3002 / 3003 (credentials
   * §Errors during registration, §Required endpoints not available).
   */
  private async discover(url: string, token: string): Promise<{ details: VersionDetails; encoding: TokenEncoding }> {
    const options = { timeoutMs: this.deps.timeoutMs ?? 10_000 };
    let encoding: TokenEncoding;
    let details: VersionDetails;
    try {
      ({ encoding } = await detectTokenEncoding(url, token, options));
      details = await fetchVersionDetails(url, token, { ...options, encoding });
    } catch (error) {
      if (error instanceof OcpiError) throw error; // 3002 from version selection
      const reason = error instanceof OcpiClientError ? error.message : String(error);
      throw new OcpiError(OcpiStatus.UNABLE_TO_USE_CLIENT_API, `Unable to use the client's API: ${reason}`);
    }
    if (details.version !== OCPI_VERSION) {
      throw new OcpiError(OcpiStatus.UNSUPPORTED_VERSION, `Only OCPI ${OCPI_VERSION} is supported`);
    }
    // A partner offering nothing but credentials gives the hub nothing to talk to.
    if (!details.endpoints.some((e) => e.identifier !== 'credentials')) {
      throw new OcpiError(OcpiStatus.NO_MATCHING_ENDPOINTS, 'No module endpoints besides credentials were found');
    }
    return { details, encoding };
  }

  /**
   * The partner registers with us (credentials §POST) or updates (§PUT): fetch its endpoints
   * with the token it sent, issue a new token C, drop token A, answer with our credentials.
   */
  async accept(partner: PartnerRow, theirs: Credentials): Promise<Credentials> {
    const { details, encoding } = await this.discover(theirs.url, theirs.token);
    const tokenC = newCredentialsToken();
    await this.deps.repos.partners.update(partner.id, {
      status: 'registered',
      versions_url: theirs.url,
      version: details.version,
      endpoints: details.endpoints.map((e) => ({ identifier: e.identifier, role: e.role, url: e.url })),
      roles: rolesOf(theirs),
      outgoing_token: theirs.token,
      outgoing_token_encoding: encoding,
      incoming_token_hash: hashToken(tokenC),
      registration_token_hash: null,
    });
    this.deps.logger.info({ partner: partner.id }, 'OCPI partner registered');
    return ourCredentials(this.deps.publicUrl, this.deps.hub, tokenC);
  }

  /** Unregisters a partner that told us so (credentials §DELETE): its tokens stop working. */
  async unregistered(partner: PartnerRow): Promise<void> {
    await this.deps.repos.partners.update(partner.id, {
      status: 'unregistered',
      incoming_token_hash: null,
      outgoing_token: null,
    });
  }

  /** A new inbound partner: a token A for it to register with us (shown once). */
  async invite(name: string): Promise<{ partner: PartnerRow; tokenA: string }> {
    const tokenA = newCredentialsToken();
    const partner = await this.deps.repos.partners.insert({
      id: randomUUID(),
      name,
      direction: 'inbound',
      registrationTokenHash: hashToken(tokenA),
    });
    return { partner, tokenA };
  }

  /**
   * We register with a partner (credentials §Registration, we are the Sender): read its
   * versions with its token A, POST our credentials with a new token B, keep its token C.
   */
  async registerWith(name: string, versionsUrl: string, tokenA: string): Promise<PartnerRow> {
    let discovered: { details: VersionDetails; encoding: TokenEncoding };
    try {
      discovered = await this.discover(versionsUrl, tokenA);
    } catch (error) {
      throw new RegistrationFailed(error instanceof Error ? error.message : String(error), { cause: error });
    }
    const credentialsUrl = findEndpoint(discovered.details, 'credentials', 'SENDER');
    if (!credentialsUrl) throw new RegistrationFailed('The partner lists no credentials endpoint');
    const tokenB = newCredentialsToken();
    const partner = await this.deps.repos.partners.insert({
      id: randomUUID(),
      name,
      direction: 'outbound',
      versionsUrl,
      incomingTokenHash: hashToken(tokenB),
      outgoingToken: tokenA,
    });
    try {
      const started = performance.now();
      const theirs = await postCredentials(
        credentialsUrl,
        tokenA,
        ourCredentials(this.deps.publicUrl, this.deps.hub, tokenB),
        { encoding: discovered.encoding, timeoutMs: this.deps.timeoutMs ?? 10_000 },
      );
      const updated = await this.deps.repos.partners.update(partner.id, {
        status: 'registered',
        version: discovered.details.version,
        endpoints: discovered.details.endpoints.map((e) => ({ identifier: e.identifier, role: e.role, url: e.url })),
        roles: rolesOf(theirs),
        outgoing_token: theirs.token,
        outgoing_token_encoding: discovered.encoding,
      });
      await this.deps.repos.pushAttempts?.add({
        partner_id: partner.id,
        module: 'credentials',
        object_key: 'credentials',
        method: 'POST',
        ok: true,
        http_status: 200,
        latency_ms: Math.round(performance.now() - started),
        at: new Date(),
      });
      this.deps.logger.info({ partner: partner.id }, 'registered with OCPI partner');
      return updated as PartnerRow;
    } catch (error) {
      await this.deps.repos.partners.delete(partner.id);
      throw new RegistrationFailed(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
}
