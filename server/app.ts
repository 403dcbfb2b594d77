import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { ApiError } from './http/api-error';
import { registerCors } from './http/cors';
import { logError, requestIdFor, serverLogger } from './http/logging';
import { SharedRateLimiter } from './http/rate-limiter';
import { registerEnrollRoute } from './routes/enroll-route';
import { registerHealthRoute } from './routes/health-route';
import { registerSyncRoutes } from './routes/sync-routes';
import { StorageUnavailableError } from './storage/storage';
import type { Storage } from './storage/storage';
import type { Clock } from './sync/sync-auth';

/** Request size and rate limits. */
export interface ServerLimits {
  /** Largest request body in bytes (default 5 MiB); larger → 413. */
  bodyLimitBytes: number;
  /** Sync requests per token per window (default 300 per minute); more → 429 with Retry-After. */
  syncRequestsPerWindow: number;
  /** Enrollment attempts per client IP per window (default 10 per minute): codes cannot be guessed quickly. */
  enrollRequestsPerWindow: number;
  windowMs: number;
}

/** The defaults documented in server/README.md. */
export const defaultLimits: ServerLimits = {
  bodyLimitBytes: 5 * 1024 * 1024,
  syncRequestsPerWindow: 300,
  enrollRequestsPerWindow: 10,
  windowMs: 60_000,
};

/** What {@link buildServer} needs; everything with a side effect is injected. */
export interface BuildServerOptions {
  storage: Storage;
  /** A pino logger (`serverLogger`, http/logging.ts), `true` for one at info on stdout, or `false` (tests). */
  logger?: boolean | FastifyBaseLogger;
  limits?: Partial<ServerLimits>;
  clock?: Clock;
  /** Reported by /v1/health. */
  version?: string;
  /**
   * Behind a load balancer: trust X-Forwarded-For so the enrollment limit counts
   * client IPs, not the proxy's (Fastify's `trustProxy`: true, or the proxies' addresses/CIDRs).
   */
  trustProxy?: boolean | string;
}

/**
 * The sync service as a Fastify app, not yet listening: `app.inject(…)` in
 * tests, `app.listen(…)` in main.ts. The caller owns `storage` and closes it
 * after `app.close()`.
 *
 * @example
 * const app = buildServer({ storage, logger: false });
 * const response = await app.inject({ method: 'GET', url: '/v1/health' }); // 200 { ok: true, version }
 */
export function buildServer(options: BuildServerOptions): FastifyInstance {
  const limits = { ...defaultLimits, ...options.limits };
  const clock = options.clock ?? Date.now;
  const logger = options.logger === true ? serverLogger('info') : options.logger;
  const serverOptions: FastifyServerOptions = {
    ...(logger === false || logger === undefined ? { logger: false } : { loggerInstance: logger }),
    bodyLimit: limits.bodyLimitBytes,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    // One id per request on every log line (`requestId`) and in the X-Request-Id answer: a load balancer's, if it sent one.
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  };
  const app = Fastify(serverOptions);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      if (error.status === 429 && typeof error.details?.['retryAfterSeconds'] === 'number') reply.header('retry-after', String(error.details['retryAfterSeconds']));
      if (error.status >= 500) request.log.error({ code: error.code }, error.message);
      return reply.status(error.status).send(error.toEnvelope());
    }
    if (error instanceof StorageUnavailableError) {
      // The pool is exhausted, a statement timed out or the database went away: nothing was
      // committed, and a desk's retry is safe. Say when to come back rather than hang.
      request.log.warn({ reason: error.reason, err: logError(error) }, 'storage unavailable');
      reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(503).send(new ApiError(503, 'unavailable', 'The server is busy or lost its database for a moment; try again shortly.', { details: { reason: error.reason, retryAfterSeconds: error.retryAfterSeconds } }).toEnvelope());
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status === 413) {
      return reply.status(413).send(new ApiError(413, 'payload-too-large', `The request body is larger than ${limits.bodyLimitBytes} bytes; push fewer mutations at a time.`).toEnvelope());
    }
    if (status === 415) return reply.status(415).send(new ApiError(415, 'unsupported-media-type', 'Send JSON (Content-Type: application/json).').toEnvelope());
    if (status >= 400 && status < 500) {
      return reply.status(400).send(new ApiError(400, 'invalid-json', 'The request body is not valid JSON.', { field: 'body' }).toEnvelope());
    }
    // Storage down or a bug: log the error (never the body), answer 503 so clients retry later.
    request.log.error({ err: logError(error) }, 'request failed');
    return reply.status(503).send(new ApiError(503, 'unavailable', 'The server could not complete the request; try again shortly.').toEnvelope());
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(new ApiError(404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`).toEnvelope()));

  // Before the routes: a browser's preflight is answered without routing, rate limits or a token.
  registerCors(app);
  const windowOptions = (limit: number) => ({ limit, windowMs: limits.windowMs });
  registerHealthRoute(app, { storage: options.storage, version: options.version ?? 'dev' });
  registerEnrollRoute(app, { storage: options.storage, clock, limiter: new SharedRateLimiter(options.storage, windowOptions(limits.enrollRequestsPerWindow), clock) });
  registerSyncRoutes(app, { storage: options.storage, clock, limiter: new SharedRateLimiter(options.storage, windowOptions(limits.syncRequestsPerWindow), clock) });
  return app;
}
