import type { BackupAuditHead } from './backup-header';

/** How the local audit log stands against the heads a backup recorded. */
export type AnchorFinding =
  | { kind: 'holds'; deviceId: string; seq: number }
  /** The log ends before the anchored entry: entries were cut off. */
  | { kind: 'truncated'; deviceId: string; seq: number; localSeq: number }
  /** The anchored entry is there with another hash: the log was rewritten. */
  | { kind: 'rewritten'; deviceId: string; seq: number };

/**
 * Compares anchors (the chain heads of the last backups, kept apart from the
 * log) with what the log holds now. `hashAt` answers the stored hash of a
 * device's entry `seq` (null when absent), `localHead` the device's last seq.
 * A desk without sync has no other witness of its log than its backups.
 *
 * @example compareWithAnchors(anchors, (d, s) => stored.get(`${d}:${s}`) ?? null, (d) => heads.get(d) ?? 0)
 */
export function compareWithAnchors(
  anchors: readonly Pick<BackupAuditHead, 'deviceId' | 'seq' | 'hash'>[],
  hashAt: (deviceId: string, seq: number) => string | null,
  localHead: (deviceId: string) => number,
): AnchorFinding[] {
  return anchors.map((anchor) => {
    const hash = hashAt(anchor.deviceId, anchor.seq);
    if (hash === null) return { kind: 'truncated', deviceId: anchor.deviceId, seq: anchor.seq, localSeq: localHead(anchor.deviceId) };
    if (hash !== anchor.hash) return { kind: 'rewritten', deviceId: anchor.deviceId, seq: anchor.seq };
    return { kind: 'holds', deviceId: anchor.deviceId, seq: anchor.seq };
  });
}
