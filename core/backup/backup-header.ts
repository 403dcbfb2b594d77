import { z } from 'zod';
import { backupRecipientSchema, hexBytes } from './backup-key';

/**
 * The newest file format this build writes and reads. Bump it when the byte
 * layout, the header's meaning or the encryption changes; a reader refuses
 * a newer one (`newer-format`) rather than guess.
 */
export const backupFormatVersion = 1;

/** Why a backup was made: shown in the list, and the retention keeps `scheduled` ones in generations. */
export const backupKinds = ['scheduled', 'manual', 'on-quit', 'before-restore'] as const;

/** One of {@link backupKinds}. */
export type BackupKind = (typeof backupKinds)[number];

const utcInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'a UTC instant like 2026-12-05T08:02:00.000Z');
const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a table name');

/**
 * One device's audit chain head at the moment of the backup: the anchor a
 * later check of the local log (or `timedesk-audit verify --backup`) compares
 * against — the entry `seq` of `deviceId` must still have `hash`.
 */
export const backupAuditHeadSchema = z.object({
  deviceId: z.string().min(1).max(100),
  seq: z.number().int().min(1),
  hash: hexBytes(32),
  /** Entries of this device in the backup (seq 1…`seq` when the chain is whole). */
  count: z.number().int().min(1),
});

/** See {@link backupAuditHeadSchema}. */
export type BackupAuditHead = z.infer<typeof backupAuditHeadSchema>;

/**
 * The plain (unencrypted, but authenticated: its SHA-256 is in every chunk's
 * additional data) header of a backup file. Enough for a restore to say what
 * a file is before the passphrase is asked for, and nothing about patients.
 *
 * @example backupHeaderSchema.parse(header).clinic.name // 'North Street'
 */
export const backupHeaderSchema = z
  .object({
    app: z.literal('timedesk'),
    format: z.number().int().min(1),
    kind: z.enum(backupKinds),
    createdAt: utcInstant,
    appVersion: z.string().min(1).max(50),
    /** `id`: this database's own clinic identity; `serverClinicId`: the sync server's id, when the desk is enrolled. */
    clinic: z.object({
      id: z.string().min(1).max(100),
      serverClinicId: z.string().min(1).max(100).nullable(),
      name: z.string().max(200),
      timeZone: z.string().min(1).max(100),
    }),
    /** The device the database belongs to (its audit chain, its outbox). */
    deviceId: z.string().min(1).max(100),
    database: z.object({ name: z.string().min(1).max(100), version: z.number().int().min(1) }),
    /** Rows per table, as read in the backup's one transaction. */
    counts: z.record(tableName, z.number().int().min(0)),
    auditHeads: z.array(backupAuditHeadSchema).max(10_000),
    encryption: backupRecipientSchema.extend({
      cipher: z.literal('AES-256-GCM'),
      compression: z.literal('deflate-raw'),
      ephemeralPublicKey: hexBytes(32),
    }),
  })
  .strict();

/** See {@link backupHeaderSchema}. */
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The figures a list of backups and the restore screen show, read without the passphrase. */
export interface BackupSummary {
  kind: BackupKind;
  createdAt: string;
  clinic: BackupHeader['clinic'];
  appVersion: string;
  /** Appointments, patients, series, audit entries… */
  counts: Record<string, number>;
  /** Sum of every table's rows. */
  totalRows: number;
}

/**
 * What to show about a file before decrypting it.
 *
 * @example summarizeHeader(header).counts.appointments // 200000
 */
export function summarizeHeader(header: BackupHeader): BackupSummary {
  const totalRows = Object.values(header.counts).reduce((sum, count) => sum + count, 0);
  return { kind: header.kind, createdAt: header.createdAt, clinic: header.clinic, appVersion: header.appVersion, counts: header.counts, totalRows };
}

/**
 * Whether a backup belongs to the same clinic as this desk: the same local
 * identity (the desk or one restored from it), or the same sync-server clinic
 * (another desk of it).
 *
 * @example sameClinic(header.clinic, { id: 'k1', serverClinicId: null }) // true when header.clinic.id === 'k1'
 */
export function sameClinic(a: Pick<BackupHeader['clinic'], 'id' | 'serverClinicId'>, b: Pick<BackupHeader['clinic'], 'id' | 'serverClinicId'>): boolean {
  return a.id === b.id || (a.serverClinicId !== null && a.serverClinicId === b.serverClinicId);
}
