import { ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessService, type FieldGrant, type RelationRow, type SituationAccess } from '../access/access.service.js';
import type { AuditEntry } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { SubjectAction } from '../common/access.decorators.js';
import { notFound } from '../common/problem.js';
import { CryptoService, IdentityKey, IntegrityError, ShreddedError } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import { ENCRYPTED_FIELDS, type EncryptedField } from '../crypto/field-registry.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { FIELD_GROUPS, type FieldGroup } from '../situations/situation.constants.js';
import { Situation } from '../situations/situation.entity.js';

const KEYS = 'casefile:keys';
const WRITABLE = 'casefile:writable';
const WRAPPED = 'casefile:wrapped-keys';

/** Reads fields of the situations whose keys it holds, for one grant at a time. */
export interface FieldReader {
  /** The field's value, or undefined when the grant does not cover its field group (or it is null). */
  read<T>(grant: FieldGrant, field: EncryptedField, rowId: string, stored: Buffer | null | undefined): T | undefined;
  /** Bytes (documents), with the same rule. */
  bytes(grant: FieldGrant, field: EncryptedField, rowId: string, stored: Buffer): Buffer | undefined;
  /** The situation's data key was destroyed (retention): its content is gone. */
  destroyed(situationId: string): boolean;
}

/**
 * The one path to case content, in the manner of Medplum's repository: every read or write of
 * situations, documents, consents, referral snapshots, agenda views, outcomes, préconisations,
 * minutes and transition reasons goes through here, in the request's unit of work:
 * 1. authorise through the access module (before a write, and again on the result after it);
 * 2. unwrap the situation's data key, once per request;
 * 3. decrypt only the field groups the reader may see (every encrypted field belongs to one);
 * 4. record the audit entry with the real outcome, before the data leaves.
 * Feature services never call the cipher, load keys or write audit entries themselves.
 */
