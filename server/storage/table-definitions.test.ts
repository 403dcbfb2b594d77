import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tablesSql } from './table-definitions';

const sqliteTypes = { integer: 'INTEGER', json: 'TEXT', auditEntry: 'TEXT', boolean: 'INTEGER' };
const postgresTypes = { integer: 'BIGINT', json: 'JSONB', auditEntry: 'JSON', boolean: 'BOOLEAN' };

describe('tablesSql', () => {
  it('creates every sync table and index (run on SQLite), and running it again changes nothing', () => {
    const db = new Database(':memory:');
    db.exec(tablesSql(sqliteTypes));
    db.exec(tablesSql(sqliteTypes));
    const names = db.prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    expect(names).toEqual([
      { type: 'index', name: 'booking_slots_key_start' },
      { type: 'index', name: 'devices_clinic' },
      ...['audit_entries', 'booking_slots', 'changes', 'clinics', 'conflicts', 'desk_copies', 'devices', 'enrollment_codes', 'entities', 'mutations'].map((name) => ({ type: 'table', name })),
    ]);
    db.close();
  });

  it('puts each dialect type on its columns', () => {
    const sql = tablesSql(postgresTypes);
    expect(sql).toContain('last_change BIGINT NOT NULL DEFAULT 0');
    expect(sql).toContain('start_ms BIGINT NOT NULL');
    expect(sql).toContain('result JSONB NOT NULL');
    expect(sql).toContain('data JSONB, deleted BOOLEAN NOT NULL');
    expect(sql).toContain('entry JSON NOT NULL');
    expect(tablesSql(sqliteTypes)).not.toMatch(/BIGINT|JSONB|BOOLEAN/);
  });
});
