import { hmacSha256, sha256 } from '../crypto/digest.js';

export const AUDIT_OUTCOMES = ['granted', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One audit entry's content: ids and codes only, never names, free text or field values. */
export interface AuditRecord {
  seq: number;
  recordedAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganizationId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  situationId: string | null;
  outcome: AuditOutcome;
  purposeType: string | null;
  purposeId: string | null;
  policyVersion: string | null;
  requestId: string | null;
  clientAddress: string | null;
}

export interface ChainedRecord extends AuditRecord {
  canonical: Buffer;
  prevHash: Buffer;
  hash: Buffer;
  mac: Buffer;
}

export const GENESIS_HASH = Buffer.alloc(32);
const CANONICAL_VERSION = 1;

/**
 * The exact bytes that are hashed: a JSON array in a fixed field order (no key ordering to get
 * wrong), stored as is so verification never depends on re-serialising.
 */
export function canonicalBytes(record: AuditRecord): Buffer {
  return canonicalOf(record, record.recordedAt.toISOString());
}

/** The canonical bytes with the time already in ISO 8601 (UTC, milliseconds): verification reads it as text. */
export function canonicalOf(record: Omit<AuditRecord, 'recordedAt'>, recordedAtIso: string): Buffer {
  return Buffer.from(
    JSON.stringify([
      CANONICAL_VERSION,
      record.seq,
      recordedAtIso,
      record.actorUserId,
      record.actorRole,
      record.actorOrganizationId,
      record.action,
      record.resourceType,
      record.resourceId,
      record.situationId,
      record.outcome,
      record.purposeType,
      record.purposeId,
      record.policyVersion,
      record.requestId,
      record.clientAddress,
    ]),
    'utf8',
  );
}

/** Chains a record after `prevHash`: hash = SHA-256(prev ‖ canonical); MAC = HMAC(key, hash). */
export function chain(record: AuditRecord, prevHash: Buffer, macKey: Buffer): ChainedRecord {
  const canonical = canonicalBytes(record);
  const hash = sha256(prevHash, canonical);
  return { ...record, canonical, prevHash, hash, mac: hmacSha256(macKey, hash) };
}

/** Bytes signed by a checkpoint. */
export function checkpointMessage(seq: number, headHash: Buffer, signedAt: Date): Buffer {
  return Buffer.from(`clsm-cellule/audit-checkpoint/v1|${seq}|${headHash.toString('hex')}|${signedAt.toISOString()}`, 'utf8');
}

/** What kind of break a verification found; stable codes for the ethics API and operators. */
export const CHAIN_BREAK_KINDS = [
  'missing_entry',
  'broken_link',
  'hash_mismatch',
  'invalid_mac',
  'columns_differ',
  'invalid_checkpoint_signature',
  'checkpoint_mismatch',
  'truncated_tail',
  'checkpoint_missing',
] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

/** The first broken entry: its sequence number, the kind of break and a sentence for people. */
export interface ChainBreak {
  seq: number;
  kind: ChainBreakKind;
  problem: string;
}
