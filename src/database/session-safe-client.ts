import pg from 'pg';
import type { QueryRunner } from 'typeorm';

const BEGIN = 'START TRANSACTION';
type Callback = (error: Error | null, result?: unknown) => void;

/** What pg's Query keeps to itself and Bracketed builds on. */
interface QueryInternals extends pg.Submittable {
  text: string;
  values?: unknown[];
  portal: string;
  callback?: Callback;
  _results: unknown;
  prepare(connection: PgConnection): void;
  handleReadyForQuery(connection: PgConnection): void;
  _getRows(connection: PgConnection, rows?: number): void;
}
interface PgConnection {
  parse(query: { text: string; name: string; types: unknown[] }): void;
  sync(): void;
  describe(config: { type: 'P' | 'S'; name: string }): void;
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  execute(config: { portal: string; rows: number }): void;
}
const PgQuery = pg.Query as unknown as new (text: string, values: unknown[] | undefined) => QueryInternals;
// eslint-disable-next-line @typescript-eslint/unbound-method -- taken once, called below with .call/.apply(this) on the instance
const pgQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A statement sent in one write, before one Sync, with statements without parameters ahead of it
 * (`before`: START TRANSACTION, a SAVEPOINT, a lock) and after it (`after`: COMMIT): one round trip
 * for what would take several. With parameters (extended protocol) they are parsed, bound,
 * described and executed as unnamed statements around the statement's own messages; without, they
 * are one simple query. PostgreSQL runs the messages in order and answers once; if one fails it
 * skips the rest (a COMMIT after a failed statement is never run), reports the error, and the
 * transaction is rolled back by its owner as after any failed statement. The caller gets the
 * statement's result alone.
 */
export class Bracketed extends PgQuery {
  constructor(
    text: string,
    values: unknown[] | undefined,
    private readonly around: { before: string[]; after: string[] },
  ) {
    super(values && values.length > 0 ? text : [...around.before, text, ...around.after].join('; '), values);
  }

  get commits(): boolean {
    return this.around.after.includes('COMMIT');
  }

  /** As counted by the statement log: what went on the wire. */
  get label(): string {
    if (!this.values || this.values.length === 0) return this.text;
    return [...this.around.before, this.text, ...this.around.after].join('; ');
  }

  override prepare(connection: PgConnection): void {
    for (const statement of this.around.before) unnamed(connection, statement);
    super.prepare(connection);
  }

  /** pg's own, with the statements after between the statement's Execute and the Sync. */
  override _getRows(connection: PgConnection, rows?: number): void {
    connection.execute({ portal: this.portal, rows: rows ?? 0 });
    for (const statement of this.around.after) unnamed(connection, statement);
    connection.sync();
  }

  override handleReadyForQuery(connection: PgConnection): void {
    if (Array.isArray(this._results)) {
      const all = this._results as unknown[];
      const own = all.slice(this.around.before.length, all.length - this.around.after.length);
      this._results = own.length === 1 ? own[0] : own;
    }
    super.handleReadyForQuery(connection);
  }

  run(client: SessionSafeClient): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.callback = (error, result) => {
        if (error) return reject(error);
        if (this.commits) client.committedAhead = true;
        resolve(result);
      };
      pgQuery.call(client, this);
    });
  }
}

/** Parse, Bind, Describe and Execute of a statement without parameters, unnamed. */
function unnamed(connection: PgConnection, text: string): void {
  connection.parse({ text, name: '', types: [] });
  connection.bind({ portal: '', statement: '', values: [] });
  connection.describe({ type: 'P', name: '' });
  connection.execute({ portal: '', rows: 0 });
}

const commandResult = (command: string) => ({ command, rowCount: null, rows: [], fields: [] });

/**
 * The pg client of every pool.
 * - It closes its connection when a query gets no answer within query_timeout. pg only stops
 *   waiting; the connection would go back to the pool with its statement still running, possibly
 *   inside a transaction whose ROLLBACK was never sent, and the next request would run in that
 *   transaction. Closed, the pool discards it and PostgreSQL rolls the session back.
 * - A unit of work's START TRANSACTION can wait for the unit's first statement and go with it
 *   (`deferBegin`): one round trip fewer per request. A unit that ends before any statement sends
 *   neither START TRANSACTION nor its COMMIT or ROLLBACK.
 * - A transaction's last statement can carry its COMMIT (`commitWithNext`): the COMMIT asked for
 *   next is then answered without a round trip; any other statement is refused (it would run
 *   outside the transaction).
 * Every statement sent goes through `send` (where the tests count them).
 */
