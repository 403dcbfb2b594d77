/**
 * `npm run bench -- audit`: the audit log's CSV export and verification at a
 * million entries, and the cost of hashing one entry.
 *
 * - Export: 1,000,000 entries produced lazily by an async generator (the
 *   shape of a Dexie cursor) streamed to a temp file, with peak RSS/heap
 *   sampled. Baselines in the same run: the naive export (whole CSV built as
 *   one string, then written) and papaparse.unparse of materialised rows, at
 *   250,000 rows because a million-row string would approach V8's string limit.
 * - Verify: the real CLI (`bin/timedesk-audit.mjs verify`) on that file, and
 *   the in-process verifier with memory sampled; baseline: papaparse merely
 *   parsing the same file as a stream (no un-guarding, no hashing).
 * - Store export: core/commands' exportAuditLog over 100,000 entries on
 *   fake-indexeddb (chain check, paged reads, CSV, the AUDIT_EXPORTED
 *   record) against exportAuditCsv over the same entries in memory.
 * - Hash cost per entry: appendEntry (checks + canonical JSON + SHA-256 with
 *   @noble/hashes, as the store will call it), the hash alone with noble and
 *   with node:crypto, against JSON.stringify of the entry (the serialisation
 *   any database write pays anyway).
 */
import { execFile } from 'node:child_process';
import { hash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import {
  appendEntry,
  auditCsvColumns,
  auditCsvRow,
  auditManifestPath,
  computeEntryHash,
  CSV_BOM,
  entryToCells,
  exportAuditCsv,
  GENESIS_HASH,
  verifyAuditCsv,
  type AuditEntry,
} from '../core/audit';
import { sampleAuditChain, sampleAuditEntry } from '../core/audit/sample-chain';
import { checkStoredAuditChain, exportAuditLog } from '../core/commands';
import { readDevice } from '../core/db';
import { openFakeDatabase } from '../core/db/fake-database.fixture';

const here = dirname(fileURLToPath(import.meta.url));
const rows = 1_000_000;
const baselineRows = 250_000;
const nodeSha256 = (text: string): string => hash('sha256', text, 'hex');

/**
 * Hashes the sample chain once (untimed for the export) and keeps just the
 * 32-byte hashes, so the export source can replay stored entries the way a
 * database cursor returns them, without re-hashing.
 */
function hashChain(count: number): Buffer {
  const hashes = Buffer.alloc(count * 32);
  for (const entry of sampleAuditChain(count, { hashText: nodeSha256 })) hashes.write(entry.hash, (entry.seq - 1) * 32, 'hex');
  return hashes;
}

let storedHashes: Buffer = Buffer.alloc(0);

/** The lazy source: one entry in memory at a time, each yielded through a promise like a DB cursor. */
async function* source(count: number): AsyncGenerator<AuditEntry> {
  for (let seq = 1; seq <= count; seq++) {
    const prevHash = seq === 1 ? GENESIS_HASH : storedHashes.toString('hex', (seq - 2) * 32, (seq - 1) * 32);
    const entry = sampleAuditEntry(seq, prevHash) as AuditEntry;
    entry.hash = storedHashes.toString('hex', (seq - 1) * 32, seq * 32);
    yield entry;
  }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Peak RSS and heap, sampled on a timer and whenever the caller asks. */
function memoryPeak(): { sample: () => void; stop: () => { rss: number; heap: number } } {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US');

// A full collection before each measurement, so one case's garbage is not
// counted in the next one's peak (the bench runner starts node without --expose-gc).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function settle(): void {
  collectGarbage();
}

interface Measured {
  ms: number;
  cpu: number;
  rss: number;
  heap: number;
}

async function exportToFile(path: string, count: number): Promise<Measured> {
  settle();
  const memory = memoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const out = createWriteStream(path);
  const chunks = exportAuditCsv(source(count));
  let step = await chunks.next();
  while (!step.done) {
    if (!out.write(step.value)) await new Promise<void>((drained) => out.once('drain', () => drained()));
    memory.sample();
    step = await chunks.next();
  }
  await new Promise<void>((closed, failed) => out.end((error?: Error | null) => (error ? failed(error) : closed())));
  await writeFile(auditManifestPath(path), JSON.stringify(step.value));
  const ms = performance.now() - started;
  return { ms, cpu: cpuMs(cpu), ...memory.stop() };
}

async function sourceOnly(count: number): Promise<number> {
  const started = process.cpuUsage();
  let seqs = 0;
  for await (const entry of source(count)) seqs += entry.seq;
  if (seqs <= 0) throw new Error('empty source');
  return cpuMs(started);
}

async function naiveExport(path: string, count: number): Promise<Measured> {
  settle();
  const memory = memoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let csv = CSV_BOM + auditCsvColumns.join(',') + '\r\n';
  for await (const entry of source(count)) csv += auditCsvRow(entry);
  memory.sample();
  writeFileSync(path, csv);
  const ms = performance.now() - started;
  return { ms, cpu: cpuMs(cpu), ...memory.stop() };
}

async function papaUnparse(path: string, count: number): Promise<Measured> {
  settle();
  const memory = memoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const data: string[][] = [];
  for await (const entry of source(count)) data.push(entryToCells(entry));
  memory.sample();
  // escapeFormulae would add the guard but not the reversible ' rule; measured without it as the plainest baseline.
  writeFileSync(path, CSV_BOM + Papa.unparse({ fields: [...auditCsvColumns], data }, { newline: '\r\n' }));
  const ms = performance.now() - started;
  return { ms, cpu: cpuMs(cpu), ...memory.stop() };
}

function runCli(path: string): Promise<{ ms: number; stdout: string; code: number }> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(process.execPath, [resolve(here, '../bin/timedesk-audit.mjs'), 'verify', path], { maxBuffer: 1 << 20 }, (error, stdout) => {
      done({ ms: performance.now() - started, stdout: stdout.trim(), code: error ? Number(error.code) : 0 });
    });
  });
}

