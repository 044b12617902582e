import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { loggable } from '../common/problem.filter.js';
import { currentRequestContext } from '../common/request-context.js';
import type { AppConfig } from '../config/app-config.js';
import { Ed25519Signer } from '../crypto/signing.js';
import { AuditOutcome, AuditRecord, chain, checkpointMessage, GENESIS_HASH } from './audit-chain.js';
import { AuditCheckpoint, AuditEvent } from './audit-event.entity.js';

/** Serialises appends across processes; held only from reading the tail to commit. */
const AUDIT_CHAIN_LOCK = 7_324_012;
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
 */
@Injectable()
export class AuditService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly settings: AppConfig['audit'];
  private signer: Ed25519Signer;
  private queue: Queued[] = [];
  private flushing: Promise<void> | undefined;
  private entriesSinceCheckpoint = 0;
  private checkpointing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
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
      if (this.entriesSinceCheckpoint > 0) void this.checkpoint().catch((error) => this.logger.error({ error: loggable(error) }, 'Audit checkpoint failed'));
    }, this.settings.checkpointSeconds * 1000);
    this.timer.unref();
  }

  // Before TypeORM closes its connections (it does so in onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    if (this.entriesSinceCheckpoint > 0) await this.checkpoint().catch((error) => this.logger.error({ error: loggable(error) }, 'Audit checkpoint failed'));
  }

  get signingPublicKey(): Uint8Array {
    return this.signer.publicKey;
  }

  async recordWithin(manager: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    await this.append(manager, entries.map((entry) => this.prepare(entry)));
  }

  record(...entries: AuditEntry[]): Promise<void> {
    const records = entries.map((entry) => this.prepare(entry));
    return Promise.all(
      records.map(
        (record) =>
          new Promise<void>((resolve, reject) => {
            this.queue.push({ record, resolve, reject });
            this.flushing ??= this.flush();
          }),
      ),
    ).then(() => undefined);
  }

  /** Signs the current head. Called every N entries or M seconds, at shutdown, and on demand. */
  checkpoint(): Promise<void> {
    this.checkpointing ??= this.writeCheckpoint().finally(() => (this.checkpointing = undefined));
    return this.checkpointing;
  }

  private async writeCheckpoint(): Promise<void> {
    this.entriesSinceCheckpoint = 0;
    const [head] = await this.dataSource.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 1, select: { seq: true, hash: true } });
    if (!head) return;
    const signedAt = new Date();
    const signature = this.signer.sign(checkpointMessage(head.seq, head.hash, signedAt));
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditCheckpoint)
      .values({ seq: head.seq, headHash: head.hash, signedAt, publicKey: Buffer.from(this.signer.publicKey), signature: Buffer.from(signature) })
      .orIgnore()
      .execute();
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.dataSource.transaction((manager) => this.append(manager, batch.map((item) => item.record)));
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
        await this.dataSource.transaction((manager) => this.append(manager, [item.record]));
        item.resolve();
      } catch (error) {
        item.reject(error);
      }
    }
  }

  private async append(manager: EntityManager, records: PendingRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [tail] = (await manager.query('SELECT seq, hash FROM audit.event ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: Buffer }[];
    let seq = tail ? Number(tail.seq) : 0;
    let prevHash: Buffer = tail ? tail.hash : GENESIS_HASH;
    const recordedAt = new Date();
    const rows = records.map((record) => {
      const chained = chain({ ...record, seq: ++seq, recordedAt }, prevHash, this.settings.macKey);
      prevHash = chained.hash;
      return chained;
    });
    // Plain SQL: the caller's transaction may belong to either DataSource (general or cellule).
    await manager.query(
      `INSERT INTO audit.event (seq, recorded_at, actor_user_id, actor_role, actor_organization_id, action,
         resource_type, resource_id, situation_id, outcome, purpose_type, purpose_id, policy_version,
         request_id, client_address, canonical, prev_hash, hash, mac)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[],
         $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
         $15::text[], $16::bytea[], $17::bytea[], $18::bytea[], $19::bytea[])`,
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
      ],
    );
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