@Injectable()
export class CaseFiles {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
  ) {}

  /** The request's transaction. */
  manager(): Promise<EntityManager> {
    return this.uow.manager();
  }

  /**
   * Loads one situation and requires `action` on it (404 if not visible, 403/409 otherwise; refusals
   * recorded). Writes lock the row for the rest of the request and open the situation to `seal`.
   */
  async situation(user: AuthenticatedUser, action: SubjectAction, id: string): Promise<{ situation: Situation; access: SituationAccess }> {
    const manager = await this.uow.manager();
    const writes =
      action !== 'read' && action !== 'list' && action !== 'read_documents' && action !== 'read_consents' && action !== 'subject_access';
    const situation = writes
      ? await manager.findOne(Situation, { where: { id }, lock: { mode: 'pessimistic_write' as const } })
      : await this.readWithFactsAndKey(manager, user, id);
    if (!situation) {
      this.deny({ action: `situation.${action}`, resourceType: 'situation', resourceId: id, situationId: id });
      throw notFound();
    }
    // A destroyed situation (retention) answers 410 on every route, to whoever could see it; 404 to others.
    if (situation.destroyedAt) {
      if (!(await this.access.visible(user, [id])).has(id)) {
        this.deny({ action: `situation.${action}`, resourceType: 'situation', resourceId: id, situationId: id });
        throw notFound();
      }
      throw new ShreddedError(id);
    }
    const access = (await this.access.require(user, action, [id])).get(id)!;
    if (writes) this.writable().add(id);
    return { situation, access };
  }

  /**
   * A read: the row, the facts access is decided on, its wrapped data key and, unless already known
   * in this request, the user's relations, in one query. The key is unwrapped only if the decision
   * then grants a field group (reader()).
   */
  private async readWithFactsAndKey(manager: EntityManager, user: AuthenticatedUser, id: string): Promise<Situation | null> {
    const builder = manager.createQueryBuilder(Situation, 'situation').where('situation.id = :id', { id });
    const relations = this.access.relationsColumn(user);
    if (relations) builder.addSelect(relations.sql, 'user_relations').setParameters(relations.params);
    const { rows, raw } = await this.situationsWithAccess<{ user_relations?: RelationRow[] }>(builder);
    if (relations && raw[0]?.user_relations) this.access.primeRelations(user, raw[0].user_relations);
    return rows[0] ?? null;
  }

  /**
   * Runs a query of situations (alias `situation`) that also selects, for each row, the facts its
   * access is decided on and its wrapped data key: decisions (visible, require) and readers then
   * need no query of their own. Keys are unwrapped only for the grants a reader is asked for.
   */
  async situationsWithAccess<R extends object = object>(builder: SelectQueryBuilder<Situation>): Promise<{ rows: Situation[]; raw: R[] }> {
    for (const [sql, alias] of this.access.factColumns()) builder.addSelect(sql, alias);
    builder
      .addSelect('(SELECT k.kek_version FROM cellule.situation_key k WHERE k.situation_id = situation.id)', 'key_version')
      .addSelect('(SELECT k.wrapped_dek FROM cellule.situation_key k WHERE k.situation_id = situation.id)', 'key_wrapped');
    type Extra = {
      situation_id: string;
      review_consent_valid: boolean;
      refused_organization_ids: string[];
      restricted: boolean;
      objected: boolean;
      key_version: number | null;
      key_wrapped: Buffer | null;
    };
    const { entities, raw } = await builder.getRawAndEntities<Extra & R>();
    const extras = new Map(raw.map((row) => [row.situation_id, row]));
    const wrapped = this.wrappedKeys();
    const facts = [];
    for (const situation of entities) {
      const row = extras.get(situation.id)!;
      facts.push({
        id: situation.id,
        status: situation.status,
        referrer_user_id: situation.referrerUserId,
        review_consent_valid: row.review_consent_valid,
        refused_organization_ids: row.refused_organization_ids,
        restricted: row.restricted,
        objected: row.objected,
      });
      wrapped.set(situation.id, { kekVersion: row.key_version, wrappedDek: row.key_wrapped });
    }
    this.access.primeFacts(facts);
    return { rows: entities, raw };
  }

  /**
   * Who the user is for a DAC referral (the access module decides); with `write`, the referral's own
   * encrypted fields may then be sealed in this unit. Undefined: not visible to them.
   */
  async referral(
    user: AuthenticatedUser,
    referral: Parameters<AccessService['referralSide']>[1],
    options: { write?: boolean } = {},
  ): Promise<{ kind: 'clsm' | 'dac'; grant: FieldGrant } | undefined> {
    const side = await this.access.referralSide(user, referral);
    if (!side) return undefined;
    if (options.write) {
      await this.access.requireRecordWrite(referral.situation_id);
      this.writable().add(referral.situation_id);
    }
    return side.kind === 'clsm' ? { kind: 'clsm', grant: side.access } : side;
  }

  /** What the user may see of each situation (lists, agendas); invisible ones are absent. */
  visible(user: AuthenticatedUser, situationIds: string[]): Promise<Map<string, SituationAccess>> {
    return this.access.visible(user, situationIds);
  }

  /**
   * After a write, on fresh facts: the user may not move a situation out of their own reach (a state
   * or relation they could not reach). Otherwise the whole unit is rolled back.
   */
  async recheck(user: AuthenticatedUser, id: string): Promise<SituationAccess> {
    await this.access.loadFacts([id], { refresh: true });
    const access = (await this.access.visible(user, [id])).get(id);
    if (!access) throw new ForbiddenException("Cette modification sortirait la situation de votre périmètre d'accès.");
    return access;
  }

  /**
   * A record attached to a visible situation may be written by this caller under a domain rule the
   * feature checked (the carrier or référent closing a préconisation): its fields may be sealed,
   * unless the access decision freezes the situation (a restriction of processing).
   */
  async allowRecordWrite(situationId: string): Promise<void> {
    await this.access.requireRecordWrite(situationId);
    this.writable().add(situationId);
  }

  /** Creates the data key of a new situation; the situation is then open to `seal` in this unit. */
  async createKey(situationId: string): Promise<void> {
    const dek = await this.dataKeys.create(await this.uow.manager(), situationId);
    this.keyCache().set(situationId, dek);
    this.writable().add(situationId);
  }

  /** Encrypts a value for a situation authorised for writing in this unit. */
  async seal(situationId: string, field: EncryptedField, rowId: string, value: unknown): Promise<Buffer> {
    return this.crypto.encryptJson(await this.writableKey(situationId), field, rowId, value);
  }

  async sealBytes(situationId: string, field: EncryptedField, rowId: string, content: Uint8Array): Promise<Buffer> {
    return this.crypto.encryptBytes(await this.writableKey(situationId), field, rowId, content);
  }

  /** A reader for these grants' situations, their keys unwrapped in one query; `action` names failures in the audit. */
  async reader(grants: FieldGrant[], action: string): Promise<FieldReader> {
    const keys = await this.keys(grants.map((grant) => grant.situationId));
    const open = <T>(grant: FieldGrant, field: EncryptedField, decrypt: (dek: Uint8Array) => T): T => {
      const dek = keys.get(grant.situationId);
      if (!dek) throw new ShreddedError(grant.situationId);
      try {
        return decrypt(dek);
      } catch (error) {
        if (error instanceof IntegrityError) {
          this.deny(
            { action, resourceType: 'situation', resourceId: grant.situationId, situationId: grant.situationId, purpose: grant.purpose },
            'error',
          );
        }
        throw error;
      }
    };
    return {
      read: <T>(grant: FieldGrant, field: EncryptedField, rowId: string, stored: Buffer | null | undefined): T | undefined => {
        if (stored === null || stored === undefined) return undefined;
        const group = ENCRYPTED_FIELDS[field].group;
        // A frozen data set opens only to a grant that covers some field group.
        if (group === 'by_key' ? grant.dataSets === false || grant.groups.size === 0 : !grant.groups.has(group)) return undefined;
        const value = open(grant, field, (dek) => this.crypto.decryptJson<T>(dek, field, rowId, stored));
        return group === 'by_key' ? (withoutHiddenGroups(value as Record<string, unknown>, grant.groups) as T) : value;
      },
      bytes: (grant, field, rowId, stored) => {
        if (!grant.groups.has(ENCRYPTED_FIELDS[field].group as FieldGroup)) return undefined;
        return open(grant, field, (dek) => this.crypto.decryptBytes(dek, field, rowId, stored));
      },
      destroyed: (situationId) => !keys.get(situationId),
    };
  }

  /**
   * Crypto-shredding (retention): destroys the situation's data key, so that none of its
   * ciphertexts can ever be decrypted again, and erases the bytes of every ciphertext tied to it
   * (ERASE_CIPHERTEXTS: its own columns, transition reasons, documents, consent details, outcomes
   * and their versions, préconisations and theirs, referrals, their events and meetings, objection
   * and restriction reasons), its blind-index entry and its duplicate warnings. The row stays as a
   * tombstone. The caller (the retention service) decides what is due and records the destruction.
   */
  async shred(situationId: string): Promise<void> {
    const manager = await this.uow.manager();
    await this.dataKeys.destroy(situationId, manager);
    this.keyCache().set(situationId, null);
    await manager.query(
      `UPDATE cellule.situation SET identity_enc = '', contact_enc = '', social_enc = '', health_enc = '', narrative_enc = '',
              blind_index = NULL, destroyed_at = now(), updated_at = now() WHERE id = $1`,
      [situationId],
    );
    for (const statement of ERASE_CIPHERTEXTS) await manager.query(statement, [situationId]);
    await manager.query('DELETE FROM cellule.duplicate_warning WHERE situation_id = $1 OR other_situation_id = $1', [situationId]);
  }

  /** The blind index of an identity (duplicates found without decrypting every file). */
  blindIndex(identity: IdentityKey): number {
    return this.crypto.blindIndex(identity);
  }

  sameIdentity(a: IdentityKey, b: IdentityKey): boolean {
    return this.crypto.sameIdentity(a, b);
  }

  /** Recorded with the request: as granted when it succeeds, with the real outcome when it fails. */
  record(...entries: Omit<AuditEntry, 'outcome'>[]): void {
    this.uow.current.record(...entries.map((entry) => ({ ...entry, outcome: 'granted' as const })));
  }

  /** A refusal (or an integrity error), recorded whatever happens to the request. */
  deny(entry: Omit<AuditEntry, 'outcome'>, outcome: 'denied' | 'error' = 'denied'): void {
    this.uow.current.recordAlways({ ...entry, outcome });
  }

  private async writableKey(situationId: string): Promise<Uint8Array> {
    // Fail closed: nothing is encrypted for a situation that this unit did not authorise for writing.
    if (!this.writable().has(situationId)) throw new Error('case-file path: seal before authorising a write');
    const dek = (await this.keys([situationId])).get(situationId);
    if (!dek) throw new ShreddedError(situationId);
    return dek;
  }

  private async keys(situationIds: string[]): Promise<Map<string, Uint8Array | null>> {
    const cache = this.keyCache();
    let missing = [...new Set(situationIds)].filter((id) => !cache.has(id));
    // Keys read with their situation's row: unwrapped now, once the caller was granted a reader.
    const wrapped = this.wrappedKeys();
    for (const id of missing.filter((candidate) => wrapped.has(candidate))) {
      const key = wrapped.get(id)!;
      cache.set(id, this.dataKeys.unwrap(id, key.kekVersion, key.wrappedDek));
    }
    missing = missing.filter((id) => !cache.has(id));
    if (missing.length > 0) {
      const loaded = await this.dataKeys.loadMany(missing, await this.uow.manager());
      for (const id of missing) cache.set(id, loaded.get(id) ?? null);
    }
    return cache;
  }

  private keyCache(): Map<string, Uint8Array | null> {
    const cache = this.uow.current.cache;
    if (!cache.has(KEYS)) cache.set(KEYS, new Map());
    return cache.get(KEYS) as Map<string, Uint8Array | null>;
  }

  private wrappedKeys(): Map<string, { kekVersion: number | null; wrappedDek: Buffer | null }> {
    const cache = this.uow.current.cache;
    if (!cache.has(WRAPPED)) cache.set(WRAPPED, new Map());
    return cache.get(WRAPPED) as Map<string, { kekVersion: number | null; wrappedDek: Buffer | null }>;
  }

  private writable(): Set<string> {
    const cache = this.uow.current.cache;
    if (!cache.has(WRITABLE)) cache.set(WRITABLE, new Set());
    return cache.get(WRITABLE) as Set<string>;
  }
}