async function verifyInProcess(path: string, manifestPath: string): Promise<Measured & { ok: boolean }> {
  const { auditManifestSchema } = await import('../core/audit');
  const { readFileSync } = await import('node:fs');
  const manifest = auditManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  settle();
  const memory = memoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await verifyAuditCsv(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }), { manifest, hashText: nodeSha256 });
  const ms = performance.now() - started;
  return { ms, cpu: cpuMs(cpu), ok: report.ok, ...memory.stop() };
}

function papaParseOnly(path: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  return new Promise((done, failed) => {
    let count = 0;
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { newline: '\r\n', skipEmptyLines: true });
    parser.on('data', () => count++);
    parser.on('end', () => done({ ms: performance.now() - started, rows: count }));
    parser.on('error', failed);
    createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }).pipe(parser);
  });
}

/**
 * The store's export (core/commands `exportAuditLog`, as the audit screen
 * calls it) on fake-indexeddb: chain check, paged reads, CSV, AUDIT_EXPORTED.
 * Baseline in the same run: core/audit's `exportAuditCsv` over the same
 * entries already in memory, so the ratio is what storage and the check add.
 */
async function storeExport(count: number): Promise<void> {
  const { db } = await openFakeDatabase('1.4.2');
  const device = await readDevice(db);
  const entries = [...sampleAuditChain(count, { deviceId: device.deviceId, hashText: nodeSha256 })];
  const seeding = performance.now();
  for (let offset = 0; offset < count; offset += 10_000) await db.audit.bulkAdd(entries.slice(offset, offset + 10_000));
  const head = entries.at(-1) as AuditEntry;
  await db.meta.put({ ...device, auditSeq: head.seq, auditHead: head.hash });
  const seeded = performance.now() - seeding;
  const env = { db, clock: () => Date.UTC(2026, 10, 25, 12), newId: (() => { let next = 0; return () => `bench-${++next}`; })() };
  const manager = { staffId: 's-manager', displayName: 'Morgan Manager', role: 'manager' as const };

  settle();
  let started = performance.now();
  const check = await checkStoredAuditChain(env);
  const checkMs = performance.now() - started;

  const measure = async (work: (write: (chunk: string) => void) => Promise<unknown>): Promise<Measured & { bytes: number }> => {
    settle();
    const memory = memoryPeak();
    const cpu = process.cpuUsage();
    let bytes = 0;
    started = performance.now();
    await work((chunk) => {
      bytes += chunk.length;
      memory.sample();
    });
    return { ms: performance.now() - started, cpu: cpuMs(cpu), bytes, ...memory.stop() };
  };
  const viaStore = await measure(async (write) => {
    const result = await exportAuditLog(env, manager, { fileName: 'bench.csv', write });
    if (!result.ok || !result.value.chain.ok || result.value.manifest.rows !== count) throw new Error(`store export failed: ${JSON.stringify(result).slice(0, 300)}`);
  });
  const inMemory = await measure(async (write) => {
    const chunks = exportAuditCsv(entries);
    for (let step = await chunks.next(); !step.done; step = await chunks.next()) write(step.value);
  });
  const line = (m: Measured) => `${(m.ms / 1000).toFixed(2)} s wall = ${fmt(rate(count, m.ms))} rows/s, peak heap ${mb(m.heap)}`;
  console.log(`
store export, ${fmt(count)} entries on fake-indexeddb (seeded in ${(seeded / 1000).toFixed(1)} s; the entries array itself stays in memory for the baseline):`);
  console.log(`  checkStoredAuditChain alone: ${(checkMs / 1000).toFixed(2)} s (ok=${check.ok}, ${fmt(rate(count, checkMs))} entries/s)`);
  console.log(`  exportAuditLog (check + paged reads + CSV + AUDIT_EXPORTED): ${line(viaStore)}`);
  console.log(`  baseline exportAuditCsv over the same entries in memory: ${line(inMemory)}`);
  console.log(`  store ÷ in-memory: ${(viaStore.ms / inMemory.ms).toFixed(2)}× the time (same ${mb(viaStore.bytes)} of CSV)`);
  db.close();
}

