import type { FastifyInstance } from 'fastify';
import { enrollDevice } from '../accounts/enroll-device';
import { ApiError } from '../http/api-error';
import type { SharedRateLimiter } from '../http/rate-limiter';
import type { Storage } from '../storage/storage';
import type { Clock } from '../sync/sync-auth';

/**
 * POST /v1/enroll (no token): code → device token. Rate limited per client IP
 * so enrollment codes cannot be guessed at speed.
 *
 * @example registerEnrollRoute(app, { storage, clock, limiter })
 */
export function registerEnrollRoute(app: FastifyInstance, context: { storage: Storage; clock: Clock; limiter: SharedRateLimiter }): void {
  app.post('/v1/enroll', async (request) => {
    // Enrollment happens before a clinic is known: its counters share one scope.
    const allowed = await context.limiter.take('enroll', `ip:${request.ip}`);
    if (!allowed.ok) throw new ApiError(429, 'rate-limited', 'Too many enrollment attempts; wait and try again.', { details: { retryAfterSeconds: allowed.retryAfterSeconds } });
    const enrolled = await enrollDevice(context.storage, request.body, context.clock);
    request.log.info({ clinicId: enrolled.clinicId, deviceId: enrolled.deviceId }, 'device enrolled');
    return enrolled;
  });
}
