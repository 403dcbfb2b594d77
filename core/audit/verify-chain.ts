import { computeEntryHash, sha256Hex } from './chain';
import { GENESIS_HASH, type AuditEntry } from './entry';

/**
 * Why a chain failed verification:
 * - `edited`: an entry's content no longer matches its hash, or an entry was
 *   changed and re-hashed so the next entry no longer links to it;
 * - `removed`: seq numbers have a gap (or, for a filtered export, fewer rows
 *   than its manifest lists);
 * - `reordered`: seq goes backwards, or a missing seq turns up later;
 * - `truncated`: the chain ends before the expected head (checkpoint);
 * - `inserted`: more rows than the export manifest lists.
 */
export type AuditChainProblem = 'edited' | 'removed' | 'reordered' | 'truncated' | 'inserted';

/**
 * A head recorded somewhere the log's owner cannot rewrite (the export
 * manifest, the sync server): the entry `seq` of `deviceId` must have `hash`.
 * Omit `deviceId` only when the entries come from a single device.
 * `count`, when given (export manifests), is the exact number of entries, and
 * the head is then the last entry: anything after it counts as inserted.
 */
export interface AuditCheckpoint {
  deviceId?: string;
  seq: number;
  hash: string;
  count?: number;
}

/** What the chain checks need of an entry whose hash the caller computed. */
export type ChainEntry = Pick<AuditEntry, 'seq' | 'deviceId' | 'prevHash' | 'hash'>;

/** The last verified entry of one device's chain. */
export interface AuditHead {
  deviceId: string;
  seq: number;
  hash: string;
  count: number;
}

/**
 * A chain that verified: how many entries, and the head of the last device
 * seen. With `continuesFrom`, `count` is the entries after the verified head
 * and the head is that entry's when none came after it.
 */
export interface AuditChainOk {
  ok: true;
  count: number;
  headSeq: number;
  headHash: string;
  /** One head per device, in order of first appearance. */
  heads: AuditHead[];
}

/** The first bad entry: its position in the input (`index`, 0-based), its `seq` and device. */
export interface AuditChainFailure {
  ok: false;
  problem: AuditChainProblem;
  index: number;
  seq: number;
  deviceId: string;
  message: string;
}

/** Result of {@link verifyAuditChain}. */
export type AuditChainReport = AuditChainOk | AuditChainFailure;

/** Options of {@link verifyAuditChain}. */
export interface VerifyChainOptions {
  /** Heads kept elsewhere; catches a cut-off tail, which the entries alone cannot show. */
  expectedHeads?: readonly AuditCheckpoint[];
  /**
   * true (default): the entries are whole chains from seq 1, so any gap is a
   * removal. false: a filtered selection; each entry's own hash is checked,
   * links only between consecutive seqs, and seq must still increase.
   */
  contiguous?: boolean;
  /** SHA-256 of UTF-8 text in lower-case hex; defaults to @noble/hashes. */
  hashText?: (text: string) => string;
  /**
   * The entries continue a chain already verified up to this entry (a desk's
   * verified head): the first entry must be its seq + 1 and link to its hash.
   * Expected heads of that device must lie after it: one at or before it
   * cannot be seen in these entries, so the caller checks it against the
   * stored entry (verifyChainIncrementally does).
   */
  continuesFrom?: { deviceId: string; seq: number; hash: string };
}

interface DeviceState {
  deviceId: string;
  lastSeq: number;
  lastHash: string;
  lastIndex: number;
  count: number;
}

interface PendingGap {
  deviceId: string;
  /** First and last missing seq. */
  from: number;
  to: number;
  /** Position and seq of the entry that arrived after the gap. */
  index: number;
  seq: number;
}

/**
 * Push-style verifier behind {@link verifyAuditChain}, for callers that
 * produce entries one at a time (the CSV verifier, a Dexie cursor). Feed
 * entries in stored order with `push`; it returns false once the outcome is
 * settled so the caller may stop reading; then call `finish`.
 *
 * @example
 * const verifier = new AuditChainVerifier();
 * for (const entry of entries) if (!verifier.push(entry)) break;
 * verifier.finish(); // { ok: true, count, headSeq, headHash, heads }
 */
