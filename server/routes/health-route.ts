import type { FastifyInstance } from 'fastify';
import { logError } from '../http/logging';
import type { Storage } from '../storage/storage';

/** How long /v1/health waits for the database before it answers 503. */
export const healthCheckTimeoutMs = 2000;

/**
 * GET /v1/health → 200 `{ ok: true, version, storage, database: 'up' }` when
 * the database answers a trivial query within {@link healthCheckTimeoutMs},
 * else 503 `{ ok: false, …, database: 'down' }`, so a load balancer takes an
 * instance that lost its database out of rotation instead of sending desks
 * to it. One round trip, no clinic data read.
 *
 * @example registerHealthRoute(app, { storage, version: '0.1.0' })
 */
export function registerHealthRoute(app: FastifyInstance, context: { storage: Storage; version: string }): void {
  app.get('/v1/health', async (request, reply) => {
    const answer = { version: context.version, storage: context.storage.kind };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${healthCheckTimeoutMs} ms`)), healthCheckTimeoutMs);
    });
    try {
      await Promise.race([context.storage.checkHealth(), timedOut]);
      return { ok: true, ...answer, database: 'up' };
    } catch (error) {
      request.log.warn({ err: logError(error) }, 'health check: database down');
      return reply.status(503).header('retry-after', '5').send({ ok: false, ...answer, database: 'down' });
    } finally {
      clearTimeout(timer);
    }
  });
}
