import { OcpiError, OcpiStatus, responseIdHeaders, responseRoutingHeaders } from '@chargebridge/ocpi';
import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * The OCPI scope's error handler: every error becomes an OCPI envelope (transport_and_format
 * §Response format). `OcpiError` carries its own codes; a body that is not JSON is HTTP 400 with
 * 2001 and a readable message (never a 500); anything unexpected is logged and is 3000/500
 * without details.
 */
export function installOcpiErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | OcpiError, request, reply) => {
    if (request.ocpi) {
      reply.headers(responseIdHeaders(request.ocpi));
      reply.headers(responseRoutingHeaders(request.ocpi.routing));
    }
    if (error instanceof OcpiError) {
      if (error.httpStatus === 401) reply.header('www-authenticate', 'Token');
      return reply.code(error.httpStatus).send(error.toResponse());
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status < 500) {
      const message =
        fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? `Request body is not valid JSON: ${error.message}`
          : error.message;
      return reply.code(status).send(new OcpiError(OcpiStatus.INVALID_OR_MISSING_PARAMETERS, message).toResponse());
    }
    request.log.error({ err: error, url: request.url }, 'OCPI request failed');
    return reply.code(500).send(OcpiError.internal().toResponse());
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(OcpiError.notFound(`No OCPI endpoint ${request.method} ${request.url}`).toResponse()),
  );
}
