import { randomUUID } from 'node:crypto';
import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';

/**
 * An error as the logs show it: its kind, code, message and stack — never
 * the driver's extra fields (PostgreSQL's `detail` can quote a row's values,
 * i.e. patient data).
 *
 * @example logError(pgError) // { type: 'DatabaseError', code: '23505', message: 'duplicate key value …', stack }
 */
export function logError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error, ...(error === null ? { value: 'null' } : {}) };
  // Duck-typed: a driver's error may come from another copy of its module, not an instance of this realm's Error.
  const { name, code, message, stack } = error as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  return {
    type: typeof name === 'string' ? name : 'object',
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof stack === 'string' ? { stack } : {}),
  };
}

/**
 * The sync server's logger: pino JSON lines, one field per fact. What may be
 * logged is ids, counts, codes and timings; never a body, a token, a code or
 * a record's data (the routes log only those, `logError` strips drivers'
 * details, and the authorization header is redacted in case a serializer
 * ever includes headers). `server/app.test.ts` pushes a patient and checks
 * that no line carries their name.
 *
 * @example const log = serverLogger('info'); log.info({ clinicId }, 'push');
 */
export function serverLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.token'], censor: '[redacted]' },
    serializers: { err: logError },
    base: { service: 'timedesk-sync' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

// What a load balancer or proxy may pass as X-Request-Id: short, no spaces or quotes.
const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's id: the one a load balancer sent in X-Request-Id when it is
 * short and plain, otherwise a new UUID. Every log line of the request
 * carries it (`requestId`) and the response echoes it, so one desk's failed
 * push can be found across instances.
 *
 * @example requestIdFor('lb-7f3a') // 'lb-7f3a'
 * @example requestIdFor('a b') // '0b8e…' (a fresh UUID)
 */
export function requestIdFor(header: string | string[] | undefined): string {
  const sent = Array.isArray(header) ? header[0] : header;
  return sent !== undefined && requestIdPattern.test(sent) ? sent : randomUUID();
}