/** Empties a ciphertext column, keeping NULL where there was none (NOT NULL columns and checks hold). */
const erased = (column: string, alias?: string) => {
  const qualified = alias ? `${alias}.${column}` : column;
  return `${column} = CASE WHEN ${qualified} IS NULL THEN NULL ELSE '\\x'::bytea END`;
};

/**
 * Every ciphertext column tied to a situation, erased when it is destroyed ($1: its id). A test
 * lists the bytea columns of schema cellule from the catalogue and proves that none keeps a byte
 * of a destroyed situation: a table added later without its line here fails it.
 */
const ERASE_CIPHERTEXTS: readonly string[] = [
  `UPDATE cellule.situation_transition SET ${erased('reason_enc')} WHERE situation_id = $1`,
  `UPDATE cellule.document SET ${erased('filename_enc')}, ${erased('content_enc')} WHERE situation_id = $1`,
  `UPDATE cellule.consent SET ${erased('details_enc')} WHERE situation_id = $1 AND details_enc <> '\\x'::bytea`,
  `UPDATE cellule.item_outcome o SET ${erased('summary_enc', 'o')}, ${erased('person_response_how_enc', 'o')}, ${erased('minutes_enc', 'o')}
     FROM cellule.agenda_item i WHERE i.id = o.item_id AND i.situation_id = $1`,
  `UPDATE cellule.item_outcome_version v SET ${erased('summary_enc', 'v')}, ${erased('reason_enc', 'v')}
     FROM cellule.agenda_item i WHERE i.id = v.item_id AND i.situation_id = $1`,
  `UPDATE cellule.recommendation SET ${erased('action_enc')}, ${erased('note_enc')} WHERE situation_id = $1`,
  `UPDATE cellule.recommendation_version v SET ${erased('action_enc', 'v')}, ${erased('reason_enc', 'v')}
     FROM cellule.recommendation r WHERE r.id = v.recommendation_id AND r.situation_id = $1`,
  `UPDATE cellule.referral SET ${erased('reason_enc')}, ${erased('summary_enc')}, ${erased('decline_reason_enc')}, ${erased('snapshot_enc')} WHERE situation_id = $1`,
  `UPDATE cellule.referral_event e SET ${erased('reason_enc', 'e')} FROM cellule.referral r WHERE r.id = e.referral_id AND r.situation_id = $1`,
  `UPDATE cellule.referral_meeting m SET ${erased('note_enc', 'm')} FROM cellule.referral r WHERE r.id = m.referral_id AND r.situation_id = $1`,
  `UPDATE cellule.situation_measure SET ${erased('reason_enc')}, ${erased('lift_reason_enc')} WHERE situation_id = $1`,
];

/** A frozen data set keyed by field group: only the groups the reader may see, and the neutral keys. */
function withoutHiddenGroups(value: Record<string, unknown>, groups: ReadonlySet<FieldGroup>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !isFieldGroup(key) || groups.has(key)));
}

const FIELD_GROUP_NAMES: ReadonlySet<string> = new Set(FIELD_GROUPS);
const isFieldGroup = (key: string): key is FieldGroup => FIELD_GROUP_NAMES.has(key);
