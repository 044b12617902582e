/**
 * Counts the SQL statements the service sends, on every pool of the process (both roles, the audit
 * writer, the cellule transaction): each query goes through SessionSafeClient, whose query method
 * this wraps while a count runs. Nothing is changed or mocked: statements go to the real database.
 */
import { SessionSafeClient } from '../../src/database/database.module.js';

export interface StatementLog {
  /** The statements' texts, in the order they were sent (parameters are never kept). */
  readonly texts: string[];
  stop(): void;
}

export function countStatements(): StatementLog {
  const original = SessionSafeClient.prototype.query;
  const texts: string[] = [];
  SessionSafeClient.prototype.query = function (this: SessionSafeClient, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    texts.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return (original as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    texts,
    stop: () => {
      SessionSafeClient.prototype.query = original;
    },
  };
}

/** Runs `work` and returns the statements sent meanwhile. */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const log = countStatements();
  try {
    await work();
  } finally {
    log.stop();
  }
  return log.texts;
}
