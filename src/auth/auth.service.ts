import { HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound, ProblemException, ProblemType } from '../common/problem.js';
import type { AppConfig } from '../config/app-config.js';
import { UserDto } from '../directory/dto/user.dto.js';
import type { ProfessionalCategory, Role } from '../directory/roles.js';
import { UserAccount } from '../directory/user-account.entity.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { SessionRevocationReason } from './auth-session.entity.js';
import type { AuthSessionDto, LoginResultDto, TokenPairDto } from './dto/auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { SecondFactorService } from './second-factor.service.js';

/** How a session was opened, as recorded on it and in the audit trail. */
export type SignInMethod = 'password' | 'password_totp' | 'password_recovery_code' | 'password_passkey' | 'oidc';

export const JWT_ISSUER = 'clsm-cellule';
export const JWT_AUDIENCE = 'clsm-cellule-api';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

const INVALID_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** A session's last use is rewritten at most this often (seconds): well under the idle timeout. */
const SESSION_TOUCH_SECONDS = 30;

@Injectable()
export class AuthService {
  private readonly settings: AppConfig['auth'];

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly dataSource: DataSource,
    @InjectRepository(UserAccount, 'general') private readonly users: Repository<UserAccount>,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly secondFactor: SecondFactorService,
  ) {
    this.settings = config.get('auth', { infer: true });
  }

  /**
   * Same answer, same work, whether the e-mail is unknown, the password wrong or the account off.
   * A right password opens a session only when no second factor is due; otherwise it yields a
   * short-lived token for the second step (verify a code, or enrol first).
   */
  async login(email: string, password: string, clientAddress: string, client?: string): Promise<LoginResultDto> {
    const keys = this.throttle.keysFor(email, clientAddress);
    const [account] = await this.dataSource.query<{ id: string; password_hash: string; active: boolean; organization_id: string | null }[]>(
      'SELECT id, password_hash, active, organization_id FROM clsm.user_account WHERE email = $1',
      [email],
    );
    // The account id when known (never the e-mail): the committee sees attempts on an account.
    const actor = { userId: account?.id ?? null, role: null, organizationId: account?.organization_id ?? null };
    const lockedFor = await this.throttle.lockedForSeconds(keys);
    if (lockedFor > 0) {
      await this.audit.record({ action: 'auth.login_locked', resourceType: 'session', outcome: 'denied', actor });
      throw loginLocked(lockedFor);
    }
    const passwordMatches = await this.passwords.verify(account?.password_hash, password);
    if (!account || !passwordMatches || !account.active) {
      const holdBackMs = await this.throttle.recordFailure(keys);
      await this.audit.record({ action: 'auth.login', resourceType: 'session', outcome: 'denied', actor });
      if (holdBackMs > 0) await sleep(holdBackMs);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(keys);
    if (await this.secondFactor.isEnrolled(account.id)) {
      await this.audit.record({ action: 'auth.password', resourceType: 'session', outcome: 'granted', actor });
      return { mfaRequired: true, mfaToken: await this.secondFactor.issueChallenge(account.id, 'verify') };
    }
    if (this.secondFactor.required) {
      await this.audit.record({ action: 'auth.password', resourceType: 'session', outcome: 'granted', actor });
      return { mfaEnrollmentRequired: true, mfaToken: await this.secondFactor.issueChallenge(account.id, 'enrol') };
    }
    return this.openSession(account.id, 'password', client);
  }

  /** Opens a session once every required factor is proven; the audit entry names the method. */
  async openSession(userId: string, method: SignInMethod, client?: string): Promise<TokenPairDto> {
    return this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query<{ id: string; organization_id: string | null }[]>(
        `INSERT INTO clsm.auth_session (user_id, expires_at, client, method)
         SELECT id, now() + make_interval(secs => $2), $3, $4 FROM clsm.user_account WHERE id = $1 AND active
         RETURNING id, (SELECT organization_id FROM clsm.user_account WHERE id = $1) AS organization_id`,
        [userId, this.settings.refreshTokenTtlSeconds, describeClient(client), method],
      );
      if (!session) throw new UnauthorizedException('Compte désactivé.');
      const tokens = await this.issueTokens(manager, userId, session.id);
      await this.audit.recordWithin(manager, {
        action: 'auth.login',
        resourceType: 'session',
        resourceId: session.id,
        outcome: 'granted',
        actor: { userId, role: null, organizationId: session.organization_id },
      });
      return tokens;
    });
  }

  /** Rotates the refresh token. Presenting a spent one revokes its whole family (theft signal). */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<{ tokens: TokenPairDto } | { reused: boolean }> => {
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
      const [[spent]] = await manager.query<[{ session_id: string; user_id: string; organization_id: string | null }[], number]>(
        `UPDATE clsm.refresh_token t SET used_at = now()
           FROM clsm.auth_session s JOIN clsm.user_account u ON u.id = s.user_id
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
            AND s.id = t.session_id AND s.revoked_at IS NULL AND u.active
            AND s.last_used_at > now() - make_interval(mins => $2)
          RETURNING s.id AS session_id, s.user_id, u.organization_id`,
        [tokenHash, this.settings.idleTimeoutMinutes],
      );
      if (spent) await manager.query('UPDATE clsm.auth_session SET last_used_at = now() WHERE id = $1', [spent.session_id]);
      if (spent) {
        const tokens = await this.issueTokens(manager, spent.user_id, spent.session_id);
        await this.audit.recordWithin(manager, {
          action: 'auth.refresh',
          resourceType: 'session',
          resourceId: spent.session_id,
          outcome: 'granted',
          actor: { userId: spent.user_id, role: null, organizationId: spent.organization_id },
        });
        return { tokens };
      }
      const [reused] = await manager.query<{ session_id: string; user_id: string; organization_id: string | null }[]>(
        `SELECT t.session_id, s.user_id, u.organization_id FROM clsm.refresh_token t
           JOIN clsm.auth_session s ON s.id = t.session_id JOIN clsm.user_account u ON u.id = s.user_id
          WHERE t.token_hash = $1 AND t.used_at IS NOT NULL`,
        [tokenHash],
      );
      if (reused) {
        await this.revokeSession(manager, reused.session_id, 'refresh_token_reuse');
        await this.audit.recordWithin(manager, {
          action: 'auth.refresh_reuse',
          resourceType: 'session',
          resourceId: reused.session_id,
          outcome: 'denied',
          actor: { userId: reused.user_id, role: null, organizationId: reused.organization_id },
        });
      }
      return { reused: Boolean(reused) };
    });
    if ('tokens' in outcome) return outcome.tokens;
    throw new UnauthorizedException(
      outcome.reused
        ? 'Ce jeton de renouvellement a déjà servi : la session est révoquée, reconnectez-vous.'
        : 'Jeton de renouvellement invalide ou expiré.',
    );
  }

  async profile(userId: string): Promise<UserDto> {
    return UserDto.from(await this.users.findOneByOrFail({ id: userId }));
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeSession(manager, sessionId, 'logout');
      await this.audit.recordWithin(manager, { action: 'auth.logout', resourceType: 'session', resourceId: sessionId, outcome: 'granted' });
    });
  }

  /** The user's open sessions (signed-in devices), most recently used first. */
  async sessions(user: AuthenticatedUser): Promise<AuthSessionDto[]> {
    const rows = await this.dataSource.query<{ id: string; created_at: Date; last_used_at: Date; client: string | null }[]>(
      `SELECT id, created_at, last_used_at, client FROM clsm.auth_session
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND last_used_at > now() - make_interval(mins => $2)
        ORDER BY last_used_at DESC, id`,
      [user.id, this.settings.idleTimeoutMinutes],
    );
    await this.audit.record({ action: 'auth.session_list', resourceType: 'session', outcome: 'granted' });
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      client: row.client,
      current: row.id === user.sessionId,
    }));
  }

  /** Ends one of the user's own sessions (another device); someone else's does not exist for them. */
  async endSession(user: AuthenticatedUser, sessionId: string): Promise<void> {
    const entry = { action: 'auth.session_end', resourceType: 'session', resourceId: sessionId };
    const ended = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[{ id: string }[], number]>(
        `UPDATE clsm.auth_session SET revoked_at = now(), revoked_reason = 'ended_by_user'
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [sessionId, user.id],
      );
      if (rows.length > 0) await this.audit.recordWithin(manager, { ...entry, outcome: 'granted' });
      return rows.length > 0;
    });
    if (!ended) {
      await this.audit.record({ ...entry, outcome: 'denied' });
      throw notFound('Cette session est introuvable.');
    }
  }

  /** Ends every open session of a user (deactivation), in the caller's transaction. */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: SessionRevocationReason): Promise<void> {
    await manager.query(
      `UPDATE clsm.auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  /** Loads the caller for an access token; undefined when the user or the session is no longer valid. */
  async resolveAccessToken(payload: AccessTokenPayload): Promise<AuthenticatedUser | undefined> {
    // One statement: the session is valid and not left idle; its last use is written only when the
    // stored one is older than SESSION_TOUCH_SECONDS, so that most requests write nothing (the idle
    // timeout counts in minutes). A data-modifying CTE runs whether or not its output is read.
    const rows = await this.dataSource.query<
      { id: string; roles: Role[]; organization_id: string | null; professional_category: ProfessionalCategory }[]
    >(
      `WITH live AS (
         SELECT s.id AS session_id, s.last_used_at, u.id, u.roles, u.organization_id, u.professional_category
           FROM clsm.auth_session s JOIN clsm.user_account u ON u.id = s.user_id
          WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_used_at > now() - make_interval(mins => $3)),
       touched AS (
         UPDATE clsm.auth_session s SET last_used_at = now() FROM live
          WHERE s.id = live.session_id AND live.last_used_at < now() - make_interval(secs => $4))
       SELECT id, roles, organization_id, professional_category FROM live`,
      [payload.sub, payload.sid, this.settings.idleTimeoutMinutes, SESSION_TOUCH_SECONDS],
    );
    const [row] = rows;
    if (!row) return undefined;
    return {
      id: row.id,
      roles: row.roles,
      organizationId: row.organization_id,
      professionalCategory: row.professional_category,
      sessionId: payload.sid,
    };
  }

  private async revokeSession(manager: EntityManager, sessionId: string, reason: SessionRevocationReason) {
    await manager.query('UPDATE clsm.auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
      reason,
    ]);
  }

  private async issueTokens(manager: EntityManager, userId: string, sessionId: string): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    const [stored] = await manager.query<{ expires_at: Date }[]>(
      `INSERT INTO clsm.refresh_token (session_id, token_hash, expires_at)
       SELECT id, $2, expires_at FROM clsm.auth_session WHERE id = $1 RETURNING expires_at`,
      [sessionId, sha256(refreshToken)],
    );
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(payload, {
      algorithm: 'HS256',
      expiresIn: this.settings.accessTokenTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.settings.accessTokenTtlSeconds,
      refreshToken,
      refreshTokenExpiresAt: new Date(stored.expires_at).toISOString(),
    };
  }
}

function loginLocked(seconds: number): ProblemException {
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    ProblemType.loginLocked,
    'Too Many Requests',
    'Trop de tentatives de connexion : réessayez plus tard.',
    { retryAfterSeconds: seconds },
  );
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point of this pattern
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** What the person will recognise their device by: the browser's user agent, cleaned and cut. */
function describeClient(userAgent: string | undefined): string | null {
  const cleaned = userAgent?.replace(CONTROL_CHARACTERS, '').trim().slice(0, 200);
  return cleaned ? cleaned : null;
}
