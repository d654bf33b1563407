import { ciEquals, OcpiError, type OcpiPartyRef, OcpiStatus } from '@chargebridge/ocpi';
import type { Party, Repositories } from '@chargebridge/store';

/**
 * Where a message addressed to `OCPI-to-*` goes (transport_and_format §Message Routing Headers).
 * - `hub`: no `to`, or the hub's own identity: every hosted CPO answers (the hub's broadcast view);
 * - `hosted`: a CPO hosted on the hub — answered from our own store;
 * - `remote`: a party reached through another OCPI connection (a later issue forwards these).
 */
export type RouteTarget =
  | { kind: 'hub'; parties: OcpiPartyRef[] }
  | { kind: 'hosted'; parties: [OcpiPartyRef]; party: Party }
  | { kind: 'remote'; partnerId: string; party: Party };

/** Resolves `to` parties against the parties table. */
export class PartyRouter {
  constructor(
    private readonly repos: Pick<Repositories, 'parties'>,
    private readonly hub: OcpiPartyRef,
  ) {}

  /** Hosted CPO parties (no partner, role CPO). */
  async hostedCpos(): Promise<OcpiPartyRef[]> {
    const hosted = await this.repos.parties.listHosted();
    return hosted
      .filter((p) => p.roles.includes('CPO'))
      .map((p) => ({ country_code: p.country_code, party_id: p.party_id }));
  }

  async resolve(to: OcpiPartyRef | undefined): Promise<RouteTarget> {
    if (!to || (ciEquals(to.country_code, this.hub.country_code) && ciEquals(to.party_id, this.hub.party_id))) {
      return { kind: 'hub', parties: await this.hostedCpos() };
    }
    const party = await this.repos.parties.find(to.country_code.toUpperCase(), to.party_id.toUpperCase());
    if (!party) throw new OcpiError(OcpiStatus.UNKNOWN_RECEIVER, `Unknown receiver ${to.country_code}/${to.party_id}`);
    if (party.partner_id) return { kind: 'remote', partnerId: party.partner_id, party };
    return { kind: 'hosted', parties: [{ country_code: party.country_code, party_id: party.party_id }], party };
  }

  /**
   * The hosted parties a request may read: what `to` resolves to. Remote parties are not
   * forwarded yet: that is a Hub error (status_codes §4xxx), not a silent empty answer.
   */
  async hostedScope(to: OcpiPartyRef | undefined): Promise<{ parties: OcpiPartyRef[]; target: RouteTarget }> {
    const target = await this.resolve(to);
    if (target.kind === 'remote') {
      throw new OcpiError(OcpiStatus.CONNECTION_PROBLEM, 'Forwarding to remote parties is not supported yet');
    }
    if (target.kind === 'hosted' && !target.party.roles.includes('CPO')) {
      throw new OcpiError(OcpiStatus.UNKNOWN_RECEIVER, `${to?.country_code}/${to?.party_id} is not a CPO on this hub`);
    }
    return { parties: target.parties, target };
  }
}
