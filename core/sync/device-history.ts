import type { SyncTransport } from './sync-transport';

/** What the server holds of this device's own history after a given audit seq. */
export interface DeviceHistory {
  /** The newest deviceSeq the server recorded for this device. */
  lastDeviceSeq: number;
  /** The last entry of its chain on the server (null before the first). */
  auditHead: { seq: number; hash: string } | null;
  /** Its audit entries after the seq asked for, in seq order (plain objects, to be checked by the caller). */
  audit: unknown[];
}

/** The most entries a catch-up takes (a year of a busy desk is ~200,000); beyond it the restore goes on without. */
export const maxCatchUpEntries = 2_000_000;

/**
 * Reads, page by page, what the sync server holds of THIS device after
 * `afterAuditSeq` — used once, by a restore, so the restored desk continues
 * its audit chain and its mutation numbering where the server has them
 * rather than forking them (core/backup-restore restore-backup.ts). Null when
 * the transport has no such call.
 *
 * @example const history = await fetchDeviceHistory(transport, 120); // { lastDeviceSeq: 57, audit: [{ seq: 121, … }, …] }
 */
export async function fetchDeviceHistory(transport: SyncTransport, afterAuditSeq: number): Promise<DeviceHistory | null> {
  if (!transport.deviceState) return null;
  const audit: unknown[] = [];
  let after = afterAuditSeq;
  let lastDeviceSeq = 0;
  let auditHead: DeviceHistory['auditHead'] = null;
  for (;;) {
    const page = await transport.deviceState(after, 1000);
    lastDeviceSeq = page.lastDeviceSeq;
    auditHead = page.auditHead;
    audit.push(...page.audit);
    const last = page.audit.at(-1) as { seq?: unknown } | undefined;
    if (!page.hasMore || typeof last?.seq !== 'number' || audit.length >= maxCatchUpEntries) break;
    after = last.seq;
  }
  return { lastDeviceSeq, auditHead, audit };
}
