import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditOutcome } from './audit-chain.js';

const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

@Entity({ schema: 'audit', name: 'event' })
export class AuditEvent {
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole: string | null;

  @Column('uuid', { name: 'actor_organization_id', nullable: true })
  actorOrganizationId: string | null;

  @Column('text')
  action: string;

  @Column('text', { name: 'resource_type' })
  resourceType: string;

  @Column('text', { name: 'resource_id', nullable: true })
  resourceId: string | null;

  @Column('uuid', { name: 'situation_id', nullable: true })
  situationId: string | null;

  @Column('text')
  outcome: AuditOutcome;

  @Column('text', { name: 'purpose_type', nullable: true })
  purposeType: string | null;

  @Column('text', { name: 'purpose_id', nullable: true })
  purposeId: string | null;

  @Column('text', { name: 'policy_version', nullable: true })
  policyVersion: string | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Column('text', { name: 'client_address', nullable: true })
  clientAddress: string | null;

  @Column('bytea')
  canonical: Buffer;

  @Column('bytea', { name: 'prev_hash' })
  prevHash: Buffer;

  @Column('bytea')
  hash: Buffer;

  @Column('bytea')
  mac: Buffer;
}

@Entity({ schema: 'audit', name: 'checkpoint' })
export class AuditCheckpoint {
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('bytea', { name: 'head_hash' })
  headHash: Buffer;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt: Date;

  @Column('bytea', { name: 'public_key' })
  publicKey: Buffer;

  @Column('bytea')
  signature: Buffer;
}
