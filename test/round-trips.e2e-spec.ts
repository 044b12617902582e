import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionSafeClient } from '../src/database/session-safe-client.js';
import { countStatements } from './support/sql-statements.js';
import { createFreshDatabase } from './support/test-app.js';

/**
 * The transaction brackets a request's unit of work saves round trips with (START TRANSACTION with
 * the first statement, COMMIT with the last), on the real PostgreSQL: what commits, what rolls
 * back, and what the connection is left in. The client is the one every pool of the service uses.
 */
describe('transaction brackets sent with a statement', () => {
  let client: SessionSafeClient;
  let observer: SessionSafeClient;

  const rows = async () => (await observer.query<{ v: string }>('SELECT v FROM bracket ORDER BY v')).rows.map((row) => row.v);
  /** The transaction state pg reports after the last answer: I idle, T in a transaction, E failed. */
  // A failed statement rejects on PostgreSQL's error; the state comes with the ReadyForQuery after it.
  const state = async () => {
    const raw = client as unknown as { _txStatus: string; readyForQuery: boolean };
    for (let turn = 0; !raw.readyForQuery && turn < 10_000; turn++) await new Promise((resolve) => setImmediate(resolve));
    return raw._txStatus;
  };
  const begin = async () => {
    client.deferNextBegin = true;
    await client.query('START TRANSACTION');
  };

  beforeAll(async () => {
    const url = await createFreshDatabase();
    client = new SessionSafeClient({ connectionString: url });
    observer = new SessionSafeClient({ connectionString: url });
    await client.connect();
    await observer.connect();
    await client.query('CREATE TABLE bracket (v text PRIMARY KEY CHECK (v <> $$refused$$))');
  });
  afterAll(async () => {
    await client.end();
    await observer.end();
  });

  it('a deferred START TRANSACTION is sent with the next statement, in one round trip, and opens a real transaction', async () => {
    const log = countStatements();
    try {
      await begin();
      expect(log.texts).toHaveLength(0);
      await client.query('INSERT INTO bracket (v) VALUES ($1)', ['one']);
      expect(log.texts).toEqual(['START TRANSACTION; INSERT INTO bracket (v) VALUES ($1)']);
    } finally {
      log.stop();
    }
    expect(await state()).toBe('T');
    // Not visible outside before COMMIT: it runs in the transaction.
    expect(await rows()).toEqual([]);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([]);
    expect(await state()).toBe('I');
  });

  it('a statement that carries its COMMIT commits everything before it, and the COMMIT asked for after it costs no round trip', async () => {
    await begin();
    await client.query('INSERT INTO bracket (v) VALUES ($1)', ['first']);
    client.commitNext = true;
    const [row] = (await client.query<{ v: string }>('INSERT INTO bracket (v) VALUES ($1) RETURNING v', ['second'])).rows;
    expect(row.v).toBe('second');
    expect(await state()).toBe('I');
    const log = countStatements();
    try {
      await client.query('COMMIT');
    } finally {
      log.stop();
    }
    expect(log.texts).toHaveLength(0);
    expect(await rows()).toEqual(['first', 'second']);
    await observer.query('DELETE FROM bracket');
  });

  it('a failing statement never reaches the COMMIT it carries: nothing of the transaction is written and ROLLBACK leaves the connection clean', async () => {
    await begin();
    await client.query('INSERT INTO bracket (v) VALUES ($1)', ['kept until the failure']);
    client.commitNext = true;
    await expect(client.query('INSERT INTO bracket (v) VALUES ($1)', ['refused'])).rejects.toThrow(/check constraint/);
    expect(await state()).toBe('E');
    await client.query('ROLLBACK');
    expect(await state()).toBe('I');
    expect(await rows()).toEqual([]);
    // The next user of the connection starts afresh, outside any transaction.
    await client.query('INSERT INTO bracket (v) VALUES ($1)', ['later']);
    expect(await state()).toBe('I');
    expect(await rows()).toEqual(['later']);
    await observer.query('DELETE FROM bracket');
  });

  it('a failing first statement fails its transaction too: nothing is written', async () => {
    await begin();
    await expect(client.query('INSERT INTO bracket (v) VALUES ($1)', ['refused'])).rejects.toThrow(/check constraint/);
    expect(await state()).toBe('E');
    await expect(client.query('INSERT INTO bracket (v) VALUES ($1)', ['after'])).rejects.toThrow(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([]);
  });

  it('a statement after a transaction committed with its last statement is refused, not run outside the transaction', async () => {
    await begin();
    client.commitNext = true;
    await client.query('INSERT INTO bracket (v) VALUES ($1)', ['committed']);
    await expect(client.query('INSERT INTO bracket (v) VALUES ($1)', ['stray'])).rejects.toThrow(/after its transaction was committed/);
    expect(await rows()).toEqual(['committed']);
    await observer.query('DELETE FROM bracket');
  });

  it('a transaction that ends before any statement sends nothing at all', async () => {
    const log = countStatements();
    try {
      await begin();
      await client.query('COMMIT');
      await begin();
      await client.query('ROLLBACK');
    } finally {
      log.stop();
    }
    expect(log.texts).toEqual([]);
    expect(await state()).toBe('I');
  });

  it('statements without parameters carry the brackets as one simple query and give their own results only', async () => {
    await begin();
    client.commitNext = true;
    const result = await client.query<{ n: number }>('SELECT 41 + 1 AS n');
    expect(result.rows).toEqual([{ n: 42 }]);
    await client.query('COMMIT');
    await begin();
    // Several statements keep their results, without the brackets'.
    const several = (await client.query('SELECT 1 AS a; SELECT 2 AS b')) as unknown as { rows: unknown[] }[];
    expect(several.map((one) => one.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    expect(await state()).toBe('T');
    await client.query('ROLLBACK');
  });
});
