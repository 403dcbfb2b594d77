import { z } from 'zod';
import type { AuditEntry } from '../audit';
import type { OutboxMutation } from '../db';

/**
 * The wire shapes of sync protocol v1 as the client sees them (server/PROTOCOL.md),
 * and the transport interface the client talks through. Responses are parsed
 * with zod at this edge; the records inside changes are the server's
 * (validated there with core/model) and are stored as they come.
 */

/**
 * Entities a pulled change may name. `availability` (the v3 weekday rule) is
 * still read so a clinic's old change log parses, and then skipped: the
 * server's upgrade wrote every stored rule again as a `scheduleBlock` later
 * in the same log (server/sync/schedule-upgrade.ts), so nothing is lost.
 */
const entities = ['appointment', 'series', 'seriesException', 'patient', 'resource', 'scheduleBlock', 'visitConfirmation', 'waitlistEntry', 'contactConsent', 'availability', 'closure', 'staff', 'conflict', 'clinic', 'staffCredential'] as const;

/**
 * The entity of the v3 weekday rules, superseded by `scheduleBlock`: pulled
 * changes of it are skipped (see `entities`).
 *
 * @example legacyWeeklyRuleEntity // 'availability'
 */
export const legacyWeeklyRuleEntity = 'availability';

/** POST /v1/sync/push body. */
export interface PushRequest {
  deviceId: string;
  mutations: OutboxMutation[];
  audit: AuditEntry[];
}

const reasonSchema = z.object({ code: z.string(), field: z.string().optional(), message: z.string() });

/**
 * One mutation's outcome. A `duplicate` is a replay the server had already
 * recorded; `original` says what it was then.
 *
 * @example pushResultSchema.parse({ mutationId: 'm1', status: 'applied', change: 7 })
 */
export const pushResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  original: z.enum(['applied', 'conflict', 'rejected']).optional(),
  change: z.number().optional(),
  conflictId: z.string().optional(),
  reason: reasonSchema.optional(),
});

/** One result; see {@link pushResultSchema}. */
export type PushResult = z.infer<typeof pushResultSchema>;

/**
 * POST /v1/sync/push response.
 *
 * @example pushResponseSchema.parse({ results: [], audit: { accepted: 0, head: null } })
 */
export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  audit: z.object({ accepted: z.number().int().min(0), head: z.object({ seq: z.number().int().min(0), hash: z.string() }).nullable() }),
});

/** A push response; see {@link pushResponseSchema}. */
export type PushResponse = z.infer<typeof pushResponseSchema>;

/**
 * One change of the clinic's log.
 *
 * @example pulledChangeSchema.parse({ change: 3, entity: 'patient', id: 'p1', op: 'delete', version: 3 })
 */
export const pulledChangeSchema = z
  .object({
    change: z.number().int().min(1),
    entity: z.enum(entities),
    id: z.string().min(1),
    op: z.enum(['put', 'delete']),
    version: z.number().int().min(0),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((change) => change.op === 'delete' || change.data !== undefined, { message: 'a put carries its record', path: ['data'] });

/** One pulled change; see {@link pulledChangeSchema}. */
export type PulledChange = z.infer<typeof pulledChangeSchema>;

/**
 * GET /v1/sync/pull response.
 *
 * @example pullResponseSchema.parse({ changes: [], nextCursor: '0', hasMore: false, serverTime: '2026-11-25T09:00:00.000Z' })
 */
export const pullResponseSchema = z.object({
  changes: z.array(pulledChangeSchema),
  nextCursor: z.string().min(1),
  hasMore: z.boolean(),
  serverTime: z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'an ISO instant'),
  /** The clinic's newest change number when the page was read: how far a joining desk has to go (progress). */
  lastChange: z.number().int().min(0).optional(),
  /** The clinic's desks by id with the names they enrolled under, so conflicts can say "Front desk 2", not an id. */
  devices: z.array(z.object({ id: z.string().min(1).max(100), name: z.string().max(200) })).max(10_000).optional(),
});

/** A pull page; see {@link pullResponseSchema}. */
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * Why a call failed, in the protocol's terms. `status` 0 means no HTTP answer
 * at all (offline, DNS, connection reset, aborted). `retryAfterMs` comes from
 * a 429's Retry-After header.
 *
 * @example new SyncTransportError(409, 'sequence-gap', 'Expected deviceSeq 4.', { details: { expected: 4 } })
 */
export class SyncTransportError extends Error {
  override readonly name = 'SyncTransportError';
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    extra: { field?: string; details?: Record<string, unknown>; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.field = extra.field;
    this.details = extra.details;
    this.retryAfterMs = extra.retryAfterMs;
  }

  /** Worth trying again later by itself: no answer, 5xx, 429. Anything else needs the data or a person to change. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * How the client reaches the server. The HTTP implementation is
 * http-transport.ts; tests pass one that calls the server's functions in
 * process, or that drops, repeats and delays messages. Failures are
 * {@link SyncTransportError}s; anything else thrown counts as "no answer".
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(after: string, limit: number): Promise<PullResponse>;
  /**
   * This device's own history as the server holds it (GET /v1/sync/device-state):
   * its last recorded deviceSeq and its audit entries after `afterAuditSeq`.
   * Only a restore from a backup asks (core/sync device-history.ts); transports
   * that never restore may leave it out.
   */
  deviceState?(afterAuditSeq: number, limit: number): Promise<DeviceStateResponse>;
}

/**
 * GET /v1/sync/device-state's answer; `audit` entries are checked by the
 * caller against its own chain (core/audit), so here they stay plain objects.
 *
 * @example deviceStateResponseSchema.parse({ deviceId: 'desk-1', lastDeviceSeq: 12, auditHead: null, audit: [], hasMore: false })
 */
export const deviceStateResponseSchema = z.object({
  deviceId: z.string().min(1),
  lastDeviceSeq: z.number().int().min(0),
  auditHead: z.object({ seq: z.number().int().min(1), hash: z.string() }).nullable(),
  audit: z.array(z.record(z.string(), z.unknown())),
  hasMore: z.boolean(),
});

/** See {@link deviceStateResponseSchema}. */
export type DeviceStateResponse = z.infer<typeof deviceStateResponseSchema>;
