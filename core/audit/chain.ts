import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ValidationError } from '../validation';
import { canonicalChangesJson, canonicalEntryJson } from './entry-json';
import { GENESIS_HASH, parseAuditDraft, type AuditEntry, type UnhashedAuditEntry } from './entry';

/**
 * SHA-256 of the UTF-8 bytes of `text`, in lower-case hex. Synchronous on
 * purpose (@noble/hashes, not WebCrypto): awaiting `crypto.subtle.digest`
 * inside a Dexie transaction lets IndexedDB commit the transaction early.
 *
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The exact object an entry's hash covers: every field except `hash`, picked
 * by name so extra properties a store adds (Dexie keys, sync flags) never
 * change the hash.
 *
 * @example Object.keys(hashedBody(entry)).includes('hash') // false
 */
export function hashedBody(entry: UnhashedAuditEntry): UnhashedAuditEntry {
  return {
    seq: entry.seq,
    id: entry.id,
    deviceId: entry.deviceId,
    appVersion: entry.appVersion,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    patientId: entry.patientId,
    changes: entry.changes,
    reason: entry.reason,
    outcome: entry.outcome,
    mutationId: entry.mutationId,
    prevHash: entry.prevHash,
  };
}

/**
 * `SHA-256(prevHash ‖ canonicalJSON(entry without hash))`: the 64 hex
 * characters of `prevHash` followed by the RFC 8785 JSON of the entry, hashed
 * as UTF-8. `hashText` lets a Node-only caller (the CLI) swap in node:crypto
 * for speed; it must be SHA-256 of UTF-8 in lower-case hex.
 *
 * @example computeEntryHash(entry) === entry.hash // true for an untouched entry
 */
export function computeEntryHash(entry: UnhashedAuditEntry, hashText: (text: string) => string = sha256Hex): string {
  return hashText(entry.prevHash + canonicalEntryJson(entry, canonicalChangesJson(entry.changes)));
}

/** What {@link appendEntry} needs to know about the entry before the new one. */
export type ChainLink = Pick<AuditEntry, 'seq' | 'hash' | 'deviceId'>;

/**
 * Builds the next entry of a device's chain: checks the draft, assigns
 * `seq = previous.seq + 1` (1 for the first), `prevHash = previous.hash`
 * (64 zeros for the first) and computes `hash`. Pure and synchronous, so a
 * store can call it inside the transaction that writes the change.
 * Throws a ValidationError naming the field for a bad draft, or when the draft
 * belongs to another device than `previous` (each device has its own chain).
 *
 * @example
 * const first = appendEntry(null, draft);          // seq 1, prevHash '000…0'
 * const second = appendEntry(first, nextDraft);    // seq 2, prevHash first.hash
 */
export function appendEntry(previous: ChainLink | null, draft: unknown): AuditEntry {
  const clean = parseAuditDraft(draft);
  if (previous !== null && previous.deviceId !== clean.deviceId) {
    throw new ValidationError('invalid-format', 'deviceId', `Audit entry for device "${clean.deviceId}" cannot follow an entry of device "${previous.deviceId}": each device keeps its own chain.`);
  }
  const unhashed: UnhashedAuditEntry = {
    ...clean,
    seq: previous === null ? 1 : previous.seq + 1,
    prevHash: previous === null ? GENESIS_HASH : previous.hash,
  };
  const body = hashedBody(unhashed);
  return { ...body, hash: computeEntryHash(body) };
}
