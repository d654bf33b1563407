import type { FastifyError, FastifyInstance } from 'fastify';

/** An admin API error with its HTTP status and a stable code (`{ error, message }`). */
export class AdminError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

/**
 * The admin API's error shape, `{ error: CODE, message: TEXT }` with a 4xx/5xx status,
 * for thrown `AdminError`s, schema validation failures and anything unexpected.
 */
export function installAdminErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AdminError, request, reply) => {
    if (error instanceof AdminError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message });
    }
    if ((error as FastifyError).validation) {
      return reply.code(400).send({ error: 'invalid_request', message: error.message });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'admin request failed');
    return reply.code(status).send({
      error: status >= 500 ? 'internal_error' : 'bad_request',
      message: status >= 500 ? 'internal error' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
  );
}
