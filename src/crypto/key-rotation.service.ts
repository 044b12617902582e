import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService, OPERATOR_ACTOR } from '../audit/audit.service.js';
import { CryptoService } from './crypto.service.js';

const BATCH = 200;

/**
 * Online master-key rotation: add a new key version (services pick it up for new situations),
 * re-wrap every data key under it in small transactions while the service keeps serving, wait for
 * in-flight transactions, re-wrap stragglers, then retire the old versions.
 */
@Injectable()
export class KeyRotationService {
  private readonly logger = new Logger(KeyRotationService.name);

  constructor(
    private readonly crypto: CryptoService,
    private readonly audit: AuditService,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
  ) {}

  async rotate(graceMs = 2000): Promise<{ newVersion: number; rewrapped: number }> {
    const newVersion = this.crypto.keyring.addVersion();
    let rewrapped = await this.rewrapAll(newVersion);
    for (;;) {
      await sleep(graceMs);
      const more = await this.rewrapAll(newVersion);
      rewrapped += more;
      if (more === 0) break;
    }
    this.crypto.keyring.retireOldVersions();
    await this.audit.record({
      action: 'crypto.key_rotation',
      resourceType: 'master_key',
      resourceId: String(newVersion),
      outcome: 'granted',
      actor: OPERATOR_ACTOR,
    });
    this.logger.log(`master key rotated to version ${newVersion}; ${rewrapped} data keys re-wrapped`);
    return { newVersion, rewrapped };
  }

  private async rewrapAll(newVersion: number): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<{ situation_id: string; kek_version: number; wrapped_dek: Buffer }[]>(
          `SELECT situation_id, kek_version, wrapped_dek FROM cellule.situation_key
            WHERE kek_version <> $1 AND wrapped_dek IS NOT NULL LIMIT $2 FOR UPDATE`,
          [newVersion, BATCH],
        );
        for (const row of rows) {
          const dek = this.crypto.unwrap(row.situation_id, { kekVersion: row.kek_version, wrappedDek: row.wrapped_dek });
          const wrapped = this.crypto.wrap(row.situation_id, dek, newVersion);
          await manager.query('UPDATE cellule.situation_key SET kek_version = $2, wrapped_dek = $3 WHERE situation_id = $1', [
            row.situation_id,
            wrapped.kekVersion,
            wrapped.wrappedDek,
          ]);
        }
        return rows.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }
}
