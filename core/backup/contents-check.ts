import { AuditChainVerifier, parseAuditEntry, type AuditChainFailure } from '../audit';
import { BackupError } from './backup-error';
import type { BackupHeader } from './backup-header';
import { parsePrelude, parseTableSegment, type BackupPrelude, type TableSegment } from './payload';

/** The table whose rows are the hash-chained audit log. */
export const auditTableName = 'audit';

/** A segment after its checks: the prelude, or a page of one table's rows. */
export type CheckedSegment = { kind: 'prelude'; prelude: BackupPrelude } | { kind: 'rows'; segment: TableSegment };

/** What a whole, verified backup held. */
export interface ContentsReport {
  /** Rows per table, equal to the header's counts. */
  counts: Record<string, number>;
  /** Audit entries checked (hashes, links, no gap, heads as the header says). */
  auditEntries: number;
  segments: number;
}

/**
 * Checks a backup's decrypted segments as they stream by, so that "verified"
 * means: the prelude names the header's database and tables, every page
 * belongs to a listed table, each table holds exactly the rows the header
 * counts, and the audit log inside verifies as a hash chain ending at the
 * heads the header records (core/audit's verifier, with those heads as
 * checkpoints carrying exact counts). Memory: one segment at a time.
 *
 * @example
 * const check = new ContentsCheck(header);
 * for await (const text of segments) check.push(text);
 * check.finish(); // { counts, auditEntries, segments }
 */
export class ContentsCheck {
  private readonly seen = new Map<string, number>();
  private readonly chain: AuditChainVerifier;
  private chainFailure: AuditChainFailure | undefined;
  private index = 0;
  private auditEntries = 0;

  constructor(private readonly header: BackupHeader) {
    this.chain = new AuditChainVerifier({ expectedHeads: header.auditHeads });
  }

  /** Checks the next segment's text and returns it parsed; throws a BackupError on the first problem. */
  push(text: string): CheckedSegment {
    const index = this.index++;
    if (index === 0) {
      const prelude = parsePrelude(text);
      const { database, counts } = this.header;
      if (prelude.data.databaseName !== database.name || prelude.data.databaseVersion !== database.version) {
        throw new BackupError('contents-invalid', 'The contents are of another database than the header names.', { chunk: 0 });
      }
      const listed = prelude.data.tables;
      if (listed.length !== Object.keys(counts).length || listed.some((table) => counts[table.name] !== table.rowCount)) {
        throw new BackupError('contents-invalid', 'The contents list other tables or counts than the header.', { chunk: 0 });
      }
      for (const table of listed) this.seen.set(table.name, 0);
      return { kind: 'prelude', prelude };
    }
    const segment = parseTableSegment(text, index);
    const sofar = this.seen.get(segment.tableName);
    if (sofar === undefined) throw new BackupError('contents-invalid', `Segment ${index} is for table ${segment.tableName}, which the backup does not list.`, { chunk: index, table: segment.tableName });
    const total = sofar + segment.rows.length;
    if (total > (this.header.counts[segment.tableName] ?? 0)) {
      throw new BackupError('contents-invalid', `Table ${segment.tableName} holds more rows than the header counts.`, { chunk: index, table: segment.tableName });
    }
    this.seen.set(segment.tableName, total);
    if (segment.tableName === auditTableName) this.checkAudit(segment.rows, index);
    return { kind: 'rows', segment };
  }

  private checkAudit(rows: readonly unknown[], index: number): void {
    if (this.chainFailure) return;
    for (const row of rows) {
      let entry;
      try {
        entry = parseAuditEntry(row);
      } catch {
        throw new BackupError('contents-invalid', `Segment ${index} holds an audit row that is not an audit entry.`, { chunk: index, table: auditTableName });
      }
      this.auditEntries += 1;
      if (!this.chain.push(entry)) {
        const report = this.chain.finish();
        if (!report.ok) this.chainFailure = report;
        return;
      }
    }
  }

  /** The report once every segment has been pushed; throws when a count or the chain disagrees. */
  finish(): ContentsReport {
    if (this.index === 0) throw new BackupError('contents-invalid', 'The backup holds no prelude.');
    for (const [table, count] of this.seen) {
      if (count !== this.header.counts[table]) {
        throw new BackupError('contents-invalid', `Table ${table} holds ${count} rows; the header counts ${this.header.counts[table]}.`, { table });
      }
    }
    const report = this.chainFailure ?? this.chain.finish();
    if (!report.ok) {
      throw new BackupError('audit-chain-broken', `The audit log in the backup does not verify: ${report.message}`, { seq: report.seq, deviceId: report.deviceId, table: auditTableName });
    }
    return { counts: Object.fromEntries(this.seen), auditEntries: this.auditEntries, segments: this.index };
  }
}
