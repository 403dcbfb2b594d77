import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { authenticate } from '../http/authenticate';
import type { SharedRateLimiter } from '../http/rate-limiter';
import type { Storage } from '../storage/storage';
import { applyPush } from '../sync/apply-push';
import { refuseOutdatedPull } from '../sync/desk-version';
import { readChanges } from '../sync/read-changes';
import { readDeviceState } from '../sync/read-device-state';
import type { Clock, SyncAuth } from '../sync/sync-auth';

/**
 * POST /v1/sync/push, GET /v1/sync/pull and GET /v1/sync/device-state. Each request is authenticated
 * by its bearer token (scoping everything to the token's clinic and device),
 * then counted against the token's rate limit. Logs carry ids and counts,
 * never tokens or bodies.
 *
 * @example registerSyncRoutes(app, { storage, clock, limiter })
 */
export function registerSyncRoutes(app: FastifyInstance, context: { storage: Storage; clock: Clock; limiter: SharedRateLimiter }): void {
  const authorise = async (request: FastifyRequest): Promise<SyncAuth> => {
    const auth = await authenticate(context.storage, request.headers.authorization);
    const allowed = await context.limiter.take(auth.clinicId, auth.tokenHash);
    if (!allowed.ok) {
      throw new ApiError(429, 'rate-limited', `Too many requests from this device; retry in ${allowed.retryAfterSeconds} s.`, { details: { retryAfterSeconds: allowed.retryAfterSeconds } });
    }
    return { clinicId: auth.clinicId, deviceId: auth.deviceId };
  };

  app.post('/v1/sync/push', async (request) => {
    const auth = await authorise(request);
    try {
      const response = await applyPush(context.storage, auth, request.body);
      const counts: Record<string, number> = {};
      for (const result of response.results) counts[result.status] = (counts[result.status] ?? 0) + 1;
      request.log.info({ ...auth, results: counts, auditAccepted: response.audit.accepted }, 'push');
      return response;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) request.log.warn({ ...auth, code: error.code, details: { seq: error.details?.['seq'], expected: error.details?.['expected'] } }, 'push refused');
      throw error;
    }
  });

  app.get('/v1/sync/pull', async (request) => {
    const auth = await authorise(request);
    refuseOutdatedPull(request.query);
    return readChanges(context.storage, auth, request.query, context.clock);
  });

  app.get('/v1/sync/device-state', async (request) => {
    const auth = await authorise(request);
    return readDeviceState(context.storage, auth, request.query);
  });
}
