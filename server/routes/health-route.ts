import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/storage';

/**
 * GET /v1/health → 200 `{ ok: true, version, storage }`. Cheap on purpose
 * (no query): a load balancer polls it often.
 *
 * @example registerHealthRoute(app, { storage, version: '0.1.0' })
 */
export function registerHealthRoute(app: FastifyInstance, context: { storage: Storage; version: string }): void {
  app.get('/v1/health', async () => ({ ok: true, version: context.version, storage: context.storage.kind }));
}
