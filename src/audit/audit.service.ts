import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { loggable } from '../common/problem.filter.js';
import { currentRequestContext } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { Ed25519Signer } from '../crypto/signing.js';
import { forgetDeferred } from '../database/session-safe-client.js';
import { AuditOutcome, ChainBreak, checkpointMessage, GENESIS_HASH } from './audit-chain.js';
import { ChainAppender, type PendingRecord } from './audit-chain-appender.js';
import { ChainWalker, CHECKPOINT_COLUMNS, type StoredCheckpoint } from './audit-chain-walker.js';
import { AuditCheckpoint } from './audit-event.entity.js';

const MAX_BATCH = 500;
const CODE = /^[a-z_]+$/;
const ACTION = /^[a-z_]+\.[a-z_]+$/;
const IDENTIFIER = /^[A-Za-z0-9-]{1,64}$/;

/** What a caller records. Actor, request id and client address default to the current request's. */
export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  situationId?: string | null;
  outcome: AuditOutcome;
  purpose?: { type: string; id: string };
  /** For events without an authenticated caller (login) or done by an operator (CLI). */
  actor?: { userId: string | null; role: string | null; organizationId: string | null };
}

/**
 * What the service knows of its chain: `unverified` until the first check (at start), `intact` once
 * the segment after the last signed checkpoint (or a full verification) checked out, `broken` with
 * the first broken entry. Held in memory and recomputed at start.
 */
export interface AuditChainStatus {
  state: 'unverified' | 'intact' | 'broken';
  firstBroken?: ChainBreak;
  /** When the state was last established. */
  checkedAt?: Date;
}

/** Operations run from the command line by the server's operator, who has no account. */
export const OPERATOR_ACTOR = { userId: null, role: 'operator', organizationId: null };

