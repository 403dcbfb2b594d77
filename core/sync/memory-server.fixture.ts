import { GENESIS_HASH } from '../audit';
import type { AuditEntry } from '../audit';
import type { OutboxMutation } from '../db';
import { SyncTransportError } from './sync-transport';
import type { PulledChange, PullResponse, PushRequest, PushResponse, PushResult, SyncTransport } from './sync-transport';

/**
 * Test support only: a small in-memory server following protocol v1's push
 * and pull rules (idempotent mutation ids, gapless device sequences, one
 * change row per effect, audit chains that must link), without double-booking
 * detection — the real engine (server/sync) is exercised by the multi-desk
 * model test under server/. Lets core/sync's unit tests run with no server/
 * import (lint forbids core → server).
 */
export class MemoryServer {
  readonly changes: PulledChange[] = [];
  readonly results = new Map<string, PushResult>();
  readonly applied: OutboxMutation[] = [];
  readonly audit = new Map<string, AuditEntry[]>();
  private readonly lastSeq = new Map<string, number>();
  /** Mutation ids to answer `rejected` (as if their records failed validation). */
  readonly rejectIds = new Set<string>();
  /** The enrolled desks' names, listed in every pull page as the real server does. */
  readonly devices: { id: string; name: string }[] = [];
  pushCalls = 0;
  pullCalls = 0;

  constructor(readonly clock: () => number) {}

  push(request: PushRequest): PushResponse {
    this.pushCalls += 1;
    const results: PushResult[] = [];
    for (const mutation of request.mutations) {
      const stored = this.results.get(mutation.mutationId);
      if (stored) {
        results.push({ ...stored, status: 'duplicate', ...(stored.status === 'duplicate' ? {} : { original: stored.status }) });
        continue;
      }
      const expected = (this.lastSeq.get(request.deviceId) ?? 0) + 1;
      if (mutation.deviceSeq !== expected) {
        throw new SyncTransportError(409, 'sequence-gap', `Expected deviceSeq ${expected}.`, { details: { expected } });
      }
      this.lastSeq.set(request.deviceId, mutation.deviceSeq);
      if (this.rejectIds.has(mutation.mutationId)) {
        const result = { mutationId: mutation.mutationId, status: 'rejected' as const, reason: { code: 'invalid-format', field: 'effects.0.data', message: 'Refused by the test server.' } };
        this.results.set(mutation.mutationId, result);
        results.push(result);
        continue;
      }
      let change = this.changes.at(-1)?.change ?? 0;
      for (const effect of mutation.effects) {
        change += 1;
        this.changes.push({
          change,
          entity: effect.entity,
          id: effect.id,
          op: effect.op,
          version: change,
          ...(effect.op === 'put' ? { data: { ...(effect.data as Record<string, unknown>), version: change } } : {}),
        });
      }
      this.applied.push(mutation);
      const result = { mutationId: mutation.mutationId, status: 'applied' as const, change };
      this.results.set(mutation.mutationId, result);
      results.push(result);
    }
    const chain = this.audit.get(request.deviceId) ?? [];
    this.audit.set(request.deviceId, chain);
    for (const entry of request.audit) {
      const head = chain.at(-1);
      if (head && entry.seq <= head.seq) {
        if (chain[entry.seq - 1]?.hash === entry.hash) continue;
        throw new SyncTransportError(409, 'audit-chain-broken', `Entry ${entry.seq} differs.`, { details: { seq: entry.seq } });
      }
      if (entry.seq !== (head?.seq ?? 0) + 1 || entry.prevHash !== (head?.hash ?? GENESIS_HASH)) {
        throw new SyncTransportError(409, 'audit-chain-broken', `Entry ${entry.seq} does not continue the chain.`, { details: { seq: entry.seq } });
      }
      chain.push(entry);
    }
    const head = chain.at(-1);
    return { results, audit: { accepted: request.audit.length, head: head ? { seq: head.seq, hash: head.hash } : null } };
  }

  pull(after: string, limit: number): PullResponse {
    this.pullCalls += 1;
    const from = Number(after);
    const rest = this.changes.filter((change) => change.change > from);
    const page = rest.slice(0, limit);
    return {
      changes: page,
      nextCursor: String(page.at(-1)?.change ?? from),
      hasMore: rest.length > limit,
      serverTime: new Date(this.clock()).toISOString(),
      lastChange: this.changes.at(-1)?.change ?? 0,
      devices: [...this.devices],
    };
  }

  /** A transport straight to this server (answers are deep-copied, as JSON over HTTP would be). */
  transport(): SyncTransport {
    return {
      push: async (request) => copy(this.push(copy(request))),
      pull: async (after, limit) => copy(this.pull(after, limit)),
    };
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A transport that fails in a chosen way, for retry and crash tests.
 * `plan` is consumed one entry per call: `ok` forwards; `fail` throws the
 * error without reaching the server; `lost-ack` forwards (the server applies
 * it) and then throws, as if the desk died or the answer was lost.
 */
export function scriptedTransport(inner: SyncTransport, plan: ('ok' | 'fail' | 'lost-ack')[], error: () => Error): SyncTransport & { calls: string[] } {
  const calls: string[] = [];
  const step = () => plan.shift() ?? 'ok';
  return {
    calls,
    async push(request) {
      calls.push('push');
      const how = step();
      if (how === 'fail') throw error();
      const response = await inner.push(request);
      if (how === 'lost-ack') throw error();
      return response;
    },
    async pull(after, limit) {
      calls.push('pull');
      const how = step();
      if (how === 'fail') throw error();
      const response = await inner.pull(after, limit);
      if (how === 'lost-ack') throw error();
      return response;
    },
  };
}
