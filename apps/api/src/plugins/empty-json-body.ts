import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/**
 * The hub's JSON body parser: OCPI partners and scripts commonly send `Content-Type:
 * application/json` on every call, bodyless DELETEs included, so an empty body with that content
 * type means "no body" (a route that needs one still refuses it from its schema: OCPI 2001, admin
 * 400). Anything else is fastify's own JSON parser with the server's prototype / constructor
 * poisoning settings. Registered on the root instance, so the admin API and OCPI inherit it.
 */
export function installEmptyJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'error',
  );
  const parseJsonOrNothing: FastifyBodyParser<string> = (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonOrNothing);
}
