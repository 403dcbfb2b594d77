import Dexie from 'dexie';
import type { Table } from 'dexie';
import { auditTableName, preludeText, tableSegmentText, type BackupAuditHead, type BackupPrelude } from '../backup';

/** Rows per segment: Dexie's own export default (each segment is one encrypted chunk). */
export const defaultRowsPerSegment = 2000;

/** What a snapshot found before streaming its rows. */
export interface SnapshotFacts {
  databaseName: string;
  databaseVersion: number;
  counts: Record<string, number>;
  auditHeads: BackupAuditHead[];
  tables: BackupPrelude['data']['tables'];
}

/**
 * A table's schema string as dexie-export-import writes it (`'id,kind'`).
 *
 * @example schemaString(db.patients) // 'id,familyName,mrn,dateOfBirth'
 */
export function schemaString(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(',');
}

/** Each device's last audit entry and its number of entries, read with one range per device. */
async function auditHeads(audit: Table): Promise<BackupAuditHead[]> {
  const heads: BackupAuditHead[] = [];
  let next = (await audit.orderBy(':id').first()) as { deviceId: string } | undefined;
  while (next) {
    const deviceId = next.deviceId;
    // Two collections: Dexie's last() reverses the collection it is called on.
    const range = () => audit.where(':id').between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey]);
    const [last, count] = await Promise.all([range().last() as Promise<{ seq: number; hash: string }>, range().count()]);
    heads.push({ deviceId, seq: last.seq, hash: last.hash, count });
    next = (await audit.where(':id').above([deviceId, Dexie.maxKey]).first()) as { deviceId: string } | undefined;
  }
  return heads;
}

/**
 * Streams the WHOLE database — every table Dexie knows, including ones other
 * features add later, with no list to keep up to date — as Dexie export
 * segments (core/backup payload.ts), inside ONE read transaction, so the
 * rows, counts and audit heads are one consistent moment. `begin` receives
 * the facts first (the file header needs them before any row); `segment` is
 * awaited through `Dexie.waitFor`, which keeps the transaction alive while
 * the file is encrypted and written. Commands wait while it runs (IndexedDB
 * lets a write start only after an overlapping read ends): the schedule
 * picks a quiet minute.
 *
 * Why not dexie-export-import's `exportDB`: it returns the export as one Blob
 * at the end, which in Node (and in a browser short of disk-backed blob
 * storage) holds the whole database in memory before the first byte could
 * be encrypted; this writes the same format page by page. `npm run bench --
 * backup` measures both.
 *
 * @example await streamSnapshot(db, { begin: async (facts) => …, segment: async (text) => writer.add(text) });
 */
export async function streamSnapshot(
  db: Dexie,
  sink: {
    begin: (facts: SnapshotFacts) => Promise<void>;
    segment: (text: string, rows: number) => Promise<void>;
  },
  rowsPerSegment = defaultRowsPerSegment,
): Promise<SnapshotFacts> {
  return db.transaction('r', db.tables, async () => {
    const tables = [...db.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const counts = await Promise.all(tables.map((table) => table.count()));
    const audit = tables.find((table) => table.name === auditTableName);
    const facts: SnapshotFacts = {
      databaseName: db.name,
      databaseVersion: db.verno,
      counts: Object.fromEntries(tables.map((table, index) => [table.name, counts[index]!])),
      auditHeads: audit ? await auditHeads(audit) : [],
      tables: tables.map((table, index) => ({ name: table.name, schema: schemaString(table), rowCount: counts[index]! })),
    };
    await Dexie.waitFor(sink.begin(facts));
    await Dexie.waitFor(sink.segment(preludeText({ databaseName: facts.databaseName, databaseVersion: facts.databaseVersion, tables: facts.tables }), 0));
    for (const table of tables) {
      const keyPath = table.schema.primKey.keyPath;
      const inbound = keyPath !== null && keyPath !== undefined;
      let lastKey: unknown = undefined;
      for (;;) {
        const page = lastKey === undefined ? table.orderBy(':id').limit(rowsPerSegment) : table.where(':id').above(lastKey).limit(rowsPerSegment);
        // Inbound rows carry their key; outbound tables need theirs read alongside (Dexie's [key, value] pairs).
        const [keys, values] = await Promise.all([inbound ? null : page.primaryKeys(), page.toArray()]);
        if (values.length === 0) break;
        const rows = keys ? keys.map((key, index) => [key, values[index]]) : values;
        await Dexie.waitFor(sink.segment(tableSegmentText(table.name, inbound, rows), rows.length));
        lastKey = keys ? keys[keys.length - 1] : Dexie.getByKeyPath(values[values.length - 1], keyPath as string | string[]);
        if (values.length < rowsPerSegment) break;
      }
    }
    return facts;
  });
}