export class AuditChainVerifier {
  private readonly devices = new Map<string, DeviceState>();
  private readonly contiguous: boolean;
  private readonly hashText: (text: string) => string;
  private readonly checkpoints: readonly AuditCheckpoint[];
  private index = 0;
  private last: DeviceState | undefined;
  private failure: AuditChainFailure | undefined;
  // A gap is a removal unless a missing seq turns up later (then it is a
  // reordering), so it is only settled by reading on.
  private gap: PendingGap | undefined;
  // Checkpoints whose entry was seen. A filtered selection can skip seqs, so
  // "the log reaches past the head" does not prove the head itself was there.
  private readonly reached = new Set<AuditCheckpoint>();

  constructor(options: VerifyChainOptions = {}) {
    this.contiguous = options.contiguous ?? true;
    this.hashText = options.hashText ?? sha256Hex;
    this.checkpoints = options.expectedHeads ?? [];
    const from = options.continuesFrom;
    if (from) {
      if (this.checkpoints.some((checkpoint) => checkpoint.seq <= from.seq && appliesTo(checkpoint, from.deviceId))) {
        throw new Error(`An expected head at or before seq ${from.seq}, where the entries continue a verified chain, cannot be checked from them.`);
      }
      // Index -1: the verified entry itself, just before the first one pushed.
      const verified: DeviceState = { deviceId: from.deviceId, lastSeq: from.seq, lastHash: from.hash, lastIndex: -1, count: 0 };
      this.devices.set(from.deviceId, verified);
      this.last = verified;
    }
  }

  /**
   * Checks the next entry; false once the report is settled. `computedHash`
   * lets a caller that already hashed the entry's canonical text (the CSV
   * verifier) skip hashing it again.
   */
  push(entry: AuditEntry): boolean;
  push(entry: ChainEntry, computedHash: string): boolean;
  push(entry: AuditEntry | ChainEntry, computedHash?: string): boolean {
    if (this.failure) return false;
    const index = this.index++;
    const gap = this.gap;
    if (gap) {
      if (entry.deviceId === gap.deviceId && entry.seq >= gap.from && entry.seq <= gap.to) {
        this.failure = fail('reordered', gap.index, gap.seq, gap.deviceId, `entry seq ${gap.seq} comes before seq ${entry.seq}: the entries were reordered.`);
        return false;
      }
      return true;
    }
    if ((computedHash ?? computeEntryHash(entry as AuditEntry, this.hashText)) !== entry.hash) {
      this.failure = fail('edited', index, entry.seq, entry.deviceId, `entry seq ${entry.seq} was edited: its content no longer matches its hash.`);
      return false;
    }
    const state = this.devices.get(entry.deviceId);
    if (state === undefined) {
      if (this.contiguous && entry.seq > 1) {
        this.gap = { deviceId: entry.deviceId, from: 1, to: entry.seq - 1, index, seq: entry.seq };
        return true;
      }
      if (entry.seq === 1 && entry.prevHash !== GENESIS_HASH) {
        this.failure = fail('edited', index, 1, entry.deviceId, 'entry seq 1 was rewritten: it does not start from the genesis hash.');
        return false;
      }
    } else if (entry.seq <= state.lastSeq) {
      this.failure = fail('reordered', index, entry.seq, entry.deviceId, `entry seq ${entry.seq} comes after seq ${state.lastSeq}: the entries were reordered or one was inserted.`);
      return false;
    } else if (entry.seq === state.lastSeq + 1) {
      if (entry.prevHash !== state.lastHash) {
        this.failure = fail('edited', state.lastIndex, state.lastSeq, entry.deviceId, `entry seq ${state.lastSeq} was changed and re-hashed (or entry seq ${entry.seq} was replaced): seq ${entry.seq} links to a different entry.`);
        return false;
      }
    } else if (this.contiguous) {
      this.gap = { deviceId: entry.deviceId, from: state.lastSeq + 1, to: entry.seq - 1, index, seq: entry.seq };
      return true;
    }
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.seq === entry.seq && appliesTo(checkpoint, entry.deviceId)) {
        if (checkpoint.hash !== entry.hash) {
          this.failure = fail('edited', index, entry.seq, entry.deviceId, `entry seq ${entry.seq} differs from the recorded head (checkpoint hash ${checkpoint.hash.slice(0, 12)}…): the chain was rewritten.`);
          return false;
        }
        this.reached.add(checkpoint);
      } else if (checkpoint.count !== undefined && entry.seq > checkpoint.seq && appliesTo(checkpoint, entry.deviceId)) {
        // A checkpoint with a count describes an exact export, which ends at its head.
        this.failure = fail('inserted', index, entry.seq, entry.deviceId, `entry seq ${entry.seq} comes after the last entry the export lists (seq ${checkpoint.seq}): entries were added.`);
        return false;
      }
    }
    if (state === undefined) {
      const created: DeviceState = { deviceId: entry.deviceId, lastSeq: entry.seq, lastHash: entry.hash, lastIndex: index, count: 1 };
      this.devices.set(entry.deviceId, created);
      this.last = created;
    } else {
      state.lastSeq = entry.seq;
      state.lastHash = entry.hash;
      state.lastIndex = index;
      state.count++;
      this.last = state;
    }
    return true;
  }

  /** The report for everything pushed so far. */
  finish(): AuditChainReport {
    if (this.failure) return this.failure;
    if (this.gap) {
      const { from, to, index, deviceId, seq } = this.gap;
      const missing = from === to ? `entry seq ${from} is missing` : `entries seq ${from}–${to} are missing`;
      return fail('removed', index, from, deviceId, `${missing} (before seq ${seq}): entries were removed.`);
    }
    for (const checkpoint of this.checkpoints) {
      const problem = this.checkHead(checkpoint);
      if (problem) return problem;
    }
    const heads = [...this.devices.values()].map(({ deviceId, lastSeq, lastHash, count }) => ({ deviceId, seq: lastSeq, hash: lastHash, count }));
    return { ok: true, count: this.index, headSeq: this.last?.lastSeq ?? 0, headHash: this.last?.lastHash ?? GENESIS_HASH, heads };
  }

  private checkHead(checkpoint: AuditCheckpoint): AuditChainFailure | undefined {
    const state = checkpoint.deviceId !== undefined ? this.devices.get(checkpoint.deviceId) : onlyOne(this.devices);
    const deviceId = checkpoint.deviceId ?? state?.deviceId ?? '';
    const lastSeq = state?.lastSeq ?? 0;
    if (lastSeq >= checkpoint.seq && !this.reached.has(checkpoint)) {
      return fail('removed', this.index, checkpoint.seq, deviceId, `the recorded head, entry seq ${checkpoint.seq}, is missing although later entries are present: entries were removed or replaced.`);
    }
    if (lastSeq < checkpoint.seq) {
      return fail('truncated', this.index, lastSeq + 1, deviceId, `the log ends at seq ${lastSeq} but the recorded head is seq ${checkpoint.seq}: entries seq ${lastSeq + 1}–${checkpoint.seq} were cut off.`);
    }
    if (checkpoint.count !== undefined && state !== undefined && state.count !== checkpoint.count) {
      const fewer = state.count < checkpoint.count;
      return fail(fewer ? 'removed' : 'inserted', state.lastIndex, state.lastSeq, deviceId, `the export lists ${checkpoint.count} entries but holds ${state.count}: ${fewer ? 'entries were removed' : 'entries were added'}.`);
    }
    return undefined;
  }
}

