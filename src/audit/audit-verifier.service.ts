import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { Ed25519Signer } from '../crypto/signing.js';
import { checkEntry, checkpointMessage, GENESIS_HASH } from './audit-chain.js';
import { AuditCheckpoint, AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

export interface VerificationReport {
  valid: boolean;
  entriesVerified: number;
  checkpointsVerified: number;
  lastSeq: number;
  /** The first entry found broken, and what is wrong with it. */
  firstBroken?: { seq: number; problem: string };
}

const PAGE = 5000;

/** Checks every link, hash, MAC and checkpoint signature of the audit trail. */
@Injectable()
export class AuditVerifierService {
  private readonly macKey: Buffer;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.macKey = config.get('audit', { infer: true }).macKey;
  }

  async verify(): Promise<VerificationReport> {
    const events = this.dataSource.getRepository(AuditEvent);
    let expectedSeq = 1;
    let prevHash: Buffer = GENESIS_HASH;
    let firstBroken: VerificationReport['firstBroken'];
    const hashes = new Map<number, Buffer>();
    for (let last = 0; ; ) {
      const page = await events.find({ where: { seq: MoreThan(last) }, order: { seq: 'ASC' }, take: PAGE });
      if (page.length === 0) break;
      for (const event of page) {
        if (!firstBroken) {
          if (event.seq !== expectedSeq) {
            firstBroken = { seq: expectedSeq, problem: `entry missing (the next entry is ${event.seq})` };
          } else {
            const problem = checkEntry(event, prevHash, this.macKey);
            if (problem) firstBroken = { seq: event.seq, problem };
          }
        }
        hashes.set(event.seq, event.hash);
        prevHash = event.hash;
        expectedSeq = event.seq + 1;
      }
      last = page[page.length - 1].seq;
    }
    const lastSeq = expectedSeq - 1;

    const publicKey = this.audit.signingPublicKey;
    const checkpoints = await this.dataSource.getRepository(AuditCheckpoint).find({ order: { seq: 'ASC' } });
    const brokenAt = (seq: number, problem: string) => {
      if (!firstBroken || seq < firstBroken.seq) firstBroken = { seq, problem };
    };
    for (const checkpoint of checkpoints) {
      const signed = Ed25519Signer.verify(checkpoint.signature, checkpointMessage(checkpoint.seq, checkpoint.headHash, checkpoint.signedAt), publicKey);
      if (!signed || !Buffer.from(publicKey).equals(checkpoint.publicKey)) {
        brokenAt(checkpoint.seq, 'checkpoint signature is invalid');
      } else if (checkpoint.seq > lastSeq) {
        brokenAt(lastSeq + 1, `entries missing: a signed checkpoint covers up to ${checkpoint.seq}`);
      } else if (!hashes.get(checkpoint.seq)?.equals(checkpoint.headHash)) {
        brokenAt(checkpoint.seq, 'entry differs from the one a signed checkpoint covers');
      }
    }
    return { valid: !firstBroken, entriesVerified: hashes.size, checkpointsVerified: checkpoints.length, lastSeq, firstBroken };
  }
}
