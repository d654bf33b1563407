/**
 * @chargebridge/ocpp — the OCPP-J wire protocol (1.6, 2.0.1, 2.1): versions and subprotocols,
 * frames, error codes, schema validation and an RPC connection usable on both ends.
 */

export * from './error-codes.js';
export * from './frame.codec.js';
export * from './frame.types.js';
export * from './frame-size.js';
export * as Ocpp16 from './generated/ocpp16.types.js';
export * as Ocpp21 from './generated/ocpp21.types.js';
export * as Ocpp201 from './generated/ocpp201.types.js';
export * from './ocpp-error.js';
export * from './ocpp-version.js';
export * from './rpc.types.js';
export { DEFAULT_CALL_TIMEOUT_MS, RpcConnection } from './rpc-connection.js';
export * from './rpc-errors.js';
export * from './rpc-socket.js';
export * from './schema-error-codes.js';
export { SCHEMA_PATCHES, type SchemaPatch } from './schema-patches.js';
export type { JsonSchema, MessageKind, VersionSchemas } from './schema-source.js';
export { loadVersionSchemas, officialSchemaName, SCHEMA_FILES } from './schema-source.js';
export * from './validator-registry.js';
