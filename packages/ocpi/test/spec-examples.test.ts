/**
 * Every example payload of the spec (examples/*.json) for the modules we model parses against
 * our schema and survives a JSON round trip unchanged.
 *
 * Examples that do not fit, on purpose (spec bugs; the schemas follow the normative tables):
 * - location_put_example_add_evse.json: its Connector lacks the required `power_type`,
 *   `max_voltage`, `max_amperage` and `last_updated`; it uses `floor` instead of `floor_level`;
 *   and `physical_reference` is the number 3 where the EVSE table says string(16).
 * - tariff_put_example.json: lacks `last_updated`, which the Tariff table makes required (1).
 * - The inline ClientInfo example in mod_hub_client_info.asciidoc (not an examples/ file) is not
 *   valid JSON (trailing comma) and, once that is fixed, lacks the required `last_updated`.
 *
 * Examples that parse but are semantically odd (no schema can catch these): cdr_example.json has
 * latitude and longitude swapped; session_example_2_short_finished.json gives ENERGY volumes
 * that look like Wh (120, 41000) against `kwh: 41.12`; the version details examples are for
 * version "2.2".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type TSchema, Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import {
  CDR,
  ClientInfo,
  ConnectorPatch,
  Credentials,
  DisplayText,
  EnergyMix,
  EVSE,
  EVSEPatch,
  Hours,
  Location,
  LocationPatch,
  OcpiResponse,
  parseOcpi,
  Session,
  SessionPatch,
  Tariff,
  Token,
  TokenPatch,
  VersionDetails,
  VersionList,
} from '../src/index.js';
import { HAS_SPECS, NO_SPECS, SPEC_DIR } from './spec-dir.js';

interface ExampleCase {
  schema: TSchema;
  /** Part of the file that is the object (some examples wrap it in a property). */
  pick?: string;
  /** The file is a whole response: validate the envelope with `data` of this schema. */
  envelope?: boolean;
  /** Known spec bug: the example must be rejected with a message containing this. */
  knownBad?: string;
}

/** Maps each example file to the schema it illustrates. */
function caseFor(file: string): ExampleCase | undefined {
  const table: [RegExp, ExampleCase][] = [
    [/^cdr_example\.json$/, { schema: CDR }],
    [/^credentials_example\d*\.json$/, { schema: Credentials }],
    [/^location_energymix_example_/, { schema: EnergyMix, pick: 'energy_mix' }],
    [/^location_example/, { schema: Location }],
    [/^location_hours_/, { schema: Hours }],
    [/^location_regularhours_example\.json$/, { schema: Hours, pick: 'opening_times' }],
    // PATCH URLs in mod_locations: .../1012 (Location), .../3255 and .../3256 (EVSE), .../3255/2 (Connector).
    [/^location_patch_example_location\.json$/, { schema: LocationPatch }],
    [/^location_patch_example_(status|remove_evse)\.json$/, { schema: EVSEPatch }],
    [/^location_patch_example_tariff\.json$/, { schema: ConnectorPatch }],
    [
      /^location_put_example_add_evse\.json$/,
      { schema: EVSE, knownBad: '$.connectors[0].power_type: missing required field' },
    ],
    [/^session_example_/, { schema: Session }],
    [/^session_patch_example_/, { schema: SessionPatch }],
    [/^tariff_put_example\.json$/, { schema: Tariff, knownBad: '$.last_updated: missing required field' }],
    [/^tariff(restriction_example)?_/, { schema: Tariff }],
    [/^token_patch_example\.json$/, { schema: TokenPatch }],
    [/^token_(example_|put_example)/, { schema: Token }],
    [/^transport_and_format_get_token_example\.json$/, { schema: Token, envelope: true }],
    [/^transport_and_format_get_token_list_example\.json$/, { schema: Type.Array(Token), envelope: true }],
    [/^transport_and_format_version_details_example\.json$/, { schema: VersionDetails, envelope: true }],
    [/^transport_and_format_version_info_example\.json$/, { schema: VersionList, envelope: true }],
    [/^type_displaytext_example\.json$/, { schema: DisplayText }],
    [/^version_details_example\d*\.json$/, { schema: VersionDetails }],
    [/^versions_info_example\.json$/, { schema: VersionList }],
  ];
  return table.find(([pattern]) => pattern.test(file))?.[1];
}

if (!HAS_SPECS) {
  describe('spec examples', () => {
    it.skip(NO_SPECS, () => {});
  });
} else {
  const files = readdirSync(`${SPEC_DIR}/examples`).filter((f) => f.endsWith('.json'));

  describe('spec examples', () => {
    it('every example file is mapped to a schema', () => {
      expect(files.length).toBeGreaterThan(50);
      expect(files.filter((f) => caseFor(f) === undefined)).toEqual([]);
    });

    for (const file of files) {
      const example = caseFor(file);
      if (!example) continue;
      const text = readFileSync(`${SPEC_DIR}/examples/${file}`, 'utf8');

      if (example.knownBad) {
        it(`${file} is rejected (known spec bug)`, () => {
          const result = parseOcpi(example.schema, JSON.parse(text));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.message).toContain(example.knownBad);
        });
        continue;
      }

      it(`${file} parses and round-trips`, () => {
        const json = JSON.parse(text) as Record<string, unknown>;
        const value = example.pick ? json[example.pick] : json;
        const schema = example.envelope ? OcpiResponse(example.schema) : example.schema;
        const result = parseOcpi(schema, value);
        if (!result.ok) throw new Error(`${file}: ${result.message}`);
        expect(JSON.parse(JSON.stringify(result.value))).toEqual(value);
        // Unwrapped data of a whole response also parses on its own.
        if (example.envelope) {
          const data = (value as { data: unknown }).data;
          expect(parseOcpi(example.schema, data).ok).toBe(true);
        }
      });
    }

    it('the inline ClientInfo example is rejected (known spec bug)', () => {
      const adoc = readFileSync(`${SPEC_DIR}/mod_hub_client_info.asciidoc`, 'utf8');
      const block = /PUT To URL: [^\n]*\n\n(\{[\s\S]*?\n\})/.exec(adoc)?.[1];
      expect(block).toBeDefined();
      expect(() => JSON.parse(block as string)).toThrow();
      const repaired = JSON.parse((block as string).replace(/,(\s*\})/, '$1'));
      const result = parseOcpi(ClientInfo, repaired);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('$.last_updated: missing required field');
      expect(parseOcpi(ClientInfo, { ...repaired, last_updated: '2019-01-01T00:00:00Z' }).ok).toBe(true);
    });
  });
}