function hashCost(): void {
  const count = 20_000;
  const entries = [...sampleAuditChain(count)];
  const drafts = entries.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...draft }) => draft);
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    return ((performance.now() - started) / count) * 1000;
  };
  let previous: AuditEntry | null = null;
  const append = time(() => {
    for (const draft of drafts) previous = appendEntry(previous, draft);
  });
  const noble = time(() => {
    for (const entry of entries) computeEntryHash(entry);
  });
  const native = time(() => {
    for (const entry of entries) computeEntryHash(entry, nodeSha256);
  });
  let length = 0;
  const stringify = time(() => {
    for (const entry of entries) length += JSON.stringify(entry).length;
  });
  console.log(`hash cost per entry (${fmt(count)} entries, ~${Math.round(length / count)} bytes of JSON each):`);
  console.log(`  appendEntry (zod checks + canonical JSON + noble SHA-256)  ${append.toFixed(2)} µs`);
  console.log(`  computeEntryHash, @noble/hashes                           ${noble.toFixed(2)} µs`);
  console.log(`  computeEntryHash, node:crypto (CLI only)                  ${native.toFixed(2)} µs`);
  console.log(`  baseline JSON.stringify(entry)                            ${stringify.toFixed(2)} µs   (appendEntry ÷ baseline: ${(append / stringify).toFixed(1)}×)`);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'timedesk-audit-bench-'));
  const file = join(dir, 'audit.csv');
  try {
    hashCost();

    const hashing = process.cpuUsage();
    storedHashes = hashChain(rows);
    const chainCpu = cpuMs(hashing);
    const replay = await sourceOnly(rows);
    const streamed = await exportToFile(file, rows);
    const size = statSync(file).size;
    const line = (m: Measured, count: number) =>
      `${(m.ms / 1000).toFixed(2)} s wall = ${fmt(rate(count, m.ms))} rows/s (CPU ${(m.cpu / 1000).toFixed(2)} s = ${fmt(rate(count, m.cpu))} rows/s), peak RSS ${mb(m.rss)}, peak heap ${mb(m.heap)}`;
    console.log(`\nexport ${fmt(rows)} entries (${mb(size)} file; building the sample chain's hashes took ${(chainCpu / 1000).toFixed(1)} s CPU, untimed):`);
    console.log(`  streaming exportAuditCsv → file: ${line(streamed, rows)}`);
    console.log(`    replaying the source alone costs ${(replay / 1000).toFixed(2)} s CPU; export without it ≈ ${fmt(rate(rows, streamed.cpu - replay))} rows/s CPU`);

    const cli = await runCli(file);
    const inProcess = await verifyInProcess(file, auditManifestPath(file));
    const papaParse = await papaParseOnly(file);
    console.log(`\nverify ${fmt(rows)} rows:`);
    console.log(`  CLI timedesk-audit verify: ${(cli.ms / 1000).toFixed(2)} s wall incl. start-up (target < 10 s), exit ${cli.code}: ${cli.stdout.slice(0, 36)}…`);
    console.log(`  verifyAuditCsv in this process (ok=${inProcess.ok}, default young generation): ${line(inProcess, rows)}`);
    console.log(`  baseline papaparse stream, parse only (${fmt(papaParse.rows)} records): ${(papaParse.ms / 1000).toFixed(2)} s wall  (full verify ÷ parse only: ${(inProcess.ms / papaParse.ms).toFixed(2)}×)`);

    console.log('\nexport baselines:');
    const naive = await naiveExport(join(dir, 'naive.csv'), baselineRows);
    const papa = await papaUnparse(join(dir, 'papa.csv'), baselineRows);
    console.log(`  baseline naive (one string, then write), ${fmt(baselineRows)} rows: ${line(naive, baselineRows)}`);
    console.log(`    streaming ÷ naive: ${(rate(rows, streamed.cpu) / rate(baselineRows, naive.cpu)).toFixed(2)}× rows per CPU-second, ${(streamed.heap / naive.heap).toFixed(2)}× the peak heap for 4× the rows`);
    console.log(`  baseline papaparse.unparse of materialised rows, ${fmt(baselineRows)} rows: ${line(papa, baselineRows)}`);
    console.log(`    streaming ÷ papaparse: ${(rate(rows, streamed.cpu) / rate(baselineRows, papa.cpu)).toFixed(2)}× rows per CPU-second, ${(streamed.heap / papa.heap).toFixed(2)}× the peak heap`);

    await storeExport(100_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
