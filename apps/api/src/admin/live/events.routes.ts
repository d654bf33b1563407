import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { LiveFeed } from '../../events/live-feed.js';
import { SseClient } from '../../events/sse-client.js';

const EVENTS_DESCRIPTION = `Server-sent events (\`text/event-stream\`), one stream for the whole dashboard.
Event types (\`event:\`) and their JSON \`data:\` are listed in apps/dashboard/src/live/event-types.ts:
\`station\`, \`connector\`, \`transaction\`, \`command\`, \`alert\`, \`partner\`, \`overview\`.
Within one poll (500 ms) only the newest state of each subject is sent. Every message's \`id:\`
is a cursor: reconnect with \`Last-Event-ID\` (browsers do so by themselves; or \`?last_event_id=\`)
to get everything changed meanwhile before the live events. A comment line every 15 s keeps
the stream open; \`retry: 2000\`.`;

/**
 * `GET /api/v1/events`: the live event stream. One feed (one poller) per API process, shared
 * by every client; it polls only while someone listens and stops when the API closes.
 */
export async function eventsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const feed = new LiveFeed({ db: deps.store.db, logger: deps.logger.child({ component: 'live-events' }) });
  // Before the server waits for open requests to finish: the streams never would.
  app.addHook('preClose', async () => feed.close());

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Live events (server-sent events), resumable with Last-Event-ID',
        description: EVENTS_DESCRIPTION,
        produces: ['text/event-stream'],
        querystring: Type.Object({
          last_event_id: Type.Optional(
            Type.String({ maxLength: 200, description: 'Resume cursor when the Last-Event-ID header cannot be set' }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const lastEventId =
        (Array.isArray(header) ? header[0] : header) ?? (request.query as { last_event_id?: string }).last_event_id;
      reply.hijack();
      // The response's 'close' (in SseClient) fires when the browser goes away.
      const client = new SseClient(reply.raw);
      await feed.subscribe(client, lastEventId);
    },
  );
}