export class SessionSafeClient extends pg.Client {
  /** The next START TRANSACTION waits for the statement after it. */
  deferNextBegin = false;
  /** START TRANSACTION asked for and not sent yet. */
  beginPending = false;
  /** The next statement carries COMMIT. */
  commitNext = false;
  /** Statements without parameters the next statement carries ahead of it (a SAVEPOINT, a lock). */
  aheadOfNext: string[] = [];
  /** The transaction was committed with its last statement: the COMMIT that follows is answered here. */
  committedAhead = false;

  declare send: (...args: unknown[]) => unknown;
}

SessionSafeClient.prototype.send = function (this: SessionSafeClient, ...args: unknown[]) {
  const result = args[0] instanceof Bracketed ? args[0].run(this) : pgQuery.apply(this, args);
  if (result instanceof Promise) {
    result.catch((error: unknown) => {
      if ((error as Error)?.message === 'Query read timeout') void this.end().catch(() => undefined);
    });
  }
  return result;
};

SessionSafeClient.prototype.query = function (this: SessionSafeClient, ...args: unknown[]) {
  const [text, values] = args;
  const plain = typeof text === 'string' && args.length <= 2 && (values === undefined || Array.isArray(values));
  if (this.committedAhead) {
    this.committedAhead = false;
    if (plain && text === 'COMMIT') return Promise.resolve(commandResult('COMMIT'));
    return Promise.reject(new Error('a statement after its transaction was committed with its last statement'));
  }
  if (plain && this.deferNextBegin && text === BEGIN) {
    this.deferNextBegin = false;
    this.beginPending = true;
    return Promise.resolve(commandResult('BEGIN'));
  }
  const begin = this.beginPending;
  const commit = this.commitNext && plain && text !== 'COMMIT' && text !== 'ROLLBACK';
  const ahead = this.aheadOfNext;
  this.beginPending = false;
  this.commitNext = false;
  this.aheadOfNext = [];
  if (begin && plain && (text === 'COMMIT' || text === 'ROLLBACK')) return Promise.resolve(commandResult(text));
  if (plain && (begin || commit || ahead.length > 0)) {
    const around = { before: [...(begin ? [BEGIN] : []), ...ahead], after: commit ? ['COMMIT'] : [] };
    return this.send(new Bracketed(text, values as unknown[] | undefined, around));
  }
  // Anything else (a stream, a callback): what it would have carried goes on its own first.
  for (const statement of [...(begin ? [BEGIN] : []), ...ahead]) void this.send(statement);
  return this.send(...args);
} as typeof pg.Client.prototype.query;

const clientOf = (runner: QueryRunner) => (runner as QueryRunner & { databaseConnection?: unknown }).databaseConnection;

/** The runner's next START TRANSACTION goes on the wire with its first statement. */
export function deferBegin(runner: QueryRunner): void {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) client.deferNextBegin = true;
}

/**
 * The runner's next statement, its transaction's last, carries the COMMIT; the runner's own
 * COMMIT after it costs no round trip.
 */
export function commitWithNext(runner: QueryRunner): void {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) client.commitNext = true;
}

/**
 * The runner's next statement carries `statements` (without parameters) ahead of it, in the same
 * round trip. Without a SessionSafeClient they are sent on their own first, in order.
 */
export async function aheadOfNext(runner: QueryRunner, statements: string[]): Promise<void> {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) client.aheadOfNext = [...client.aheadOfNext, ...statements];
  else for (const statement of statements) await runner.query(statement);
}

/** Before the connection goes back to the pool: nothing deferred may reach its next user. */
export function forgetDeferred(runner: QueryRunner): void {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) {
    client.deferNextBegin = false;
    client.beginPending = false;
    client.commitNext = false;
    client.aheadOfNext = [];
    client.committedAhead = false;
  }
}
