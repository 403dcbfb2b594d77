import type { FastifyInstance } from 'fastify';

/**
 * CORS for the desk app running in a browser (`npm run web`, origin e.g.
 * http://127.0.0.1:5174) or a shell whose page origin differs from the
 * server's. The API authenticates with a bearer token the page sends
 * explicitly — no cookies, no ambient credentials — so any origin may call
 * it (`Access-Control-Allow-Origin: *`, never with credentials): a page that
 * has no token gets nothing it could not get with curl. Preflights
 * (`OPTIONS`, sent because of `Authorization` and the JSON content type)
 * answer 204 before routing, rate limits or authentication.
 *
 * @example registerCors(app); // before the routes
 */
export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'retry-after');
    if (request.method !== 'OPTIONS') return;
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'authorization, content-type, accept');
    reply.header('access-control-max-age', '600');
    await reply.status(204).send();
  });
}
