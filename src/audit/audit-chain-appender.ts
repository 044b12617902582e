import type { ClientBase, QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';
import { aheadOfNext, commitWithNext } from '../database/session-safe-client.js';
import { AuditRecord, chain, GENESIS_HASH } from './audit-chain.js';

/** Serialises appends across processes; held only from reading the tail to commit. */
const AUDIT_CHAIN_LOCK = 7_324_012;
/** Raised by audit.expected_tail when the tail an append was chained to is no longer the chain's. */
const TAIL_MOVED = 'CL001';
const TAIL_SAVEPOINT = 'audit_append';

/** An entry ready to be chained: everything but its place in the chain. */
export type PendingRecord = Omit<AuditRecord, 'seq' | 'recordedAt'>;

/**
 * Appends entries to the hash chain (audit.event) under the chain lock: what AuditService's entry
 * points (recordWithin, recordAndCommit, the group commit) share. It knows the lock, the tail and
 * the insert; what is recorded, and when checkpoints are signed, stay with AuditService.
 */
export class ChainAppender {
  /** The chain's tail as this process last wrote it (a hint: the database checks it under the lock). */
  private tail: { seq: number; hash: Buffer } | undefined;
  /** The process's appends that commit with their insert, one after the other. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly macKey: Buffer) {}

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
  async append(manager: EntityManager, records: PendingRecord[], options: { begin: boolean; commit: boolean }): Promise<number> {
    if (records.length === 0) return 0;
    const { begin, commit } = options;
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
      return records.length;
    }
    await runner.connect();
    const turn = this.turn.then(() => this.appendInTurn(manager, records, begin));
    this.turn = turn.catch(() => undefined);
    await turn;
    return records.length;
  }

  private async appendInTurn(manager: EntityManager, records: PendingRecord[], begin: boolean): Promise<void> {
    const runner = manager.queryRunner!;
    const known = this.tail;
    if (known) {
      try {
        const ahead = [begin ? 'START TRANSACTION' : `SAVEPOINT ${TAIL_SAVEPOINT}`, `SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`];
        await this.insert(manager, records, known, { commit: true, expected: true, ahead });
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
    options: { commit: boolean; expected: boolean; ahead?: string[] },
  ): Promise<void> {
    let seq = tail.seq;
    let prevHash = tail.hash;
    const recordedAt = new Date();
    const rows = records.map((record) => {
      const chained = chain({ ...record, seq: ++seq, recordedAt }, prevHash, this.macKey);
      prevHash = chained.hash;
      return chained;
    });
    const commit = options.commit;
    // Set only now, right before the insert that carries them: nothing is left for another statement.
    if (options.ahead) await aheadOfNext(manager.queryRunner!, options.ahead);
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
  }
}
