import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AuditService, OPERATOR_ACTOR } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { PasswordService } from '../auth/password.service.js';
import { SecondFactorService } from '../auth/second-factor.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ACCESS_CHANGE_QUEUE } from '../jobs/queues.js';
import { AccessChangesService } from './access-changes.service.js';
import { FOLD, pattern } from './directory-search.service.js';
import { CreateOrganizationDto, OrganizationDto, UpdateOrganizationDto } from './dto/organization.dto.js';
import { CreateUserDto, UpdateUserDto, UserDto, UsersQueryDto } from './dto/user.dto.js';
import { Organization } from './organization.entity.js';
import { ResponseNames } from './response-names.js';
import { UserAccount } from './user-account.entity.js';

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;

/** The CLSM's general directory: organisations and user accounts (schema clsm). */
@Injectable()
export class DirectoryService {
  private readonly logger = new Logger(DirectoryService.name);

  constructor(
    @InjectDataSource('general') private readonly dataSource: DataSource,
    @InjectRepository(Organization, 'general') private readonly organizations: Repository<Organization>,
    @InjectRepository(UserAccount, 'general') private readonly users: Repository<UserAccount>,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly changes: AccessChangesService,
    private readonly secondFactor: SecondFactorService,
    private readonly jobs: JobQueue,
    private readonly names: ResponseNames,
  ) {}

  /**
   * Once an access change awaiting the ethics committee is committed, the committee is told by a
   * job (its notifications live on the commission side). A failure to queue is logged; the change
   * stays listed for the committee.
   */
  private async announce<T extends { pendingAccessChangeId?: string | null }>(result: T): Promise<T> {
    if (result.pendingAccessChangeId) {
      await this.jobs
        .send(ACCESS_CHANGE_QUEUE, [{ accessChangeId: result.pendingAccessChangeId }])
        .catch((error: unknown) => this.logger.error({ kind: (error as Error)?.name }, 'access change notice not queued'));
    }
    return result;
  }

