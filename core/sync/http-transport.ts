import type { z } from 'zod';
import { currentSchemaVersion } from '../db/schema';
import { deviceStateResponseSchema, pullResponseSchema, pushResponseSchema, SyncTransportError } from './sync-transport';
import type { DeviceStateResponse, PullResponse, PushRequest, PushResponse, SyncTransport } from './sync-transport';

/**
 * The slice of the Fetch API the transport uses, typed by hand: core/ is
 * checked without DOM types, and `fetch` is passed in (the renderer's
 * `window.fetch`, a test's stand-in), never read from a global here.
 */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** Where the server is and who this desk is. */
export interface HttpTransportOptions {
  /** e.g. `https://sync.example-clinic.org` (a trailing slash is fine). */
  baseUrl: string;
  /** The device token from enrollment. */
  token: string;
  fetch: FetchLike;
}

/**
 * The protocol over HTTP: `Authorization: Bearer <token>`, JSON bodies, the
 * error envelope `{ error: { code, message, field?, details? } }` turned into
 * a {@link SyncTransportError} (status 0 when there was no answer).
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:8787', token, fetch: window.fetch.bind(window) });
 * const page = await transport.pull('0', 500);
 */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${options.token}`, accept: 'application/json' };

  async function call<Schema extends z.ZodType>(path: string, init: { method: string; body?: string }, schema: Schema): Promise<z.output<Schema>> {
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await options.fetch(`${base}${path}`, {
        method: init.method,
        headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      text = await response.text();
    } catch (error) {
      throw new SyncTransportError(0, 'network-unreachable', `No answer from the sync server: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = parseJson(text);
    if (response.status < 200 || response.status >= 300) throw errorFrom(response.status, body, response.headers.get('retry-after'));
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SyncTransportError(response.status, 'unexpected-response', `The sync server's answer does not follow the protocol (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}).`);
    }
    return parsed.data;
  }

  return {
    push(request: PushRequest): Promise<PushResponse> {
      return call('/v1/sync/push', { method: 'POST', body: JSON.stringify(request) }, pushResponseSchema);
    },
    pull(after: string, limit: number): Promise<PullResponse> {
      // `schema`: this desk's data schema, so a server that moved on can say "update this desk" (desk-schema.ts).
      const query = `after=${encodeURIComponent(after)}&limit=${encodeURIComponent(String(limit))}&schema=${currentSchemaVersion}`;
      return call(`/v1/sync/pull?${query}`, { method: 'GET' }, pullResponseSchema);
    },
    deviceState(afterAuditSeq: number, limit: number): Promise<DeviceStateResponse> {
      const query = `afterAuditSeq=${encodeURIComponent(String(afterAuditSeq))}&limit=${encodeURIComponent(String(limit))}`;
      return call(`/v1/sync/device-state?${query}`, { method: 'GET' }, deviceStateResponseSchema);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, body: unknown, retryAfter: string | null): SyncTransportError {
  const envelope = (body as { error?: { code?: unknown; message?: unknown; field?: unknown; details?: unknown } } | undefined)?.error;
  const code = typeof envelope?.code === 'string' ? envelope.code : status >= 500 ? 'server-unavailable' : `http-${status}`;
  const message = typeof envelope?.message === 'string' ? envelope.message : `The sync server answered ${status}.`;
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  return new SyncTransportError(status, code, message, {
    ...(typeof envelope?.field === 'string' ? { field: envelope.field } : {}),
    ...(typeof envelope?.details === 'object' && envelope.details !== null ? { details: envelope.details as Record<string, unknown> } : {}),
    ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}),
  });
}
