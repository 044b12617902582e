import pg from 'pg';
import type { QueryRunner } from 'typeorm';

const BEGIN = 'START TRANSACTION';
type Callback = (error: Error | null, result?: unknown) => void;

/** What pg's Query keeps to itself and BeginThen builds on. */
interface QueryInternals extends pg.Submittable {
  text: string;
  callback?: Callback;
  _results: unknown;
  prepare(connection: PgConnection): void;
  handleReadyForQuery(connection: PgConnection): void;
}
interface PgConnection {
  parse(query: { text: string; name: string; types: unknown[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[] }): void;
  execute(config: { portal: string; rows: number }): void;
}
const PgQuery = pg.Query as unknown as new (text: string, values: unknown[] | undefined) => QueryInternals;
// eslint-disable-next-line @typescript-eslint/unbound-method -- taken once, called below with .call/.apply(this) on the instance
const pgQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A statement preceded, in the same write and before the same Sync, by START TRANSACTION: the
 * transaction and its first statement cost one round trip. With parameters (extended protocol),
 * START TRANSACTION is parsed, bound and executed as an unnamed statement ahead of the statement's
 * own messages; without, the two are one simple query. PostgreSQL runs the messages in order and
 * answers once; if either fails it skips the rest, reports the error and the transaction is rolled
 * back by its owner as after any failed statement. The caller gets the statement's result alone.
 */
export class BeginThen extends PgQuery {
  constructor(text: string, values: unknown[] | undefined) {
    super(values && values.length > 0 ? text : `${BEGIN}; ${text}`, values);
  }

  /** As counted by the statement log: what went on the wire. */
  get label(): string {
    return this.text.startsWith(`${BEGIN}; `) ? this.text : `${BEGIN}; ${this.text}`;
  }

  override prepare(connection: PgConnection): void {
    connection.parse({ text: BEGIN, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }

  override handleReadyForQuery(connection: PgConnection): void {
    if (Array.isArray(this._results)) {
      const rest = (this._results as unknown[]).slice(1);
      this._results = rest.length === 1 ? rest[0] : rest;
    }
    super.handleReadyForQuery(connection);
  }

  run(client: pg.Client): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.callback = (error, result) => (error ? reject(error) : resolve(result));
      pgQuery.call(client, this);
    });
  }
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
 * Every statement sent goes through `send` (where the tests count them).
 */
export class SessionSafeClient extends pg.Client {
  /** The next START TRANSACTION waits for the statement after it. */
  deferNextBegin = false;
  /** START TRANSACTION asked for and not sent yet. */
  beginPending = false;

  declare send: (...args: unknown[]) => unknown;
}

SessionSafeClient.prototype.send = function (this: SessionSafeClient, ...args: unknown[]) {
  const result = args[0] instanceof BeginThen ? args[0].run(this) : pgQuery.apply(this, args);
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
  if (plain && this.deferNextBegin && text === BEGIN) {
    this.deferNextBegin = false;
    this.beginPending = true;
    return Promise.resolve(commandResult('BEGIN'));
  }
  if (this.beginPending) {
    this.beginPending = false;
    if (plain && (text === 'COMMIT' || text === 'ROLLBACK')) return Promise.resolve(commandResult(text));
    if (plain) return this.send(new BeginThen(text, values as unknown[] | undefined));
    // Anything else (a stream, a callback): the transaction starts on its own first.
    void this.send(BEGIN);
  }
  return this.send(...args);
} as typeof pg.Client.prototype.query;

const clientOf = (runner: QueryRunner) => (runner as QueryRunner & { databaseConnection?: unknown }).databaseConnection;

/** The runner's next START TRANSACTION goes on the wire with its first statement. */
export function deferBegin(runner: QueryRunner): void {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) client.deferNextBegin = true;
}

/** Before the connection goes back to the pool: nothing deferred may reach its next user. */
export function forgetDeferredBegin(runner: QueryRunner): void {
  const client = clientOf(runner);
  if (client instanceof SessionSafeClient) {
    client.deferNextBegin = false;
    client.beginPending = false;
  }
}
