import type { QueryRunner } from 'typeorm';
import { constantTimeEqual, hmacSha256, sha256 } from '../crypto/digest.js';
import { Ed25519Signer } from '../crypto/signing.js';
import { type AuditOutcome, canonicalOf, type ChainBreak, checkpointMessage, GENESIS_HASH } from './audit-chain.js';

/**
 * Rows read per query by default when walking the chain (keyset pagination on seq). Measured at
 * 1,000,000 entries (npm run bench:verify, 2 cores): 1,000 rows verify at 53,000 entries/s with a
 * peak of 144 MiB of heap, where 5,000 gave 35,000 entries/s and 291 MiB (a batch checked with
 * the event loop taking turns lives long enough to be promoted to the old generation).
 */
export const DEFAULT_VERIFY_BATCH = 1000;

/** One stored entry as the walker reads it: the time comes as ISO text, so no Date is parsed. */
interface StoredRow {
  seq: string;
  recorded_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_organization_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  situation_id: string | null;
  outcome: AuditOutcome;
  purpose_type: string | null;
  purpose_id: string | null;
  policy_version: string | null;
  request_id: string | null;
  client_address: string | null;
  canonical: Buffer;
  prev_hash: Buffer;
  hash: Buffer;
  mac: Buffer;
}

export interface StoredCheckpoint {
  seq: string;
  head_hash: Buffer;
  signed_at: Date;
  public_key: Buffer;
  signature: Buffer;
}

// Milliseconds in UTC, exactly as Date.toISOString() writes them (entries are recorded from a JS Date).
const ISO_TIME = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ENTRY_COLUMNS = `seq, ${ISO_TIME} AS recorded_at,
  actor_user_id, actor_role, actor_organization_id, action, resource_type, resource_id, situation_id, outcome,
  purpose_type, purpose_id, policy_version, request_id, client_address, canonical, prev_hash, hash, mac`;
const json = (column: string) => `coalesce(to_json(${column})::text, 'null')`;
/**
 * The canonical bytes rebuilt from the columns by PostgreSQL, in the very layout canonicalOf()
 * writes (to_json escapes strings as JSON.stringify does). Used only as a fast path: a row where
 * it differs is checked again, exactly, by canonicalOf() in Node before anything is reported.
 */
export const CANONICAL_FROM_COLUMNS_SQL = `convert_to('[1,' || seq || ',' || ${[
  ISO_TIME,
  'actor_user_id',
  'actor_role',
  'actor_organization_id',
  'action',
  'resource_type',
  'resource_id',
  'situation_id',
  'outcome',
  'purpose_type',
  'purpose_id',
  'policy_version',
  'request_id',
  'client_address',
]
  .map(json)
  .join(` || ',' || `)} || ']', 'UTF8')`;
/**
 * What a batch brings back per entry: seq, link, hash and MAC, and whether SHA-256(prev ‖ canonical)
 * and the columns agree with the stored hash and canonical bytes, computed by PostgreSQL next to
 * the data (on its own core, without shipping every column and the canonical bytes to Node). This
 * moves no trust: a database able to lie about these two flags could as well return the original
 * rows; what it cannot forge is the MAC, checked here in Node with the key it never sees.
 */
const FAST_COLUMNS = `seq, prev_hash, hash, mac, sha256(prev_hash || canonical) = hash AS hash_ok,
  ${CANONICAL_FROM_COLUMNS_SQL} = canonical AS columns_ok`;
export const CHECKPOINT_COLUMNS = 'seq, head_hash, signed_at, public_key, signature';

interface FastRow {
  seq: string;
  prev_hash: Buffer;
  hash: Buffer;
  mac: Buffer;
  hash_ok: boolean;
  columns_ok: boolean;
}

// Every 20 entries (well under a millisecond of work), the event loop takes its turn: the service's
// requests and the socket bringing the next batch are served while a verification runs. Measured
// (npm run bench:verify, 200,000 entries, 2 cores): the point reads the pool answers during a
// verification went from 4 % of their idle rate (every 1,000) to 61-80 %, and the verification
// alone from 34,000 to 52,000-64,000 entries/s (the next batch is read while this one is checked).
const YIELD_EVERY = 20;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Walks the chain in seq order keeping only the running hash (constant memory), checking every
 * entry's link, hash, MAC and columns and every checkpoint's signature and head, and remembering
 * the first break. Used by the full verification and by the check that precedes each checkpoint.
 */
export class ChainWalker {
  firstBroken: ChainBreak | undefined;
  entriesVerified = 0;
  checkpointsVerified = 0;
  batches = 0;
  /** The last entry read and its stored hash (the running previous hash). */
  lastSeq: number;
  prevHash: Buffer;
  /** The walk's queries, one after the other (see `serially`). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly macKey: Buffer,
    private readonly publicKey: Uint8Array,
    start: { seq: number; hash: Buffer } = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.lastSeq = start.seq;
    this.prevHash = start.hash;
  }

  get valid(): boolean {
    return !this.firstBroken;
  }

  /** Keeps the break with the lowest seq. */
  broken(brk: ChainBreak): void {
    if (!this.firstBroken || brk.seq < this.firstBroken.seq) this.firstBroken = brk;
  }

