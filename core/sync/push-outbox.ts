import Dexie from 'dexie';
import { readDevice } from '../db';
import type { OutboxMutation, SyncRejectionRow, TimedeskDb } from '../db';
import { readSyncState } from './sync-state';
import type { PushResponse, PushResult, SyncTransport } from './sync-transport';

/** Limits of one push (protocol v1: at most 100 mutations; the server takes up to 1000 audit entries). */
export interface PushLimits {
  mutations: number;
  audit: number;
}

/** What one push did. */
export interface PushOutcome {
  /** Mutations sent and acknowledged (removed from the outbox). */
  sent: number;
  acknowledged: number;
  /** Audit entries the server now holds beyond what it held before. */
  auditAcknowledged: number;
  /** The server's answers, for the caller to surface (conflicts, rejections). */
  results: PushResult[];
}

/**
 * Sends the oldest outbox mutations (in `deviceSeq` order, at most
 * `limits.mutations`) with this device's audit entries the server has not
 * acknowledged, then records the answer in ONE transaction: acknowledged
 * mutations leave the outbox (applied, duplicate, conflict — and rejected,
 * which is kept in `syncRejections` so it is shown, never retried forever),
 * and the acknowledged audit seq moves to the server's head (when that head
 * is this desk's own entry at that seq).
 *
 * Nothing is removed before the server's answer is read, so a desk killed
 * mid-push sends the same mutations again on its next start; the server
 * recognises their ids and answers `duplicate`. Returns null when there is
 * nothing to send.
 *
 * @example const outcome = await pushOutbox(db, transport, { mutations: 100, audit: 500 }, Date.now());
 */
export async function pushOutbox(db: TimedeskDb, transport: SyncTransport, limits: PushLimits, now: number): Promise<PushOutcome | null> {
  const { deviceId, mutations, audit } = await db.transaction('r', db.meta, db.outbox, db.audit, db.syncState, async () => {
    const device = await readDevice(db);
    const state = await readSyncState(db);
    return {
      deviceId: device.deviceId,
      mutations: await db.outbox.orderBy('deviceSeq').limit(limits.mutations).toArray(),
      audit:
        limits.audit > 0
          ? await db.audit
              .where('[deviceId+seq]')
              .between([device.deviceId, state.auditSeqAcked + 1], [device.deviceId, Dexie.maxKey])
              .limit(limits.audit)
              .toArray()
          : [],
    };
  });
  if (mutations.length === 0 && audit.length === 0) return null;
  const response = await transport.push({ deviceId, mutations, audit });
  const acknowledged = await acknowledge(db, deviceId, mutations, response, now);
  return { sent: mutations.length, acknowledged: acknowledged.mutations, auditAcknowledged: acknowledged.audit, results: response.results };
}

/**
 * Applies a push answer: removes acknowledged mutations, files rejections,
 * advances the acknowledged audit seq — all or nothing.
 */
async function acknowledge(db: TimedeskDb, deviceId: string, sent: readonly OutboxMutation[], response: PushResponse, now: number): Promise<{ mutations: number; audit: number }> {
  const byId = new Map(sent.map((mutation) => [mutation.mutationId, mutation]));
  return db.transaction('rw', db.outbox, db.syncRejections, db.syncState, db.audit, async () => {
    let mutations = 0;
    for (const result of response.results) {
      const mutation = byId.get(result.mutationId);
      if (!mutation) continue;
      const rejected = result.status === 'rejected' || (result.status === 'duplicate' && result.original === 'rejected');
      if (rejected) {
        const row: SyncRejectionRow = {
          mutationId: mutation.mutationId,
          deviceSeq: mutation.deviceSeq,
          name: mutation.name,
          args: mutation.args,
          reason: result.reason ?? { code: 'rejected', message: 'The sync server refused this change.' },
          receivedAt: now,
        };
        await db.syncRejections.put(row);
      }
      await db.outbox.delete(mutation.deviceSeq);
      mutations += 1;
    }
    // The server's head counts as acknowledgement only if it is OUR entry at that seq: a server
    // holding a different chain for this device (409 audit-chain-broken) acknowledges nothing.
    const state = await readSyncState(db);
    const head = response.audit.head;
    let audit = 0;
    if (head && head.seq > state.auditSeqAcked && (await db.audit.get([deviceId, head.seq]))?.hash === head.hash) {
      audit = head.seq - state.auditSeqAcked;
      await db.syncState.put({ ...state, auditSeqAcked: head.seq });
    }
    return { mutations, audit };
  });
}
