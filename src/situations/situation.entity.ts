import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClosureOutcome, ProblemArea, RedirectionTarget, SituationStatus } from './situation.constants.js';

/** A case file. Every *Enc column is a ciphertext under the situation's data key. */
@Entity({ schema: 'cellule', name: 'situation' })
export class Situation {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('integer')
  year: number;

  @Column('text')
  status: SituationStatus;

  @Column('text', { name: 'problem_areas', array: true })
  problemAreas: ProblemArea[];

  @Column('integer', { name: 'birth_decade' })
  birthDecade: number;

  /** A coarse category kept in clear for the statistics only (never shown from here). */
  @Column('text', { nullable: true })
  sex: 'female' | 'male' | 'other' | 'unknown' | null;

  @Column('uuid', { name: 'referrer_user_id' })
  referrerUserId: string;

  @Column('uuid', { name: 'referrer_organization_id', nullable: true })
  referrerOrganizationId: string | null;

  /** Null once the situation is destroyed (a tombstone). */
  @Column('smallint', { name: 'blind_index', nullable: true })
  blindIndex: number | null;

  @Column('text', { name: 'closure_outcome', nullable: true })
  closureOutcome: ClosureOutcome | null;

  @Column('text', { name: 'redirected_to', nullable: true })
  redirectedTo: RedirectionTarget | null;

  @Column('bytea', { name: 'identity_enc' })
  identityEnc: Buffer;

  @Column('bytea', { name: 'contact_enc' })
  contactEnc: Buffer;

  @Column('bytea', { name: 'social_enc' })
  socialEnc: Buffer;

  @Column('bytea', { name: 'health_enc' })
  healthEnc: Buffer;

  @Column('bytea', { name: 'narrative_enc' })
  narrativeEnc: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** Set when retention crypto-shredded it: what is left is a tombstone, answered 410. */
  @Column({ type: 'timestamptz', name: 'destroyed_at', nullable: true, insert: false, update: false })
  destroyedAt?: Date | null;
}

@Entity({ schema: 'cellule', name: 'situation_transition' })
export class SituationTransition {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'situation_id' })
  situationId: string;

  @Column('text', { name: 'from_status' })
  fromStatus: SituationStatus;

  @Column('text', { name: 'to_status' })
  toStatus: SituationStatus;

  @Column('uuid', { name: 'actor_user_id' })
  actorUserId: string;

  @Column('timestamptz')
  at: Date;

  @Column('bytea', { name: 'reason_enc', nullable: true })
  reasonEnc: Buffer | null;

  @Column('text', { name: 'closure_outcome', nullable: true })
  closureOutcome: ClosureOutcome | null;

  @Column('text', { name: 'redirected_to', nullable: true })
  redirectedTo: RedirectionTarget | null;
}

@Entity({ schema: 'cellule', name: 'document' })
export class SituationDocument {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'situation_id' })
  situationId: string;

  @Column('text', { name: 'media_type' })
  mediaType: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes: number;

  @Column('bytea', { name: 'filename_enc' })
  filenameEnc: Buffer;

  /** Not loaded with lists: only a download reads the content. */
  @Column('bytea', { name: 'content_enc', select: false })
  contentEnc: Buffer;

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy: string;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;
}
