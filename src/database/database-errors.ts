import { HttpStatus } from '@nestjs/common';
import { ProblemException, ProblemType } from '../common/problem.js';

/** What clients are told to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs that mean "the database cannot serve now", not "this request is wrong":
 * connection exceptions (class 08), shutdown and start-up (57P01-57P03), too many connections,
 * and the per-session timeouts (statement_timeout, lock_timeout, idle_in_transaction).
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57P01', '57P02', '57P03', '57014', '55P03', '25P03']);

/** Socket errors of an unreachable or vanished server. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Messages of node-postgres and pg-pool errors that carry no code: a connection lost or timed out,
 * a query without answer (query_timeout), a pool that cannot hand out a connection in time.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /is not queryable$/,
  /^Client network socket disconnected/,
];

/**
 * True when an error (or the driver error, cause or nested error it wraps: TypeORM's
 * QueryFailedError, Node's AggregateError) means that the database is unreachable, refuses
 * connections or does not answer in time.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) {
    return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

/** The 503 every request gets while the database is unavailable. */
export function databaseUnavailable(): ProblemException {
  return new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    ProblemType.serviceUnavailable,
    'Service momentanément indisponible',
    'La base de données est momentanément indisponible. Réessayez dans quelques instants.',
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  );
}
