import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import { currentRequestContext } from '../common/request-context.js';
import { ResponseNames } from '../directory/response-names.js';
import { deferBegin, forgetDeferred } from './session-safe-client.js';

/**
 * One request's unit of work on the cellule database: one connection, one transaction, opened at
 * the first query and ended once, after the handler. Every query of the request runs on its
 * manager, so a request never asks the pool for a second connection while holding one (what locked
 * the service up under twenty concurrent writers).
 *
 * Audit entries are collected during the request and written when it ends:
 * - a request that changes data (any method but GET/HEAD) appends them in its own transaction, as
 *   its last statement, so the change and its record commit together;
 * - a read commits its (read-only) transaction first, releases the connection, then appends through
 *   the audit group commit; either way the response leaves only once they are committed;
 * - a request that fails is rolled back, then its entries are written with the outcome that really
 *   happened: `error` for a server fault, `denied` for a refusal, along with explicit denials.
 */
export class Unit {
  private runner?: QueryRunner;
  private opening?: Promise<EntityManager>;
  private readonly entries: AuditEntry[] = [];
  private readonly always: AuditEntry[] = [];
  private ended = false;
  private readonly afterCommitWork: (() => Promise<void>)[] = [];
  /** Per-request caches of the security core (unwrapped data keys, the user's access facts). */
  readonly cache = new Map<string, unknown>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    readonly writes: boolean,
  ) {}

  get holdsConnection(): boolean {
    return this.opening !== undefined;
  }

  /** The transaction's manager; the transaction starts on first use. */
  manager(): Promise<EntityManager> {
    if (this.ended) return Promise.reject(new Error('unit of work already ended'));
    this.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        // START TRANSACTION goes on the wire with the unit's first statement.
        deferBegin(runner);
        await runner.startTransaction();
      } catch (error) {
        forgetDeferred(runner);
        await runner.release().catch(() => undefined);
        throw error;
      }
      this.runner = runner;
      return runner.manager;
    })();
    return this.opening;
  }

  /** Recorded when the unit ends: as given on success, with the real outcome on failure. */
  record(...entries: AuditEntry[]): void {
    this.entries.push(...entries);
  }

  /**
   * Runs once the unit has committed, never if it rolls back (e-mails queued after the change that
   * caused them). A failure there is logged and does not fail the request.
   */
  afterCommit(work: () => Promise<void>): void {
    this.afterCommitWork.push(work);
  }

  /** Runs the after-commit work; called by UnitOfWork.run once `commit` succeeded. */
  async committed(logger: Logger): Promise<void> {
    for (const work of this.afterCommitWork.splice(0)) {
      await work().catch((error: unknown) => logger.error({ kind: (error as Error)?.name }, 'after-commit work failed'));
    }
  }

  /** Recorded whatever happens to the request (refusals, integrity errors). */
  recordAlways(...entries: AuditEntry[]): void {
    this.always.push(...entries);
  }

  async commit(): Promise<void> {
    this.ended = true;
    const entries = [...this.entries, ...this.always];
    if (this.opening) await this.opening;
    const runner = this.runner;
    if (runner) {
      try {
        if (this.writes && entries.length > 0) await this.audit.recordAndCommit(runner.manager, ...entries);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        forgetDeferred(runner);
        await runner.release();
      }
      if (this.writes) return;
    }
    if (entries.length > 0) await this.audit.record(...entries);
  }

  async rollback(cause: unknown, logger: Logger): Promise<void> {
    this.ended = true;
    await this.opening?.catch(() => undefined);
    const runner = this.runner;
    if (runner) {
      try {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
      } catch {
        // The connection is gone (outage): nothing was committed.
      } finally {
        forgetDeferred(runner);
        await runner.release().catch(() => undefined);
      }
    }
    const outcome: AuditEntry['outcome'] = cause instanceof HttpException && cause.getStatus() < 500 ? 'denied' : 'error';
    const entries = [...this.entries.map((entry) => (entry.outcome === 'granted' ? { ...entry, outcome } : entry)), ...this.always];
    if (entries.length === 0) return;
    // The request's own error is what the client gets; a failure to record is logged, kind only.
    await this.audit
      .record(...entries)
      .catch((error: unknown) => logger.error({ kind: (error as Error)?.name }, 'audit entries of a failed request not recorded'));
  }
}

/** Where services get the request's transaction and hand in its audit entries. */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The current unit: the request's, or the one `run` opened. */
  get current(): Unit {
    const unit = currentRequestContext()?.unit;
    if (!unit) throw new Error('no unit of work: case data is reached only within a request or UnitOfWork.run');
    return unit as Unit;
  }

  manager(): Promise<EntityManager> {
    return this.current.manager();
  }

  /**
   * Commits `work` in a short transaction of its own, whatever happens to the request afterwards
   * (a refusal that must be counted). Only before the request's unit holds a connection, so a
   * request never holds two.
   */
  async commitAhead(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    if (this.current.holdsConnection) throw new Error('commitAhead once the unit holds a connection');
    await this.dataSource.transaction(work);
  }

  /** Runs `work` in a unit of its own (command line, jobs, the request interceptor). */
  async run<T>(writes: boolean, work: () => Promise<T>): Promise<T> {
    const context = currentRequestContext();
    if (!context) throw new Error('UnitOfWork.run needs a request context (runInContext)');
    const unit = new Unit(this.dataSource, this.audit, writes);
    const previous = context.unit;
    context.unit = unit;
    try {
      const result = await work();
      await unit.commit();
      await unit.committed(this.logger);
      return result;
    } catch (error) {
      await unit.rollback(error, this.logger);
      throw error;
    } finally {
      context.unit = previous;
    }
  }
}

/**
 * Wraps every request in its unit of work: committed before the response leaves. The display names
 * beside the person and structure ids of the response are read within it.
 */
@Injectable()
export class UnitOfWorkInterceptor implements NestInterceptor {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly names: ResponseNames,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !currentRequestContext()) return next.handle();
    const method = context.switchToHttp().getRequest<Request>().method;
    const writes = method !== 'GET' && method !== 'HEAD';
    return defer(() =>
      this.uow.run(writes, async () => {
        const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        return this.names.annotate(body, () => this.uow.manager());
      }),
    );
  }
}