  /**
   * Reads (lastSeq, uptoSeq] in ranges of `batchSize` seqs on `runner` (autocommit: no transaction,
   * no lock) and yields to the event loop between batches so the service keeps serving. The next
   * range is requested before the current one is checked, so PostgreSQL and Node work side by side;
   * at most two batches are held at once.
   */
  async walk(runner: QueryRunner, uptoSeq: number, batchSize = DEFAULT_VERIFY_BATCH): Promise<void> {
    const fetch = (after: number): Promise<[FastRow[], StoredCheckpoint[]]> => {
      const until = Math.min(after + batchSize, uptoSeq);
      const batch = this.serially(async () => {
        const rows = (await runner.query(`SELECT ${FAST_COLUMNS} FROM audit.event WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [
          after,
          until,
        ])) as FastRow[];
        const checkpoints = (await runner.query(
          `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
          [after, until],
        )) as StoredCheckpoint[];
        return [rows, checkpoints] as [FastRow[], StoredCheckpoint[]];
      });
      // Awaited in the next turn; if this walk fails first, its failure must not go unhandled.
      batch.catch(() => undefined);
      return batch;
    };
    let after = this.lastSeq;
    let pending = after < uptoSeq ? fetch(after) : undefined;
    while (pending) {
      const [rows, checkpoints] = await pending;
      this.batches++;
      after = Math.min(after + batchSize, uptoSeq);
      pending = after < uptoSeq ? fetch(after) : undefined;
      for (let i = 0; i < rows.length; i++) {
        // Never more than a slice of a batch between two turns of the event loop.
        if (i > 0 && i % YIELD_EVERY === 0) await nextTick();
        const row = rows[i];
        const seq = Number(row.seq);
        if (!this.firstBroken) {
          if (seq !== this.lastSeq + 1) {
            this.broken({ seq: this.lastSeq + 1, kind: 'missing_entry', problem: `entry missing (the next entry is ${seq})` });
          } else if (!row.prev_hash.equals(this.prevHash)) {
            this.broken({ seq, kind: 'broken_link', problem: 'link to the previous entry is broken' });
          } else if (!row.hash_ok || !row.columns_ok) {
            await this.recheck(runner, seq);
          } else if (!constantTimeEqual(hmacSha256(this.macKey, row.hash), row.mac)) {
            this.broken({ seq, kind: 'invalid_mac', problem: 'MAC is invalid' });
          }
        }
        this.entriesVerified++;
        this.prevHash = row.hash;
        this.lastSeq = seq;
      }
      for (const checkpoint of checkpoints) {
        const seq = Number(checkpoint.seq);
        this.checkpoint(checkpoint, rows.find((row) => Number(row.seq) === seq)?.hash);
      }
      if (pending) await nextTick();
    }
  }

  /**
   * One query at a time on the walk's connection: the next batch is requested while this one is
   * checked, and a recheck may come meanwhile; they queue here rather than on the client (pg 9 will
   * refuse a query on a busy client).
   */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The exact check, in Node, of an entry PostgreSQL flagged: it alone decides what is reported. */
  private async recheck(runner: QueryRunner, seq: number): Promise<void> {
    const [row] = (await this.serially(() =>
      runner.query(`SELECT ${ENTRY_COLUMNS} FROM audit.event WHERE seq = $1`, [seq]),
    )) as StoredRow[];
    if (row) this.check(seq, row);
  }

  private check(seq: number, row: StoredRow): void {
    if (!row.prev_hash.equals(this.prevHash)) {
      this.broken({ seq, kind: 'broken_link', problem: 'link to the previous entry is broken' });
    } else if (!sha256(row.prev_hash, row.canonical).equals(row.hash)) {
      this.broken({ seq, kind: 'hash_mismatch', problem: 'hash does not match the recorded content' });
    } else if (!constantTimeEqual(hmacSha256(this.macKey, row.hash), row.mac)) {
      this.broken({ seq, kind: 'invalid_mac', problem: 'MAC is invalid' });
    } else if (!canonicalOf(fromRow(seq, row), row.recorded_at).equals(row.canonical)) {
      this.broken({ seq, kind: 'columns_differ', problem: 'stored columns differ from the hashed content' });
    }
  }

  /** A signed checkpoint: valid signature by our key, over the hash of the entry at its seq. */
  checkpoint(checkpoint: StoredCheckpoint, entryHash: Buffer | undefined): void {
    const seq = Number(checkpoint.seq);
    this.checkpointsVerified++;
    if (!this.signatureValid(checkpoint)) {
      this.broken({ seq, kind: 'invalid_checkpoint_signature', problem: 'checkpoint signature is invalid' });
    } else if (!entryHash?.equals(checkpoint.head_hash)) {
      this.broken({ seq, kind: 'checkpoint_mismatch', problem: 'entry differs from the one a signed checkpoint covers' });
    }
  }

  signatureValid(checkpoint: StoredCheckpoint): boolean {
    const message = checkpointMessage(Number(checkpoint.seq), checkpoint.head_hash, checkpoint.signed_at);
    return Buffer.from(this.publicKey).equals(checkpoint.public_key) && Ed25519Signer.verify(checkpoint.signature, message, this.publicKey);
  }
}

const fromRow = (seq: number, row: StoredRow) => ({
  seq,
  actorUserId: row.actor_user_id,
  actorRole: row.actor_role,
  actorOrganizationId: row.actor_organization_id,
  action: row.action,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  situationId: row.situation_id,
  outcome: row.outcome,
  purposeType: row.purpose_type,
  purposeId: row.purpose_id,
  policyVersion: row.policy_version,
  requestId: row.request_id,
  clientAddress: row.client_address,
});
