import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SESSION_STATUSES = ['planned', 'agenda_published', 'held', 'minutes_approved', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A commission session: when and where it meets. Nothing nominative in clear. */
@Entity({ schema: 'cellule', name: 'session' })
export class CommissionSession {
  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt: Date;

  @Column('text')
  location: string;

  @Column('text')
  status: SessionStatus;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt: Date | null;

  @Column('timestamptz', { name: 'minutes_approved_at', nullable: true })
  minutesApprovedAt: Date | null;

  /** The member who chairs the session: approves its minutes, may correct what it decided. */
  @Column('uuid', { name: 'chair_user_id', nullable: true })
  chairUserId: string | null;

  @Column('uuid', { name: 'minutes_drafted_by', nullable: true })
  minutesDraftedBy: string | null;

  @Column('uuid', { name: 'minutes_approved_by', nullable: true })
  minutesApprovedBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

@Entity({ schema: 'cellule', name: 'agenda_item' })
export class AgendaItem {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('uuid', { name: 'situation_id' })
  situationId: string;

  @Column('integer')
  position: number;

  @Column('boolean', { name: 'person_attends' })
  personAttends: boolean;

  @Column('boolean', { name: 'carers_attend' })
  carersAttend: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