interface Queued {
  record: PendingRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The single way anything is recorded. Two entry points:
 * - `recordWithin(manager, ...)`: in the caller's transaction, as its last statement, so the change
 *   and its record commit together;
 * - `record(...)`: for reads and denials; resolves once committed (the caller sends data only
 *   after). Concurrent calls share one locked append (group commit).
 *
 * Record the REAL outcome: `granted` only once the data is ready to leave, `denied` for a refusal,
 * `error` when an authorised operation failed (a field that does not decrypt or fails its integrity
 * check, a write that had to be abandoned). For that last case use `recordError(entry, error)` (or
 * `recordOutcome(entry, operation)`, which records `granted` or `error` around an operation): it
 * writes outside the caller's transaction, since that transaction rolls back with the failure,
 * and never replaces the original error.
 *
 * Checkpoints are signed only over a verified segment: before signing head N, the entries from the
 * last signed checkpoint to N are checked (links, hashes, MACs, columns). If they do not verify,
 * nothing is signed, the chain is held `broken` and signing stops until an operator intervenes
 * (restores the trail, then restarts the service or has a full verification pass); appends go on.
 */
@Injectable()
export class AuditService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly settings: AppConfig['audit'];
  private readonly appender: ChainAppender;
  private signer: Ed25519Signer;
  private queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  private entriesSinceCheckpoint = 0;
  private checkpointing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private status: AuditChainStatus = { state: 'unverified' };
  /** The highest checkpoint this process has seen signed: one missing later is a break. */
  private lastSignedSeq = 0;
  /** Set by the access module once the ethics policy is loaded. */
  policyVersion: string | null = null;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
  ) {
    this.settings = config.get('audit', { infer: true });
    this.appender = new ChainAppender(this.settings.macKey);
  }

  async onModuleInit(): Promise<void> {
    this.signer = await Ed25519Signer.fromSeed(this.settings.signingSeed);
    this.timer = setInterval(() => {
      if (this.entriesSinceCheckpoint > 0)
        void this.checkpoint().catch((error) => this.logger.error({ error: loggable(error) }, 'Audit checkpoint failed'));
    }, this.settings.checkpointSeconds * 1000);
    this.timer.unref();
  }

  /** Recomputes the chain's status at start: the segment since the last signed checkpoint. */
  async onApplicationBootstrap(): Promise<void> {
    // A database that is down at start must not stop the service: the next checkpoint retries.
    await this.verifyUnsignedSegment().catch((error: Error) =>
      this.logger.error(`Audit chain status could not be established at start (${error.name}); the next checkpoint retries`),
    );
  }

  // Before TypeORM closes its connections (it does so in onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    if (this.entriesSinceCheckpoint > 0)
      await this.checkpoint().catch((error) => this.logger.error({ error: loggable(error) }, 'Audit checkpoint failed'));
  }

  get signingPublicKey(): Uint8Array {
    return this.signer.publicKey;
  }

  /** The chain's status as last established (health, the ethics committee's anomaly report). */
  chainStatus(): AuditChainStatus {
    return { ...this.status };
  }

  /**
   * The outcome of a full verification started at `startedAt`: a break is held; a chain that
   * verified entirely clears a break found before the verification began (the operator repaired
   * the trail), and signing resumes.
   */
  noteVerification(firstBroken: ChainBreak | undefined, startedAt: Date): void {
    if (firstBroken) this.markBroken(firstBroken);
    else if (this.status.state !== 'broken' || (this.status.checkedAt && this.status.checkedAt < startedAt)) {
      if (this.status.state === 'broken') this.logger.warn('Audit chain verified intact again: checkpoint signing resumes');
      this.status = { state: 'intact', checkedAt: new Date() };
    }
  }

  /**
   * Records that an authorised operation failed (outcome `error`), e.g. a read whose decryption or
   * integrity check failed, or a write abandoned after its checks. Call it from the catch block,
   * OUTSIDE the failed transaction (it commits on its own), then rethrow the original error:
   *
   *   try { view = await decrypt(...) } catch (error) { await audit.recordError(entry, error); throw error; }
   *
   * Resolves once the entry is committed; if the entry itself cannot be written, that failure is
   * logged and swallowed so the caller still throws the original error (the request fails anyway).
   */
  async recordError(entry: Omit<AuditEntry, 'outcome'>, cause?: unknown): Promise<void> {
    try {
      await this.record({ ...entry, outcome: 'error' });
    } catch (failure) {
      this.logger.error(
        `Audit entry for a failed ${entry.action} could not be written (${(failure as Error).name}; cause ${(cause as Error | undefined)?.name ?? 'unknown'})`,
      );
    }
  }

  /**
   * Runs `operation` and records its real outcome: `granted` once it succeeded (awaited before the
   * result is returned, so nothing leaves unrecorded), `error` if it threw (then rethrows).
   * Decide `denied` before calling: a refusal is not an error.
   */
  async recordOutcome<T>(entry: Omit<AuditEntry, 'outcome'>, operation: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await operation();
    } catch (error) {
      await this.recordError(entry, error);
      throw error;
    }
    await this.record({ ...entry, outcome: 'granted' });
    return result;
  }

  async recordWithin(manager: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    await this.append(
      manager,
      entries.map((entry) => this.prepare(entry)),
    );
  }

  /**
   * As recordWithin, as the transaction's very last statement: the insert carries the COMMIT (one
   * round trip), and the caller's commitTransaction() that must follow costs none.
   */
  async recordAndCommit(manager: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    await this.append(
      manager,
      entries.map((entry) => this.prepare(entry)),
      false,
      true,
    );
  }

  record(...entries: AuditEntry[]): Promise<void> {
    const records = entries.map((entry) => this.prepare(entry));
    const committed = Promise.all(
      records.map((record) => new Promise<void>((resolve, reject) => this.queue.push({ record, resolve, reject }))),
    ).then(() => undefined);
    // Once every entry is queued: a request's entries (a page of 50) go in one batch, one statement.
    this.flushing ??= this.flush();
    return committed;
  }

  /** Signs the current head. Called every N entries or M seconds, at shutdown, and on demand. */
  checkpoint(): Promise<void> {
    this.checkpointing ??= this.writeCheckpoint().finally(() => (this.checkpointing = undefined));
    return this.checkpointing;
  }

  private async writeCheckpoint(): Promise<void> {
    this.entriesSinceCheckpoint = 0;
    // A broken chain is never signed over; an operator must intervene first.
    if (this.status.state === 'broken') return;
    const head = await this.verifyUnsignedSegment();
    if (!head || head.seq === this.lastSignedSeq) return;
    const signedAt = new Date();
    const signature = this.signer.sign(checkpointMessage(head.seq, head.hash, signedAt));
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditCheckpoint)
      .values({
        seq: head.seq,
        headHash: head.hash,
        signedAt,
        publicKey: Buffer.from(this.signer.publicKey),
        signature: Buffer.from(signature),
      })
      .orIgnore()
      .execute();
    this.lastSignedSeq = head.seq;
  }

  /**
   * Verifies the entries after the last signed checkpoint up to the current head, on a connection
   * of its own and in batches: cheap, since only the unsigned segment is read. Returns the verified
   * head, or undefined (and the chain marked broken) if the segment does not verify.
   */
  private async verifyUnsignedSegment(): Promise<{ seq: number; hash: Buffer } | undefined> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [last] = (await runner.query(
        `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint ORDER BY seq DESC LIMIT 1`,
      )) as StoredCheckpoint[];
      const [head] = (await runner.query('SELECT seq, hash FROM audit.event ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: Buffer }[];
      const anchor = { seq: last ? Number(last.seq) : 0, hash: last ? last.head_hash : GENESIS_HASH };
      const walker = new ChainWalker(this.settings.macKey, this.signer.publicKey, anchor);
      const headSeq = head ? Number(head.seq) : 0;
      if (anchor.seq < this.lastSignedSeq) {
        walker.broken({ seq: this.lastSignedSeq, kind: 'checkpoint_missing', problem: 'a signed checkpoint has disappeared' });
      } else if (last && !walker.signatureValid(last)) {
        walker.broken({ seq: anchor.seq, kind: 'invalid_checkpoint_signature', problem: 'checkpoint signature is invalid' });
      } else if (headSeq < anchor.seq) {
        walker.broken({
          seq: headSeq + 1,
          kind: 'truncated_tail',
          problem: `entries missing: a signed checkpoint covers up to ${anchor.seq}`,
        });
      } else if (last) {
        const [entry] = (await runner.query('SELECT hash FROM audit.event WHERE seq = $1', [anchor.seq])) as { hash: Buffer }[];
        if (!entry) walker.broken({ seq: anchor.seq, kind: 'missing_entry', problem: 'entry missing (a signed checkpoint covers it)' });
        else if (!entry.hash.equals(anchor.hash))
          walker.broken({ seq: anchor.seq, kind: 'checkpoint_mismatch', problem: 'entry differs from the one a signed checkpoint covers' });
      }
      if (walker.valid) await walker.walk(runner, headSeq);
      if (walker.firstBroken) {
        this.markBroken(walker.firstBroken);
        return undefined;
      }
      this.lastSignedSeq = anchor.seq;
      if (this.status.state !== 'broken') this.status = { state: 'intact', checkedAt: new Date() };
      return headSeq > 0 ? { seq: walker.lastSeq, hash: walker.prevHash } : undefined;
    } finally {
      await runner.release();
    }
  }

  /** Holds the chain broken (the lowest broken seq known) and says so once, without any entry content. */
  private markBroken(brk: ChainBreak): void {
    const known = this.status.state === 'broken' ? this.status.firstBroken : undefined;
    if (known && known.seq <= brk.seq) return;
    this.status = { state: 'broken', firstBroken: brk, checkedAt: new Date() };
    this.logger.error(`Audit chain broken at entry ${brk.seq} (${brk.kind}): checkpoint signing is suspended until an operator intervenes`);
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendAlone(batch.map((item) => item.record));
          batch.forEach((item) => item.resolve());
        } catch (error) {
          // One bad entry must not fail its neighbours: retry them one by one.
          if (batch.length === 1) batch[0].reject(error);
          else await this.appendOneByOne(batch);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async appendOneByOne(batch: Queued[]): Promise<void> {
    for (const item of batch) {
      try {
        await this.appendAlone([item.record]);
        item.resolve();
      } catch (error) {
        item.reject(error);
      }
    }
  }

  /** Appends in a transaction of its own: BEGIN, lock and tail in one round trip, then the insert with its COMMIT. */
  private async appendAlone(records: PendingRecord[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await this.append(runner.manager, records, true, true);
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      forgetDeferred(runner);
      await runner.release();
    }
  }

  /** Appends through the chain appender, then counts towards the next checkpoint. */
  private async append(manager: EntityManager, records: PendingRecord[], begin = false, commit = false): Promise<void> {
    const appended = await this.appender.append(manager, records, { begin, commit });
    if (appended === 0) return;
    this.entriesSinceCheckpoint += appended;
    if (this.entriesSinceCheckpoint >= this.settings.checkpointEvery) {
      // After this transaction commits; never inside the locked section.
      setImmediate(() => void this.checkpoint().catch((error) => this.logger.error({ error: loggable(error) }, 'Audit checkpoint failed')));
    }
  }

  private prepare(entry: AuditEntry): PendingRecord {
    const context = currentRequestContext();
    const actor = entry.actor ?? {
      userId: context?.user?.id ?? null,
      role: context?.roleUsed ?? null,
      organizationId: context?.user?.organizationId ?? null,
    };
    const record: PendingRecord = {
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorOrganizationId: actor.organizationId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      situationId: entry.situationId ?? null,
      outcome: entry.outcome,
      purposeType: entry.purpose?.type ?? null,
      purposeId: entry.purpose?.id ?? null,
      policyVersion: this.policyVersion,
      requestId: context?.requestId ?? null,
      clientAddress: context?.clientAddress ?? null,
    };
    // Programming errors, refused before they can poison a shared append.
    if (!ACTION.test(record.action) || !CODE.test(record.resourceType)) throw new Error(`Invalid audit code ${record.action}`);
    for (const id of [record.resourceId, record.purposeId]) {
      if (id !== null && !IDENTIFIER.test(id)) throw new Error('Audit identifiers must be ids, never free text');
    }
    if (record.purposeType !== null && !CODE.test(record.purposeType)) throw new Error('Invalid audit purpose type');
    return record;
  }
}
