/**
 * Counts the SQL statements the service sends, on every pool of the process (both roles, the audit
 * writer, the cellule transaction): each statement sent goes through SessionSafeClient.send, which
 * this wraps while a count runs (a START TRANSACTION sent with the statement after it counts once). Nothing is changed or mocked: statements go to the real database.
 */
import { performance } from 'node:perf_hooks';
import { SessionSafeClient } from '../../src/database/database.module.js';

export interface StatementLog {
  /** The statements' texts, in the order they were sent (parameters are never kept). */
  readonly texts: string[];
  /** How long each took to answer, in ms (for the benchmarks' traces; tests never assert times). */
  readonly durations: number[];
  stop(): void;
}

export function countStatements(): StatementLog {
  const original = SessionSafeClient.prototype.send;
  const texts: string[] = [];
  const durations: number[] = [];
  SessionSafeClient.prototype.send = function (this: SessionSafeClient, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; label?: string } | undefined;
    const index = texts.push(typeof first === 'string' ? first : (first?.label ?? first?.text ?? '?')) - 1;
    const begin = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) void result.finally(() => (durations[index] = performance.now() - begin)).catch(() => undefined);
    return result;
  };
  return {
    texts,
    durations,
    stop: () => {
      SessionSafeClient.prototype.send = original;
    },
  };
}

/** Runs `work` and returns the statements sent meanwhile. */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  return (await statementLogOf(work)).texts;
}

/** Runs `work` and returns the statements sent meanwhile, with their durations. */
export async function statementLogOf(work: () => Promise<unknown>): Promise<StatementLog> {
  const log = countStatements();
  try {
    await work();
  } finally {
    log.stop();
  }
  return log;
}
