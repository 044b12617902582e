import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AuditService, OPERATOR_ACTOR } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { PasswordService } from '../auth/password.service.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { CreateOrganizationDto, OrganizationDto } from './dto/organization.dto.js';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import { Organization } from './organization.entity.js';
import { UserAccount } from './user-account.entity.js';

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;

/** The CLSM's general directory: organisations and user accounts (schema clsm). */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource('general') private readonly dataSource: DataSource,
    @InjectRepository(Organization, 'general') private readonly organizations: Repository<Organization>,
    @InjectRepository(UserAccount, 'general') private readonly users: Repository<UserAccount>,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async createOrganization(input: CreateOrganizationDto): Promise<OrganizationDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(manager.create(Organization, input));
        await this.audit.recordWithin(manager, { action: 'organization.create', resourceType: 'organization', resourceId: saved.id, outcome: 'granted' });
        return OrganizationDto.from(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Une organisation porte déjà ce nom.');
      throw error;
    }
  }

  async listOrganizations(limit: number, offset: number): Promise<Page<OrganizationDto>> {
    const [rows, total] = await this.organizations.findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
    await this.audit.record({ action: 'organization.list', resourceType: 'organization', outcome: 'granted' });
    return { items: rows.map(OrganizationDto.from), total, limit, offset };
  }

  async createUser(input: CreateUserDto): Promise<UserDto> {
    this.passwords.assertAcceptable(input.password, input.email);
    if (input.organizationId && !(await this.organizations.existsBy({ id: input.organizationId }))) {
      throw unknownOrganization();
    }
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(UserAccount, {
            email: input.email,
            displayName: input.displayName,
            organizationId: input.organizationId ?? null,
            professionalCategory: input.professionalCategory,
            roles: input.roles,
            active: true,
            passwordHash,
          }),
        );
        await this.audit.recordWithin(manager, { action: 'user.create', resourceType: 'user_account', resourceId: saved.id, outcome: 'granted' });
        return UserDto.from(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Un compte existe déjà pour cette adresse e-mail.');
      throw error;
    }
  }

  async listUsers(limit: number, offset: number): Promise<Page<UserDto>> {
    const [rows, total] = await this.users.findAndCount({ order: { email: 'ASC' }, take: limit, skip: offset });
    await this.audit.record({ action: 'user.list', resourceType: 'user_account', outcome: 'granted' });
    return { items: rows.map(UserDto.from), total, limit, offset };
  }

  /** Deactivation also revokes every open session, in the same transaction. */
  async updateUser(id: string, changes: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserAccount);
      const user = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound();
      const rolesChanged = changes.roles !== undefined && [...changes.roles].sort().join() !== [...user.roles].sort().join();
      const activeChanged = changes.active !== undefined && changes.active !== user.active;
      if (changes.roles !== undefined) user.roles = changes.roles;
      if (changes.displayName !== undefined) user.displayName = changes.displayName;
      if (changes.professionalCategory !== undefined) user.professionalCategory = changes.professionalCategory;
      if (changes.active !== undefined) user.active = changes.active;
      const saved = await users.save(user);
      if (changes.active === false) await this.auth.revokeAllSessions(manager, id, 'deactivated');
      const entry = (action: string) => ({ action, resourceType: 'user_account', resourceId: id, outcome: 'granted' as const });
      await this.audit.recordWithin(
        manager,
        entry('user.update'),
        ...(rolesChanged ? [entry('user.role_change')] : []),
        ...(activeChanged ? [entry(changes.active ? 'user.reactivate' : 'user.deactivate')] : []),
      );
      return UserDto.from(saved);
    });
  }

  /**
   * Creates the first administrator, or makes an existing account an active administrator with
   * the given password (operator recovery). Used by `npm run cli -- create-admin`.
   */
  async createOrResetAdministrator(email: string, password: string): Promise<{ user: UserDto; created: boolean }> {
    const normalisedEmail = email.trim().toLowerCase();
    this.passwords.assertAcceptable(password, normalisedEmail);
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserAccount);
      const existing = await users.findOne({ where: { email: normalisedEmail }, lock: { mode: 'pessimistic_write' } });
      if (existing) {
        existing.roles = [...new Set([...existing.roles, 'admin' as const])];
        existing.active = true;
        existing.passwordHash = passwordHash;
        const saved = await users.save(existing);
        await this.audit.recordWithin(manager, { action: 'user.admin_reset', resourceType: 'user_account', resourceId: saved.id, outcome: 'granted', actor: OPERATOR_ACTOR });
        return { user: UserDto.from(saved), created: false };
      }
      const created = await users.save(
        users.create({
          email: normalisedEmail,
          displayName: 'Administrateur technique',
          organizationId: null,
          professionalCategory: 'administrative',
          roles: ['admin'],
          active: true,
          passwordHash,
        }),
      );
      await this.audit.recordWithin(manager, { action: 'user.create', resourceType: 'user_account', resourceId: created.id, outcome: 'granted', actor: OPERATOR_ACTOR });
      return { user: UserDto.from(created), created: true };
    });
  }
}

function unknownOrganization(): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    ProblemType.validation,
    'Unknown organization',
    "L'organisation indiquée n'existe pas.",
  );
}
