/**
 * Versions module (version_information_endpoint.asciidoc): Version, VersionDetails, Endpoint.
 */
import { type Static, Type } from 'typebox';
import { Url } from './types.schema.js';

/** Known `VersionNumber` values (versions §VersionNumber). */
export const VERSION_NUMBERS = ['2.0', '2.1', '2.1.1', '2.2', '2.2.1'] as const;

/** `VersionNumber` enum (versions §VersionNumber), strict: use it to check a version we accept. */
export const VersionNumber = Type.Enum([...VERSION_NUMBERS], { type: 'string' });
/** Static type of {@link VersionNumber}. */
export type VersionNumber = Static<typeof VersionNumber>;

/**
 * A version number as found on the wire. The spec calls VersionNumber a list of *known*
 * versions; a partner that already offers a later one (say 3.0) must not make its whole
 * versions list unreadable, so we accept any short string here.
 */
const WireVersionNumber = Type.Unsafe<VersionNumber | (string & {})>(Type.String({ maxLength: 16 }));

/** `ModuleID` enum (versions §ModuleID): the standard modules of 2.2.1. */
export const ModuleID = Type.Enum(
  [
    'cdrs',
    'chargingprofiles',
    'commands',
    'credentials',
    'hubclientinfo',
    'locations',
    'sessions',
    'tariffs',
    'tokens',
  ],
  { type: 'string' },
);
/** Static type of {@link ModuleID}. */
export type ModuleID = Static<typeof ModuleID>;

/** `InterfaceRole` enum (versions §InterfaceRole). */
export const InterfaceRole = Type.Enum(['SENDER', 'RECEIVER'], { type: 'string' });
/** Static type of {@link InterfaceRole}. */
export type InterfaceRole = Static<typeof InterfaceRole>;

/** `Version` class (versions §Version): one entry of the versions list. */
export const Version = Type.Object({
  version: WireVersionNumber,
  url: Url,
});
/** Static type of {@link Version}. */
export type Version = Static<typeof Version>;

/** Data of the version information endpoint: `Version` with cardinality `+`. */
export const VersionList = Type.Array(Version, { minItems: 1 });
/** Static type of {@link VersionList}. */
export type VersionList = Static<typeof VersionList>;

/**
 * `Endpoint` class (versions §Endpoint). `identifier` is a ModuleID, but custom module ids are
 * explicitly allowed (versions §Custom Modules), so any string is accepted.
 */
export const Endpoint = Type.Object({
  identifier: Type.Unsafe<ModuleID | (string & {})>(Type.String({ maxLength: 255 })),
  role: InterfaceRole,
  url: Url,
});
/** Static type of {@link Endpoint}. */
export type Endpoint = Static<typeof Endpoint>;

/** Data of the version details endpoint (versions §Version details endpoint, Data). */
export const VersionDetails = Type.Object({
  version: WireVersionNumber,
  endpoints: Type.Array(Endpoint, { minItems: 1 }),
});
/** Static type of {@link VersionDetails}. */
export type VersionDetails = Static<typeof VersionDetails>;

/**
 * Finds the URL of a module in version details. For `credentials` the role is irrelevant
 * (versions §Endpoint, note), so it is ignored for that module.
 */
export function findEndpoint(
  details: VersionDetails,
  identifier: ModuleID | (string & {}),
  role: InterfaceRole,
): string | undefined {
  const match = details.endpoints.find(
    (e) => e.identifier === identifier && (identifier === 'credentials' || e.role === role),
  );
  return match?.url;
}
