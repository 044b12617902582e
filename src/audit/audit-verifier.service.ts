import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { ChainBreak } from './audit-chain.js';
import { ChainWalker, CHECKPOINT_COLUMNS, DEFAULT_VERIFY_BATCH, type StoredCheckpoint } from './audit-chain-walker.js';
import { AuditService } from './audit.service.js';

export interface VerificationReport {
  valid: boolean;
  entriesVerified: number;
  checkpointsVerified: number;
  lastSeq: number;
  /** Queries the entries were read in (keyset pagination on seq). */
  batches: number;
  /** The first entry found broken, the kind of break and what is wrong with it. */
  firstBroken?: ChainBreak;
  /** The last signed checkpoint among those verified (none before the first one is signed). */
  lastCheckpoint: { seq: number; signedAt: string } | null;
}

/**
 * Checks every link, hash, MAC and checkpoint signature of the audit trail, streaming: entries are
 * read in batches of `batchSize` on a connection of its own, outside any transaction, keeping only
 * the running hash, and the event loop is released between batches. Memory stays constant and
 * the service keeps answering while a long trail is verified.
 */
@Injectable()
export class AuditVerifierService {
  private readonly macKey: Buffer;
  /** Rows per query; tests lower it to span several batches with a short chain. */
  batchSize = DEFAULT_VERIFY_BATCH;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.macKey = config.get('audit', { infer: true }).macKey;
  }

  async verify(options: { batchSize?: number } = {}): Promise<VerificationReport> {
    const startedAt = new Date();
    const walker = new ChainWalker(this.macKey, this.audit.signingPublicKey);
    const runner = this.dataSource.createQueryRunner();
    let lastCheckpoint: VerificationReport['lastCheckpoint'];
    try {
      await runner.connect();
      // The head when verification starts: entries appended meanwhile are left to the next run.
      const [head] = (await runner.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')) as { seq: string }[];
      const headSeq = Number(head.seq);
      await walker.walk(runner, headSeq, options.batchSize ?? this.batchSize);
      // Signed checkpoints beyond the last entry read reveal a truncated tail, unless their entry was
      // appended after the walk began (a checkpoint is signed only once its entry is committed).
      const beyond = (await runner.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE seq > $1 ORDER BY seq LIMIT 100`, [
        walker.lastSeq,
      ])) as StoredCheckpoint[];
      for (const checkpoint of beyond) {
        walker.checkpointsVerified++;
        if (!walker.signatureValid(checkpoint)) {
          walker.broken({ seq: Number(checkpoint.seq), kind: 'invalid_checkpoint_signature', problem: 'checkpoint signature is invalid' });
          continue;
        }
        if (
          Number(checkpoint.seq) > headSeq &&
          ((await runner.query('SELECT 1 FROM audit.event WHERE seq = $1', [checkpoint.seq])) as unknown[]).length > 0
        )
          continue;
        walker.broken({
          seq: walker.lastSeq + 1,
          kind: 'truncated_tail',
          problem: `entries missing: a signed checkpoint covers up to ${checkpoint.seq}`,
        });
      }
      const [last] = (await runner.query('SELECT seq, signed_at FROM audit.checkpoint WHERE seq <= $1 ORDER BY seq DESC LIMIT 1', [
        walker.lastSeq,
      ])) as { seq: string; signed_at: Date }[];
      lastCheckpoint = last ? { seq: Number(last.seq), signedAt: last.signed_at.toISOString() } : null;
    } finally {
      await runner.release();
    }
    const report: VerificationReport = {
      valid: walker.valid,
      entriesVerified: walker.entriesVerified,
      checkpointsVerified: walker.checkpointsVerified,
      lastSeq: walker.lastSeq,
      batches: walker.batches,
      firstBroken: walker.firstBroken,
      lastCheckpoint,
    };
    this.audit.noteVerification(report.firstBroken, startedAt);
    return report;
  }
}
