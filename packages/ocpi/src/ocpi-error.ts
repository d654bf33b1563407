/**
 * The error thrown by OCPI request handlers: an OCPI status code, a message, and the HTTP status
 * the response should carry.
 *
 * HTTP status rules (status_codes.asciidoc §Status codes): a request that is valid JSON,
 * addresses an existing resource and comes from an authenticated party has reached the OCPI
 * layer and MUST NOT get an HTTP error status; its outcome is told by `status_code` alone, so the
 * default HTTP status of every OCPI status code is 200. HTTP errors are for the transport layer:
 * - 400: the body is not valid JSON (status_codes §Status codes);
 * - 401: missing or unknown credentials token, or CREDENTIALS_TOKEN_A used outside the
 *   credentials and versions modules (transport_and_format §Authorization header);
 * - 404: GET of an object that does not exist (status_codes §Status codes), a real-time
 *   authorization for an unknown Token (tokens §POST Method), or an object URL outside the
 *   client's CredentialsRoles (transport_and_format §Errors);
 * - 405: credentials POST when already registered, PUT/DELETE when not (credentials §POST/§PUT/§DELETE).
 */
import { type OcpiEnvelope, ocpiError } from './envelope.js';
import { describeStatus, OcpiStatus } from './status-codes.js';

/** An OCPI-level error: serialize it with {@link OcpiError.toResponse}. */
export class OcpiError extends Error {
  /** OCPI `status_code` of the response. */
  readonly statusCode: number;
  /** HTTP status of the response. */
  readonly httpStatus: number;
  /** Optional `data` for the error envelope, e.g. details for a programmer. */
  readonly data: unknown;

  constructor(statusCode: number, message?: string, httpStatus = 200, data?: unknown) {
    super(message ?? describeStatus(statusCode));
    this.name = 'OcpiError';
    this.statusCode = statusCode;
    this.httpStatus = httpStatus;
    this.data = data;
  }

  /** The response envelope for this error. */
  toResponse(): OcpiEnvelope {
    return ocpiError(this.statusCode, this.message, this.data);
  }

  /** 2000 with HTTP 401: missing/unknown credentials token (transport_and_format §Authorization header). */
  static unauthorized(message = 'Unauthorized'): OcpiError {
    return new OcpiError(OcpiStatus.CLIENT_ERROR, message, 401);
  }

  /** 2000 with HTTP 400: the request body is not valid JSON (status_codes §Status codes). */
  static badRequest(message = 'Request body is not valid JSON'): OcpiError {
    return new OcpiError(OcpiStatus.CLIENT_ERROR, message, 400);
  }

  /**
   * HTTP 404 for a GET of an object that does not exist (status_codes §Status codes). The
   * status code defaults to 2000; use {@link OcpiError.unknownLocation} for a Location.
   */
  static notFound(message = 'Object not found', statusCode: number = OcpiStatus.CLIENT_ERROR): OcpiError {
    return new OcpiError(statusCode, message, 404);
  }

  /** 2000 with HTTP 405 (credentials §POST, §PUT, §DELETE Method). */
  static methodNotAllowed(message = 'Method not allowed'): OcpiError {
    return new OcpiError(OcpiStatus.CLIENT_ERROR, message, 405);
  }

  /** 2001 with HTTP 200: invalid or missing parameters in a request that reached the OCPI layer. */
  static invalidParameters(message = describeStatus(2001), data?: unknown): OcpiError {
    return new OcpiError(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, message, 200, data);
  }

  /** 2002 with HTTP 200, e.g. a real-time authorization without LocationReferences (tokens §POST). */
  static notEnoughInformation(message = describeStatus(2002)): OcpiError {
    return new OcpiError(OcpiStatus.NOT_ENOUGH_INFORMATION, message, 200);
  }

  /**
   * 2003, by default with HTTP 404 (GET of an unknown Location). Pass `httpStatus` 200 when the
   * unknown Location is named in the body of a request to an existing endpoint, as in
   * START_SESSION (status_codes §2xxx): such a request has reached the OCPI layer.
   */
  static unknownLocation(message = describeStatus(2003), httpStatus = 404): OcpiError {
    return new OcpiError(OcpiStatus.UNKNOWN_LOCATION, message, httpStatus);
  }

  /** 2004 with HTTP 404: real-time authorization of an unknown Token (tokens §POST Method). */
  static unknownToken(message = describeStatus(2004)): OcpiError {
    return new OcpiError(OcpiStatus.UNKNOWN_TOKEN, message, 404);
  }

  /** 3000 with HTTP 500: the handler failed below the OCPI layer (an unexpected exception). */
  static internal(message = describeStatus(3000)): OcpiError {
    return new OcpiError(OcpiStatus.SERVER_ERROR, message, 500);
  }

  /** Returns `error` if it is an OcpiError, otherwise {@link OcpiError.internal} (no details leak). */
  static from(error: unknown): OcpiError {
    return error instanceof OcpiError ? error : OcpiError.internal();
  }
}
