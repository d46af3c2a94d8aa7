import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../src/store/statement-cache.js';

describe('cacheStatements', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('create table t (n integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
    return sqlite;
  };
  let sqlite = open();
  afterEach(() => {
    if (sqlite.open) sqlite.close();
    sqlite = open();
  });

  it('prepares each SQL text once and reuses the statement', () => {
    const db = cacheStatements(sqlite);
    const first = db.prepare('select n from t order by n');
    expect(db.prepare('select n from t order by n')).toBe(first);
    expect(db.prepare('select n from t order by n').all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(db.prepare('select count(*) as c from t')).not.toBe(first);
  });

  it('drops the least recently used statement past its size', () => {
    const db = cacheStatements(sqlite, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a); // now the most recent
    db.prepare('select 3'); // drops "select 2"
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const db = cacheStatements(sqlite);
    const sql = 'select n from t order by n';
    const rows = db.prepare(sql).iterate();
    expect(rows.next().value).toEqual({ n: 1 });
    const other = db.prepare(sql);
    expect(other.all()).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare(sql).all()).toHaveLength(3);
  });

  it('reports the transaction state and closes the connection', () => {
    const db = cacheStatements(sqlite);
    expect(db.inTransaction).toBe(false);
    db.prepare('begin').run();
    expect(db.inTransaction).toBe(true);
    db.prepare('rollback').run();
    db.close();
    expect(sqlite.open).toBe(false);
  });
});
