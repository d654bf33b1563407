/**
 * Commands module (mod_commands.asciidoc): the five command bodies, CommandResponse,
 * CommandResult and the enums CommandType, CommandResponseType, CommandResultType.
 */
import { type Static, Type } from 'typebox';
import { Token } from './token.schema.js';
import { CiString, DateTime, DisplayText, Url } from './types.schema.js';

/** `CommandType` enum (commands §CommandType). */
export const CommandType = Type.Enum(
  ['CANCEL_RESERVATION', 'RESERVE_NOW', 'START_SESSION', 'STOP_SESSION', 'UNLOCK_CONNECTOR'],
  { type: 'string' },
);
/** Static type of {@link CommandType}. */
export type CommandType = Static<typeof CommandType>;

/** `CommandResponseType` enum (commands §CommandResponseType): the CPO's direct answer. */
export const CommandResponseType = Type.Enum(['NOT_SUPPORTED', 'REJECTED', 'ACCEPTED', 'UNKNOWN_SESSION'], {
  type: 'string',
});
/** Static type of {@link CommandResponseType}. */
export type CommandResponseType = Static<typeof CommandResponseType>;

/** `CommandResultType` enum (commands §CommandResultType): the Charge Point's asynchronous result. */
export const CommandResultType = Type.Enum(
  [
    'ACCEPTED',
    'CANCELED_RESERVATION',
    'EVSE_OCCUPIED',
    'EVSE_INOPERATIVE',
    'FAILED',
    'NOT_SUPPORTED',
    'REJECTED',
    'TIMEOUT',
    'UNKNOWN_RESERVATION',
  ],
  { type: 'string' },
);
/** Static type of {@link CommandResultType}. */
export type CommandResultType = Static<typeof CommandResultType>;

/** `CancelReservation` object (commands §CancelReservation Object). */
export const CancelReservation = Type.Object({
  response_url: Url,
  reservation_id: CiString(36),
});
/** Static type of {@link CancelReservation}. */
export type CancelReservation = Static<typeof CancelReservation>;

/** `ReserveNow` object (commands §ReserveNow Object). */
export const ReserveNow = Type.Object({
  response_url: Url,
  token: Token,
  expiry_date: DateTime,
  reservation_id: CiString(36),
  location_id: CiString(36),
  evse_uid: Type.Optional(CiString(36)),
  authorization_reference: Type.Optional(CiString(36)),
});
/** Static type of {@link ReserveNow}. */
export type ReserveNow = Static<typeof ReserveNow>;

/**
 * `StartSession` object (commands §StartSession Object). `evse_uid` is required when
 * `connector_id` is set; that rule is part of the schema.
 */
export const StartSession = Type.Object(
  {
    response_url: Url,
    token: Token,
    location_id: CiString(36),
    evse_uid: Type.Optional(CiString(36)),
    connector_id: Type.Optional(CiString(36)),
    authorization_reference: Type.Optional(CiString(36)),
  },
  { dependencies: { connector_id: ['evse_uid'] } },
);
/** Static type of {@link StartSession}. */
export type StartSession = Static<typeof StartSession>;

/** `StopSession` object (commands §StopSession Object). */
export const StopSession = Type.Object({
  response_url: Url,
  session_id: CiString(36),
});
/** Static type of {@link StopSession}. */
export type StopSession = Static<typeof StopSession>;

/** `UnlockConnector` object (commands §UnlockConnector Object). */
export const UnlockConnector = Type.Object({
  response_url: Url,
  location_id: CiString(36),
  evse_uid: CiString(36),
  connector_id: CiString(36),
});
/** Static type of {@link UnlockConnector}. */
export type UnlockConnector = Static<typeof UnlockConnector>;

/** The request body schema for each command (commands §Receiver Interface, Request Body). */
export const CommandRequestSchemas = {
  CANCEL_RESERVATION: CancelReservation,
  RESERVE_NOW: ReserveNow,
  START_SESSION: StartSession,
  STOP_SESSION: StopSession,
  UNLOCK_CONNECTOR: UnlockConnector,
} as const;

/** `CommandResponse` object (commands §CommandResponse Object): `timeout` in seconds. */
export const CommandResponse = Type.Object({
  result: CommandResponseType,
  timeout: Type.Integer({ minimum: 0 }),
  message: Type.Optional(Type.Array(DisplayText)),
});
/** Static type of {@link CommandResponse}. */
export type CommandResponse = Static<typeof CommandResponse>;

/** `CommandResult` object (commands §CommandResult Object), POSTed to `response_url`. */
export const CommandResult = Type.Object({
  result: CommandResultType,
  message: Type.Optional(Type.Array(DisplayText)),
});
/** Static type of {@link CommandResult}. */
export type CommandResult = Static<typeof CommandResult>;
