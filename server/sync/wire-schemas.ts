import { z } from 'zod';
import { syncEntities } from '../storage/storage';

/**
 * zod schemas for request bodies at the HTTP edge (server/PROTOCOL.md). They
 * check the envelope only; the records inside `effects` are checked per
 * mutation with core/model (a bad record rejects that mutation, it does not
 * fail the request), and audit entries with core/audit.
 */

const text = (max: number) => z.string().min(1).max(max);

/** The most mutations one push may carry. */
export const maxMutationsPerPush = 100;
/** The most audit entries one push may carry. */
export const maxAuditPerPush = 1000;

/**
 * One effect of a mutation: a record written or deleted.
 *
 * @example effectSchema.parse({ entity: 'patient', id: 'p1', op: 'put', data: { id: 'p1', … } })
 */
export const effectSchema = z.object({
  entity: z.enum(syncEntities),
  id: text(64),
  op: z.enum(['put', 'delete']),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** One effect; see {@link effectSchema}. */
export type Effect = z.infer<typeof effectSchema>;

/**
 * A mutation: the client's outbox row (core/db OutboxMutation) plus its effects.
 *
 * @example mutationSchema.shape.deviceSeq.parse(1)
 */
export const mutationSchema = z.object({
  mutationId: text(100),
  deviceId: text(100),
  deviceSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  hlc: text(100),
  name: text(100),
  args: z.unknown(),
  baseVersion: z.number().int().min(0).nullable(),
  schemaVersion: z.number().int().min(0),
  effects: z.array(effectSchema).max(1000),
});

/** One mutation; see {@link mutationSchema}. */
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * POST /v1/sync/push body. Audit entries are checked one by one with core/audit.
 *
 * @example pushRequestSchema.parse({ deviceId: 'desk-1', mutations: [], audit: [] })
 */
export const pushRequestSchema = z.object({
  deviceId: text(100),
  mutations: z.array(mutationSchema).max(maxMutationsPerPush),
  audit: z.array(z.unknown()).max(maxAuditPerPush).default([]),
});

/** A push body; see {@link pushRequestSchema}. */
export type PushRequest = z.input<typeof pushRequestSchema>;

/**
 * GET /v1/sync/pull query: `after` is the cursor (a change number as text),
 * `limit` 1–1000, `schema` the desk's data schema.
 *
 * @example pullQuerySchema.parse({ after: '42', schema: '4' }) // { after: 42, limit: 500, schema: 4 }
 */
export const pullQuerySchema = z.object({
  after: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'a cursor returned by an earlier pull, or 0')
    .default('0')
    .transform(Number),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, 'a whole number from 1 to 1000')
    .default('500')
    .transform(Number)
    .refine((limit) => limit <= 1000, 'at most 1000'),
  /** The desk's data schema (core/db's version); absent from desks before v4, which are refused (desk-version.ts). */
  schema: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, 'a whole number')
    .transform(Number)
    .optional(),
});

/**
 * POST /v1/enroll body. `deskSetUp` (added): the desk already holds its own
 * clinic (it ran first run); false or absent for a fresh desk that joins.
 *
 * @example enrollRequestSchema.parse({ code: 'ABCD-EFGH-JKMN', deviceId: 'desk-1', deviceName: 'Front desk 1' }).deskSetUp // false
 */
export const enrollRequestSchema = z.object({
  code: text(100),
  deviceId: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/, 'letters, digits, "_", ":" and "-" (at most 64)'),
  deviceName: text(200),
  deskSetUp: z.boolean().default(false),
});
