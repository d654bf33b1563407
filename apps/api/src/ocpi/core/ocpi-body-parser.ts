import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/**
 * The OCPI scope's JSON body parser: partners commonly send `Content-Type: application/json` on
 * every call, bodyless DELETEs included, so an empty body with that content type means "no body"
 * (a route that needs one still answers 2001 from its schema). Anything else is fastify's own
 * JSON parser with the server's prototype / constructor poisoning settings. Registered in the
 * encapsulated OCPI context only: the admin API keeps fastify's default.
 */
export function installOcpiBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'error',
  );
  const parseOcpiJson: FastifyBodyParser<string> = (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseOcpiJson);
}
