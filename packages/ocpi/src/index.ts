/**
 * @chargebridge/ocpi: OCPI 2.2.1 schemas and types, response envelope, status codes, headers,
 * paging helpers and a partner HTTP client. No database, no server.
 */
export * from './authorization-header.js';
export * from './client-error.js';
export * from './client-response.js';
export * from './credentials.client.js';
export * from './envelope.js';
export * from './headers.js';
export * from './ocpi-error.js';
export * from './paging.js';
export * from './parse.js';
export * from './partner.client.js';
export * from './schemas/business-details.schema.js';
export * from './schemas/cdr.schema.js';
export * from './schemas/charging-preferences.schema.js';
export * from './schemas/charging-profile.schema.js';
export * from './schemas/command.schema.js';
export * from './schemas/credentials.schema.js';
export * from './schemas/energy-mix.schema.js';
export * from './schemas/geo-location.schema.js';
export * from './schemas/hours.schema.js';
export * from './schemas/hub-client-info.schema.js';
export * from './schemas/location.schema.js';
export * from './schemas/location-enums.schema.js';
export * from './schemas/session.schema.js';
export * from './schemas/tariff.schema.js';
export * from './schemas/token.schema.js';
export * from './schemas/types.schema.js';
export * from './schemas/version.schema.js';
export * from './status-codes.js';
