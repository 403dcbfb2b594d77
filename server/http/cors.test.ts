import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../app';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';

let storage: Storage;
let app: FastifyInstance;

beforeEach(async () => {
  storage = await openSqliteStorage({ path: ':memory:' });
  app = buildServer({ storage, logger: false });
});
afterEach(async () => {
  await app.close();
  await storage.close();
});

describe('CORS (the desk app in a browser)', () => {
  it('answers a preflight for enroll and sync with the methods and headers a desk sends', async () => {
    for (const url of ['/v1/enroll', '/v1/sync/push', '/v1/sync/pull?after=0&limit=10']) {
      const response = await app.inject({ method: 'OPTIONS', url, headers: { origin: 'http://127.0.0.1:5174', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-headers']).toContain('authorization');
      expect(response.headers['access-control-allow-headers']).toContain('content-type');
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('lets the page read answers, errors included, and the Retry-After header', async () => {
    const refused = await app.inject({ method: 'GET', url: '/v1/sync/pull?after=0&limit=10', headers: { origin: 'http://127.0.0.1:5174' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.headers['access-control-expose-headers']).toBe('retry-after');
  });
});
