import { z } from 'zod';
import type { AuditCheckpoint } from './verify-chain';

/**
 * Format name written into every manifest; bump it if the columns or hash rule change.
 *
 * @example manifest.format === AUDIT_CSV_FORMAT // 'timedesk-audit-csv/1'
 */
export const AUDIT_CSV_FORMAT = 'timedesk-audit-csv/1';

const hashHex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Per-device summary of the rows in one export.
 *
 * @example auditExportHeadSchema.parse({ deviceId: 'desk-1', count: 3, firstSeq: 1, lastSeq: 3, headHash: '…64 hex…' })
 */
export const auditExportHeadSchema = z.object({
  deviceId: z.string().min(1),
  /** Rows of this device in the file. */
  count: z.number().int().min(1),
  firstSeq: z.number().int().min(1),
  lastSeq: z.number().int().min(1),
  /** `hash` of the row with `lastSeq`: the expected head. */
  headHash: hashHex,
});

/**
 * The `<name>.manifest.json` written beside an export. It carries what the
 * rows alone cannot prove: how many rows there are and the last row's hash,
 * so a cut-off tail shows. The verifier reads it; compare `headHash` with the
 * server's checkpoint for the same seq to rule out a rewritten chain.
 *
 * @example auditManifestSchema.parse(JSON.parse(text)).rows // 1000000
 */
export const auditManifestSchema = z.object({
  format: z.literal(AUDIT_CSV_FORMAT),
  /** true when any filter was applied: rows are then not a contiguous chain. */
  filtered: z.boolean(),
  filter: z.object({
    from: z.string().optional(),
    to: z.string().optional(),
    staffId: z.string().optional(),
    actions: z.array(z.string()).optional(),
    patientId: z.string().optional(),
  }),
  rows: z.number().int().min(0),
  heads: z.array(auditExportHeadSchema),
});

/** See {@link auditManifestSchema}. */
export type AuditManifest = z.infer<typeof auditManifestSchema>;

/** See {@link auditExportHeadSchema}. */
export type AuditExportHead = z.infer<typeof auditExportHeadSchema>;

/**
 * Where the manifest of an export lives: the CSV's name with `.csv` replaced
 * by `.manifest.json` (or appended when the name has no `.csv`).
 *
 * @example auditManifestPath('exports/audit-2026-03.csv') // 'exports/audit-2026-03.manifest.json'
 */
export function auditManifestPath(csvPath: string): string {
  return csvPath.replace(/\.csv$/i, '') + '.manifest.json';
}

/**
 * The expected heads (with exact row counts) a manifest promises, for the chain verifier.
 *
 * @example manifestCheckpoints(manifest) // [{ deviceId: 'desk-1', seq: 1000000, hash: '…', count: 1000000 }]
 */
export function manifestCheckpoints(manifest: AuditManifest): AuditCheckpoint[] {
  return manifest.heads.map((head) => ({ deviceId: head.deviceId, seq: head.lastSeq, hash: head.headHash, count: head.count }));
}
