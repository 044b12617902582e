import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClientBase, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { loggable } from '../common/problem.filter.js';
import { currentRequestContext } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { Ed25519Signer } from '../crypto/signing.js';
import { aheadOfNext, commitWithNext, forgetDeferred } from '../database/session-safe-client.js';
import { AuditOutcome, AuditRecord, chain, ChainBreak, checkpointMessage, GENESIS_HASH } from './audit-chain.js';
import { ChainWalker, CHECKPOINT_COLUMNS, type StoredCheckpoint } from './audit-chain-walker.js';
import { AuditCheckpoint } from './audit-event.entity.js';

/** Serialises appends across processes; held only from reading the tail to commit. */
const AUDIT_CHAIN_LOCK = 7_324_012;
/** Raised by audit.expected_tail when the tail an append was chained to is no longer the chain's. */
const TAIL_MOVED = 'CL001';
const TAIL_SAVEPOINT = 'audit_append';
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

type PendingRecord = Omit<AuditRecord, 'seq' | 'recordedAt'>;
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
  private signer: Ed25519Signer;
  private queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  /** The chain's tail as this process last wrote it (a hint: the database checks it under the lock). */
  private tail: { seq: number; hash: Buffer } | undefined;
  /** The process's appends, one after the other. */
  private turn: Promise<unknown> = Promise.resolve();
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

  /**
   * Takes the chain lock and reads the tail in ONE round trip: a simple-protocol query of several
   * statements, each with its own snapshot (READ COMMITTED), so the tail is read once the lock is
   * held, exactly as with two round trips. `begin` opens the transaction in the same round trip.
   */
  private async lockTail(manager: EntityManager, begin: boolean): Promise<{ seq: string; hash: Buffer } | undefined> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('audit append outside a transaction');
    const client = (await runner.connect()) as ClientBase;
    const results = (await client.query(
      `${begin ? 'START TRANSACTION; ' : ''}SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}); SELECT seq, hash FROM audit.event ORDER BY seq DESC LIMIT 1`,
    )) as unknown as QueryResult<{ seq: string; hash: Buffer }>[];
    return results[results.length - 1].rows[0];
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

  /**
   * Appends `records` after the chain's tail, under the chain lock, in the manager's transaction
   * (`begin`: a transaction of its own; `commit`: the insert carries its COMMIT).
   *
   * An append that commits with its insert holds the chain lock no longer than its round trip: the
   * process's such appends take turns (each caller already holds its connection, so the turn's
   * holder never waits for a connection a waiter holds), and when this process knows the tail (it
   * wrote it last) the lock and the insert go in one round trip, the insert checking under the lock
   * that the tail is still that one (audit.expected_tail). If another writer moved it (another
   * instance), the insert fails with nothing written, the transaction goes back to before the lock
   * and the tail is read as below.
   *
   * An append inside a transaction that goes on after it (recordWithin) keeps the lock until its
   * caller commits, at a time this service does not know: it takes no turn (a turn's holder may be
   * waiting for that very lock) and reads the lock and the tail in one round trip, then inserts.
   */
  private async append(manager: EntityManager, records: PendingRecord[], begin = false, commit = false): Promise<void> {
    if (records.length === 0) return;
    const runner = manager.queryRunner;
    if (!runner) throw new Error('audit append outside a transaction');
    if (!commit) {
      const tail = await this.lockTail(manager, begin);
      await this.insert(manager, records, tail ? { seq: Number(tail.seq), hash: tail.hash } : { seq: 0, hash: GENESIS_HASH }, {
        commit,
        expected: false,
      });
      // Committed by the caller, maybe after an append that took its turn: not a tail to rely on.
      this.tail = undefined;
      return;
    }
    await runner.connect();
    const turn = this.turn.then(() => this.appendInTurn(manager, records, begin));
    this.turn = turn.catch(() => undefined);
    await turn;
  }

  private async appendInTurn(manager: EntityManager, records: PendingRecord[], begin: boolean): Promise<void> {
    const runner = manager.queryRunner!;
    const known = this.tail;
    if (known) {
      await aheadOfNext(runner, [
        begin ? 'START TRANSACTION' : `SAVEPOINT ${TAIL_SAVEPOINT}`,
        `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`,
      ]);
      try {
        await this.insert(manager, records, known, { commit: true, expected: true });
        return;
      } catch (error) {
        this.tail = undefined;
        const driverError = (error as { driverError?: { code?: string } }).driverError;
        if (driverError?.code !== TAIL_MOVED) throw error;
        await runner.query(begin ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${TAIL_SAVEPOINT}`);
      }
    }
    const tail = await this.lockTail(manager, begin);
    await this.insert(manager, records, tail ? { seq: Number(tail.seq), hash: tail.hash } : { seq: 0, hash: GENESIS_HASH }, {
      commit: true,
      expected: false,
    });
  }

  /** The insert of `records` chained after `tail`; with `expected`, only if `tail` is still the chain's. */
  private async insert(
    manager: EntityManager,
    records: PendingRecord[],
    tail: { seq: number; hash: Buffer },
    options: { commit: boolean; expected: boolean },
  ): Promise<void> {
    let seq = tail.seq;
    let prevHash = tail.hash;
    const recordedAt = new Date();
    const rows = records.map((record) => {
      const chained = chain({ ...record, seq: ++seq, recordedAt }, prevHash, this.settings.macKey);
      prevHash = chained.hash;
      return chained;
    });
    const commit = options.commit;
    // The transaction's last statement: it carries the COMMIT.
    if (commit) commitWithNext(manager.queryRunner!);
    // Plain SQL: the caller's transaction may belong to either DataSource (general or cellule).
    await manager.query(
      `INSERT INTO audit.event (seq, recorded_at, actor_user_id, actor_role, actor_organization_id, action,
         resource_type, resource_id, situation_id, outcome, purpose_type, purpose_id, policy_version,
         request_id, client_address, canonical, prev_hash, hash, mac)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[],
         $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
         $15::text[], $16::bytea[], $17::bytea[], $18::bytea[], $19::bytea[])
       ${options.expected ? 'WHERE audit.expected_tail($20, $21)' : ''}`,
      [
        rows.map((row) => row.seq),
        rows.map((row) => row.recordedAt),
        rows.map((row) => row.actorUserId),
        rows.map((row) => row.actorRole),
        rows.map((row) => row.actorOrganizationId),
        rows.map((row) => row.action),
        rows.map((row) => row.resourceType),
        rows.map((row) => row.resourceId),
        rows.map((row) => row.situationId),
        rows.map((row) => row.outcome),
        rows.map((row) => row.purposeType),
        rows.map((row) => row.purposeId),
        rows.map((row) => row.policyVersion),
        rows.map((row) => row.requestId),
        rows.map((row) => row.clientAddress),
        rows.map((row) => row.canonical),
        rows.map((row) => row.prevHash),
        rows.map((row) => row.hash),
        rows.map((row) => row.mac),
        ...(options.expected ? [tail.seq, tail.hash] : []),
      ],
    );
    // Committed with its insert: the tail the next append of this process is chained to (a hint
    // only, checked under the lock).
    const last = rows[rows.length - 1];
    if (commit) this.tail = { seq: last.seq, hash: last.hash };
    this.entriesSinceCheckpoint += rows.length;
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
