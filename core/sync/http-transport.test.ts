import { describe, expect, it } from 'vitest';
import { createHttpTransport } from './http-transport';
import type { FetchLike } from './http-transport';
import { SyncTransportError } from './sync-transport';
import { currentSchemaVersion } from '../db/schema';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function answering(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fetch = async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    calls.push({ url, method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
    return { status, headers: { get: (name: string) => headers[name.toLowerCase()] ?? null }, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
  return Object.assign(fetch, { calls });
}

async function failure(promise: Promise<unknown>): Promise<SyncTransportError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof SyncTransportError)) throw new Error(`expected a SyncTransportError, got ${String(error)}`);
  return error;
}

describe('HTTP transport', () => {
  it('pushes JSON with the bearer token and parses the answer', async () => {
    const fetch = answering(200, { results: [{ mutationId: 'm1', status: 'applied', change: 3 }], audit: { accepted: 1, head: { seq: 1, hash: 'a'.repeat(64) } } });
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:8787/', token: 'tok', fetch });
    const response = await transport.push({ deviceId: 'desk-1', mutations: [], audit: [] });
    expect(response.results[0]).toEqual({ mutationId: 'm1', status: 'applied', change: 3 });
    expect(fetch.calls).toEqual([
      {
        url: 'http://127.0.0.1:8787/v1/sync/push',
        method: 'POST',
        headers: { authorization: 'Bearer tok', accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId: 'desk-1', mutations: [], audit: [] }),
      },
    ]);
  });

  it('pulls after the cursor with the page size in the query', async () => {
    const fetch = answering(200, { changes: [{ change: 8, entity: 'patient', id: 'p1', op: 'delete', version: 8 }], nextCursor: '8', hasMore: false, serverTime: '2026-11-25T09:00:00.000Z' });
    const page = await createHttpTransport({ baseUrl: 'https://sync.example.org', token: 'tok', fetch }).pull('7', 500);
    expect(fetch.calls[0]?.url).toBe(`https://sync.example.org/v1/sync/pull?after=7&limit=500&schema=${currentSchemaVersion}`);
    expect(page.changes[0]?.op).toBe('delete');
  });

  it('turns the error envelope into a coded error with field and details', async () => {
    const fetch = answering(409, { error: { code: 'sequence-gap', message: 'Expected deviceSeq 4.', field: 'mutations.0.deviceSeq', details: { expected: 4 } } });
    const error = await failure(createHttpTransport({ baseUrl: 'http://x', token: 't', fetch }).push({ deviceId: 'd', mutations: [], audit: [] }));
    expect(error).toMatchObject({ status: 409, code: 'sequence-gap', field: 'mutations.0.deviceSeq', details: { expected: 4 }, transient: false });
  });

  it("reads a 429's Retry-After, and calls 5xx and no answer at all transient", async () => {
    const limited = await failure(createHttpTransport({ baseUrl: 'http://x', token: 't', fetch: answering(429, { error: { code: 'rate-limited', message: 'Slow down.' } }, { 'retry-after': '12' }) }).pull('0', 10));
    expect(limited).toMatchObject({ code: 'rate-limited', retryAfterMs: 12_000, transient: true });
    const down = await failure(createHttpTransport({ baseUrl: 'http://x', token: 't', fetch: answering(502, '<html>Bad gateway</html>') }).pull('0', 10));
    expect(down).toMatchObject({ status: 502, code: 'server-unavailable', transient: true });
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const none = await failure(createHttpTransport({ baseUrl: 'http://x', token: 't', fetch: offline }).pull('0', 10));
    expect(none).toMatchObject({ status: 0, code: 'network-unreachable', transient: true });
  });

  it('refuses an answer that does not follow the protocol', async () => {
    const fetch = answering(200, { changes: [{ change: 1, entity: 'spaceship', id: 'x', op: 'put', version: 1, data: {} }], nextCursor: '1', hasMore: false, serverTime: 'now' });
    const error = await failure(createHttpTransport({ baseUrl: 'http://x', token: 't', fetch }).pull('0', 10));
    expect(error.code).toBe('unexpected-response');
  });
});
