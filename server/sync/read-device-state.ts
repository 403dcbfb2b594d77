import { z } from 'zod';
import { badRequestFromZod } from '../http/api-error';
import type { Storage } from '../storage/storage';
import type { SyncAuth } from './sync-auth';

/**
 * GET /v1/sync/device-state's query: audit entries of the token's own
 * device after `afterAuditSeq`, at most `limit` (1–1000, default 1000).
 */
export const deviceStateQuerySchema = z.object({
  afterAuditSeq: z.string().regex(/^(0|[1-9][0-9]{0,15})$/, 'a seq number, or 0').default('0').transform(Number),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, 'a whole number from 1 to 1000')
    .default('1000')
    .transform(Number)
    .refine((limit) => limit <= 1000, 'at most 1000'),
});

/** The body of GET /v1/sync/device-state. */
export interface DeviceStateResponse {
  deviceId: string;
  /** The deviceSeq of the newest mutation the server recorded for this device (0 before the first). */
  lastDeviceSeq: number;
  /** The last entry of this device's chain on the server, or null before its first. */
  auditHead: { seq: number; hash: string } | null;
  /** This device's own audit entries after `afterAuditSeq`, in seq order, exactly as pushed. */
  audit: Record<string, unknown>[];
  hasMore: boolean;
}

/**
 * What the server holds of the CALLING device's own history — never another
 * device's — so a desk restored from a backup can take up its chain and its
 * mutation numbering where the server has them instead of forking them
 * (core/backup-restore; server/PROTOCOL.md "Restored desks").
 *
 * @example await readDeviceState(storage, auth, { afterAuditSeq: '120' }) // { lastDeviceSeq: 57, auditHead: { seq: 121, … }, audit: [{ seq: 121, … }], hasMore: false }
 */
export async function readDeviceState(storage: Storage, auth: SyncAuth, query: unknown): Promise<DeviceStateResponse> {
  const parsed = deviceStateQuerySchema.safeParse(query ?? {}, { reportInput: true });
  if (!parsed.success) throw badRequestFromZod(parsed.error);
  const { afterAuditSeq, limit } = parsed.data;
  const [device, head, rows] = await Promise.all([
    storage.getDevice(auth.deviceId),
    storage.auditHead(auth.clinicId, auth.deviceId),
    storage.readAudit(auth.clinicId, auth.deviceId, afterAuditSeq + 1, limit + 1),
  ]);
  return {
    deviceId: auth.deviceId,
    lastDeviceSeq: device?.lastDeviceSeq ?? 0,
    auditHead: head ? { seq: head.seq, hash: head.hash } : null,
    audit: rows.slice(0, limit).map((row) => row.entry),
    hasMore: rows.length > limit,
  };
}