/**
 * Verifies audit entries in stored order and names the FIRST bad one: edited
 * (hash mismatch), removed (seq gap), reordered (seq goes backwards), or —
 * given an expected head kept elsewhere — truncated. Entries of several
 * devices may be interleaved; each device's chain is checked on its own.
 * Sync iterables give a result, async iterables a promise of one.
 *
 * @example
 * verifyAuditChain(entries)                                      // { ok: true, count: 3, headSeq: 3, headHash: '…', heads }
 * verifyAuditChain(entries.slice(0, 2), { expectedHeads: [{ seq: 3, hash }] }) // { ok: false, problem: 'truncated', seq: 3, … }
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, options?: VerifyChainOptions): AuditChainReport;
export function verifyAuditChain(entries: AsyncIterable<AuditEntry>, options?: VerifyChainOptions): Promise<AuditChainReport>;
export function verifyAuditChain(entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>, options: VerifyChainOptions = {}): AuditChainReport | Promise<AuditChainReport> {
  const verifier = new AuditChainVerifier(options);
  if (Symbol.asyncIterator in entries) {
    return (async () => {
      for await (const entry of entries) if (!verifier.push(entry)) break;
      return verifier.finish();
    })();
  }
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish();
}

function appliesTo(checkpoint: AuditCheckpoint, deviceId: string): boolean {
  return checkpoint.deviceId === undefined || checkpoint.deviceId === deviceId;
}

function onlyOne(devices: Map<string, DeviceState>): DeviceState | undefined {
  return devices.size === 1 ? devices.values().next().value : undefined;
}

function fail(problem: AuditChainProblem, index: number, seq: number, deviceId: string, message: string): AuditChainFailure {
  return { ok: false, problem, index, seq, deviceId, message };
}
