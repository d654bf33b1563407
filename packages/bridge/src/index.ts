/**
 * @chargebridge/bridge — the roaming logic between OCPP and OCPI: token authorization (runs in
 * the gateway), OCPI commands and charging profiles carried to stations (runs in the worker).
 */
export * from './authorization/authorization-cache.js';
export * from './authorization/authorization-explanation.js';
export * from './authorization/authorization-record.js';
export * from './authorization/authorizer.js';
export * from './authorization/realtime-authorization.client.js';
export * from './authorization/token-authorizer.js';
// Sessions, CDRs, delivery and reconciliation (sessions/, cdrs/, delivery/).
export * from './cdrs/cdr.builder.js';
export * from './cdrs/cdr-create.js';
export * from './cdrs/cdr-push.js';
export * from './cdrs/credit-cdr.js';
export * from './commands/charging-profile.mapping.js';
export * from './commands/command-executor.js';
export * from './commands/command-plan.js';
export * from './commands/command-result.delivery.js';
export * from './commands/command-result.mapping.js';
export * from './commands/reservation-state.js';
export * from './delivery/delivery-retry.js';
export * from './delivery/evse-status.js';
export * from './delivery/partner-repush.js';
export * from './delivery/push-attempt.js';
export * from './delivery/push-delivery.store.js';
export * from './delivery/reconcile.js';
export * from './delivery/token-owner.push.js';
export * from './sessions/charging-periods.builder.js';
export * from './sessions/reservation-expiry.sweep.js';
export * from './sessions/reservation-session.builder.js';
export * from './sessions/reservation-session.push.js';
export * from './sessions/reservation-session.store.js';
export * from './sessions/session.builder.js';
export * from './sessions/session.sync.js';
export * from './sessions/session-push.js';
export * from './sessions/session-source.js';
export * from './sessions/session-source.loader.js';
