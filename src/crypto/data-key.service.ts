import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CryptoService, ShreddedError } from './crypto.service.js';

/**
 * The situations' data keys in cellule.situation_key: only wrapped keys are stored. Destroying one
 * crypto-shreds its situation (fields, documents, reasons): nothing can decrypt them any more.
 */
@Injectable()
export class DataKeyService {
  constructor(
    private readonly crypto: CryptoService,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
  ) {}

  /** Creates and stores the data key of a new situation, in the caller's transaction. */
  async create(manager: EntityManager, situationId: string): Promise<Uint8Array> {
    const { dek, wrapped } = this.crypto.newDataKey(situationId);
    await manager.query('INSERT INTO cellule.situation_key (situation_id, kek_version, wrapped_dek) VALUES ($1, $2, $3)', [
      situationId,
      wrapped.kekVersion,
      wrapped.wrappedDek,
    ]);
    return dek;
  }

  /** The data key of one situation; ShreddedError when it was destroyed. */
  async load(situationId: string, manager: EntityManager = this.dataSource.manager): Promise<Uint8Array> {
    const dek = (await this.loadMany([situationId], manager)).get(situationId);
    if (!dek) throw new ShreddedError();
    return dek;
  }

  /** Unwraps the keys of several situations with one query (lists); destroyed keys are absent. */
  async loadMany(situationIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, Uint8Array>> {
    const rows = await manager.query<{ situation_id: string; kek_version: number; wrapped_dek: Buffer | null }[]>(
      'SELECT situation_id, kek_version, wrapped_dek FROM cellule.situation_key WHERE situation_id = ANY($1)',
      [situationIds],
    );
    const keys = new Map<string, Uint8Array>();
    for (const row of rows) {
      const dek = this.unwrap(row.situation_id, row.kek_version, row.wrapped_dek);
      if (dek) keys.set(row.situation_id, dek);
    }
    return keys;
  }

  /** A stored key read with other columns (null: destroyed, or no key row). */
  unwrap(situationId: string, kekVersion: number | null, wrappedDek: Buffer | null): Uint8Array | null {
    if (wrappedDek === null || kekVersion === null) return null;
    return this.crypto.unwrap(situationId, { kekVersion, wrappedDek });
  }

  /** Crypto-shredding: the wrapped key is erased; the row stays as proof of destruction. */
  async destroy(situationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      'UPDATE cellule.situation_key SET wrapped_dek = NULL, destroyed_at = now() WHERE situation_id = $1 AND wrapped_dek IS NOT NULL',
      [situationId],
    );
  }
}