  async createOrganization(input: CreateOrganizationDto): Promise<OrganizationDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(manager.create(Organization, input));
        await this.audit.recordWithin(manager, {
          action: 'organization.create',
          resourceType: 'organization',
          resourceId: saved.id,
          outcome: 'granted',
        });
        return OrganizationDto.from(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Une organisation porte déjà ce nom.');
      throw error;
    }
  }

  async updateOrganization(id: string, input: UpdateOrganizationDto): Promise<OrganizationDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organizations = manager.getRepository(Organization);
        const organization = await organizations.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!organization) throw notFound('Cette organisation est introuvable.');
        if (input.name !== undefined) organization.name = input.name;
        this.names.forget('organization', id);
        if (input.kind !== undefined) organization.kind = input.kind;
        if (input.finess !== undefined) organization.finess = input.finess;
        const saved = await organizations.save(organization);
        await this.audit.recordWithin(manager, {
          action: 'organization.update',
          resourceType: 'organization',
          resourceId: saved.id,
          outcome: 'granted',
        });
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
    return { items: rows.map((row) => OrganizationDto.from(row)), total, limit, offset };
  }

  /**
   * Creates an account. Roles that widen access to case content or to the audit trail wait for
   * the ethics committee (the account exists meanwhile, without them); administrators are created
   * only from the command line.
   */
  async createUser(actor: AuthenticatedUser, input: CreateUserDto): Promise<UserDto> {
    this.changes.assertSeparateDuties(input.roles);
    if (input.roles.includes('admin')) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        ProblemType.forbidden,
        'Action non autorisée',
        'Un administrateur technique se crée en ligne de commande (npm run cli -- create-admin), jamais depuis l’API.',
      );
    }
    this.passwords.assertAcceptable(input.password, input.email);
    if (input.organizationId && !(await this.organizations.existsBy({ id: input.organizationId }))) {
      throw unknownOrganization();
    }
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.announce(
        await this.dataSource.transaction(async (manager) => {
          const saved = await manager.save(
            manager.create(UserAccount, {
              email: input.email,
              displayName: input.displayName,
              organizationId: input.organizationId ?? null,
              professionalCategory: input.professionalCategory,
              roles: [],
              active: true,
              professionalId: input.professionalId ?? null,
              passwordHash,
            }),
          );
          const applied = await this.changes.split(
            manager,
            actor,
            saved.id,
            // The structure given at creation is the account's from the start: only roles may wait.
            { roles: [], professionalCategory: input.professionalCategory, organizationId: input.organizationId ?? null },
            { ...input, organizationId: input.organizationId ?? null },
          );
          saved.roles = applied.roles;
          await manager.save(saved);
          await this.audit.recordWithin(manager, {
            action: 'user.create',
            resourceType: 'user_account',
            resourceId: saved.id,
            outcome: 'granted',
          });
          return { ...UserDto.from(saved), pendingAccessChangeId: applied.pending };
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateAccount(error);
      throw error;
    }
  }

  /** `q`: part of the display name or of the e-mail, accents and case ignored (the terms are not audited). */
  async listUsers(query: UsersQueryDto): Promise<Page<UserDto>> {
    const search = this.users.createQueryBuilder('u').orderBy('u.email', 'ASC').take(query.limit).skip(query.offset);
    const like = pattern(query.q);
    if (like) search.where(`(${FOLD('u.display_name')} LIKE :like OR ${FOLD('u.email')} LIKE :like)`, { like });
    const [rows, total] = await search.getManyAndCount();
    await this.audit.record({ action: 'user.list', resourceType: 'user_account', outcome: 'granted' });
    return { items: rows.map((row) => UserDto.from(row)), total, limit: query.limit, offset: query.offset };
  }

  /**
   * Deactivation also revokes every open session, in the same transaction. Nobody changes their
   * own account this way; what widens access waits for the ethics committee, the rest applies.
   */
  async updateUser(actor: AuthenticatedUser, id: string, changes: UpdateUserDto): Promise<UserDto> {
    this.changes.assertNotSelf(actor, id);
    if (changes.roles) this.changes.assertSeparateDuties(changes.roles);
    if (changes.organizationId && !(await this.organizations.existsBy({ id: changes.organizationId }))) throw unknownOrganization();
    return this.announce(
      await this.dataSource.transaction(async (manager) => {
        const users = manager.getRepository(UserAccount);
        const user = await users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!user) throw notFound();
        const wanted = {
          roles: changes.roles ?? user.roles,
          professionalCategory: changes.professionalCategory ?? user.professionalCategory,
          organizationId: changes.organizationId === undefined ? user.organizationId : changes.organizationId,
        };
        if (wanted.roles.includes('admin') && !user.roles.includes('admin')) {
          throw new ProblemException(
            HttpStatus.FORBIDDEN,
            ProblemType.forbidden,
            'Action non autorisée',
            'Un administrateur technique se crée en ligne de commande, jamais depuis l’API.',
          );
        }
        const applied = await this.changes.split(
          manager,
          actor,
          id,
          { roles: user.roles, professionalCategory: user.professionalCategory, organizationId: user.organizationId ?? null },
          { ...wanted, organizationId: wanted.organizationId ?? null },
        );
        const rolesChanged = [...applied.roles].sort().join() !== [...user.roles].sort().join();
        const activeChanged = changes.active !== undefined && changes.active !== user.active;
        user.roles = applied.roles;
        user.professionalCategory = applied.professionalCategory;
        const organizationChanged = applied.organizationId !== (user.organizationId ?? null);
        user.organizationId = applied.organizationId;
        if (changes.displayName !== undefined) user.displayName = changes.displayName;
        this.names.forget('person', id);
        if (changes.active !== undefined) user.active = changes.active;
        const linkChanged = changes.professionalId !== undefined && changes.professionalId !== user.professionalId;
        if (changes.professionalId !== undefined) user.professionalId = changes.professionalId;
        const saved = await users.save(user).catch((error: unknown) => {
          throw isUniqueViolation(error) ? duplicateAccount(error) : error;
        });
        if (changes.active === false) await this.auth.revokeAllSessions(manager, id, 'deactivated');
        const entry = (action: string) => ({ action, resourceType: 'user_account', resourceId: id, outcome: 'granted' as const });
        await this.audit.recordWithin(
          manager,
          entry('user.update'),
          ...(rolesChanged ? [entry('user.role_change')] : []),
          ...(organizationChanged ? [entry('user.organization_change')] : []),
          ...(activeChanged ? [entry(changes.active ? 'user.reactivate' : 'user.deactivate')] : []),
          ...(linkChanged ? [entry(user.professionalId ? 'user.sso_link' : 'user.sso_unlink')] : []),
        );
        return { ...UserDto.from(saved), pendingAccessChangeId: applied.pending };
      }),
    );
  }

  /**
   * An administrator's reset of someone's second factor (a lost phone): the factor and its
   * recovery codes go, every session ends, and the person enrols again at the next sign-in.
   */
  async resetSecondFactor(actor: AuthenticatedUser, id: string): Promise<UserDto> {
    this.changes.assertNotSelf(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserAccount).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('Ce compte est introuvable.');
      await this.secondFactor.reset(manager, id);
      await this.auth.revokeAllSessions(manager, id, 'second_factor_reset');
      await this.audit.recordWithin(manager, {
        action: 'user.second_factor_reset',
        resourceType: 'user_account',
        resourceId: id,
        outcome: 'granted',
      });
      return { ...UserDto.from(user), secondFactorEnrolled: false };
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
        // An administrator holds no other duty (separation of duties).
        existing.roles = ['admin'];
        existing.active = true;
        existing.passwordHash = passwordHash;
        const saved = await users.save(existing);
        // Recovery of a lost access: the second factor is enrolled again at the next sign-in.
        await this.secondFactor.reset(manager, saved.id);
        await this.auth.revokeAllSessions(manager, saved.id, 'second_factor_reset');
        await this.audit.recordWithin(manager, {
          action: 'user.admin_reset',
          resourceType: 'user_account',
          resourceId: saved.id,
          outcome: 'granted',
          actor: OPERATOR_ACTOR,
        });
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
      await this.audit.recordWithin(manager, {
        action: 'user.create',
        resourceType: 'user_account',
        resourceId: created.id,
        outcome: 'granted',
        actor: OPERATOR_ACTOR,
      });
      return { user: UserDto.from(created), created: true };
    });
  }
}

function duplicateAccount(error: unknown): ProblemException {
  const constraint = ((error as QueryFailedError).driverError as { constraint?: string }).constraint;
  return conflict(
    constraint === 'user_account_professional_id_key'
      ? 'Cet identifiant professionnel est déjà lié à un autre compte.'
      : 'Un compte existe déjà pour cette adresse e-mail.',
  );
}

function unknownOrganization(): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    ProblemType.validation,
    'Structure inconnue',
    "L'organisation indiquée n'existe pas.",
  );
}
