import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProfessionalCategory, Role } from './roles.js';

@Entity({ schema: 'clsm', name: 'user_account' })
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @Column('text', { name: 'professional_category' })
  professionalCategory: ProfessionalCategory;

  @Column('text', { array: true })
  roles: Role[];

  @Column('boolean')
  active: boolean;

  /** The national professional identifier (RPPS/ADELI) that single sign-on presents; null: not linked. */
  @Column('text', { name: 'professional_id', nullable: true })
  professionalId: string | null;

  /** When the TOTP second factor was confirmed; null: not enrolled. The secret itself is never loaded here. */
  @Column({ type: 'timestamptz', name: 'totp_confirmed_at', nullable: true, update: false, insert: false })
  secondFactorSince: Date | null;

  /** argon2id PHC string. Never leaves the auth service: responses use UserDto. */
  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
