/**
 * @chargebridge/domain — the normalized model's mappings from OCPP (and later to OCPI):
 * pure functions, one place per mapping.
 */
export * from './alerts/alert-rules.js';
export * from './authorization-status.mapping.js';
export * from './connector-status.mapping.js';
export * from './evse-identity.js';
export * from './finance/cdr-export.format.js';
export * from './finance/cdr-export.query.js';
export * from './finance/cdr-export.stream.js';
export * from './finance/cdr-export.totals.js';
export * from './finance/decimal-sum.js';
export * from './measurand.normalizer.js';
export * from './ocpi/location.view.js';
export * from './partners/partner-health.js';
export * from './station-password.js';
export * from './station-settings.js';
export * from './station-worst-status.js';
