import { HttpStatus, Injectable, OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException, ProblemType } from '../common/problem.js';
import type { AppConfig } from '../config/app-config.js';
import { CredentialKeys } from '../crypto/credential-keys.js';
import { LoginThrottleService } from './login-throttle.service.js';

export const MFA_AUDIENCE = 'clsm-cellule-mfa';
const MFA_ISSUER = 'clsm-cellule';
/** Long enough to open an authenticator app and type a code; nothing else opens with it. */
export const MFA_TOKEN_TTL_SECONDS = 300;
const TOTP_PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const ISSUER_LABEL = 'CLSM cellule cas complexes';
/** Crockford's base32 without look-alikes: codes a person can read back from paper. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** What the short-lived second-factor token allows: verifying a code, or enrolling first. */
export type MfaStage = 'verify' | 'enrol';
export interface MfaChallenge {
  userId: string;
  stage: MfaStage;
}
export type SecondFactorMethod = 'password_totp' | 'password_recovery_code';

export interface FactorAttempt {
  userId: string;
  account: FactorRow;
  keys: ReturnType<LoginThrottleService['keysFor']>;
}

interface FactorRow {
  email: string;
  organization_id: string | null;
  totp_secret: Buffer | null;
  totp_pending_secret: Buffer | null;
  totp_confirmed_at: Date | null;
}

/**
 * The second factor (PGSSI-S strong authentication): TOTP (RFC 6238) with single-use recovery codes.
 * Wrong codes count towards the login lockout; a code is accepted once (the last time step used is
 * kept, and only a later one passes).
 */
@Injectable()
export class SecondFactorService implements OnApplicationBootstrap {
  private readonly settings: AppConfig['auth'];

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly keys: CredentialKeys,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly logger: Logger,
  ) {
    this.settings = config.get('auth', { infer: true });
  }

  onApplicationBootstrap(): void {
    if (!this.required) {
      this.logger.warn(
        'AUTH_MFA=optional: a password alone opens a session. For local demonstrations only, never with real case files.',
        SecondFactorService.name,
      );
    }
  }

  get required(): boolean {
    return this.settings.mfa === 'required';
  }

  /** A TOTP factor confirmed, or a passkey registered. */
  async isEnrolled(userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ enrolled: boolean }[]>(
      `SELECT totp_confirmed_at IS NOT NULL OR EXISTS (SELECT 1 FROM clsm.passkey p WHERE p.user_id = u.id) AS enrolled
         FROM clsm.user_account u WHERE id = $1`,
      [userId],
    );
    return Boolean(row?.enrolled);
  }

  issueChallenge(userId: string, stage: MfaStage): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, stage },
      { algorithm: 'HS256', expiresIn: MFA_TOKEN_TTL_SECONDS, issuer: MFA_ISSUER, audience: MFA_AUDIENCE, jwtid: randomUUID() },
    );
  }

  /** The challenge a second-factor token carries, or undefined when it is not one (or expired). */
  async readChallenge(token: string): Promise<MfaChallenge | undefined> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: unknown; stage: unknown }>(token, {
        algorithms: ['HS256'],
        issuer: MFA_ISSUER,
        audience: MFA_AUDIENCE,
      });
      if (typeof payload.sub !== 'string' || (payload.stage !== 'verify' && payload.stage !== 'enrol')) return undefined;
      return { userId: payload.sub, stage: payload.stage };
    } catch {
      return undefined;
    }
  }

  async status(
    userId: string,
  ): Promise<{ enrolled: boolean; recoveryCodesLeft: number; passkeys: number; policy: 'required' | 'optional' }> {
    const [row] = await this.dataSource.query<{ enrolled: boolean; left: number; passkeys: number }[]>(
      `SELECT u.totp_confirmed_at IS NOT NULL AS enrolled,
              (SELECT count(*)::int FROM clsm.recovery_code r WHERE r.user_id = u.id AND r.used_at IS NULL) AS left,
              (SELECT count(*)::int FROM clsm.passkey p WHERE p.user_id = u.id) AS passkeys
         FROM clsm.user_account u WHERE u.id = $1`,
      [userId],
    );
    return { enrolled: row.enrolled, recoveryCodesLeft: row.left, passkeys: row.passkeys, policy: this.settings.mfa };
  }

  /**
   * A new secret, pending until a code from it is confirmed. An enrolled factor is never swapped
   * this way (a stolen session must not be able to keep itself alive): the administrator resets it.
   */
  async enrol(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
    const account = await this.account(userId);
    if (account.totp_confirmed_at) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        ProblemType.conflict,
        'Second facteur déjà configuré',
        'Votre second facteur est déjà configuré. Pour en changer (téléphone perdu ou remplacé), demandez à l’administrateur de la cellule de le réinitialiser.',
      );
    }
    const secret = new Secret({ size: 20 });
    // The pending secret and its record commit together.
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE clsm.user_account SET totp_pending_secret = $2 WHERE id = $1', [
        userId,
        this.keys.seal(userId, new Uint8Array(secret.buffer)),
      ]);
      await this.audit.recordWithin(manager, {
        action: 'auth.mfa_enrol',
        resourceType: 'user',
        resourceId: userId,
        outcome: 'granted',
        actor: actorOf(userId, account),
      });
    });
    return { secret: secret.base32, otpauthUrl: totpFor(secret, account.email).toString() };
  }

  /** Confirms the pending secret with a code from it; returns ten fresh recovery codes (shown once). */
  async confirm(userId: string, code: string, clientAddress: string): Promise<string[]> {
    const account = await this.account(userId);
    const attempt = this.throttle.keysFor(account.email, clientAddress);
    await this.refuseWhileLocked(attempt, userId, account);
    if (!account.totp_pending_secret) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        ProblemType.conflict,
        'Aucun enrôlement en cours',
        'Commencez par demander un secret (POST /api/auth/mfa/totp/enroll), puis saisissez le code affiché par votre application.',
      );
    }
    const secret = new Secret({ buffer: toArrayBuffer(this.keys.open(userId, account.totp_pending_secret)) });
    const step = matchingStep(secret, account.email, code);
    if (step === undefined) return this.wrongCode(attempt, userId, account, 'auth.mfa_confirm');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE clsm.user_account SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                totp_confirmed_at = now(), totp_last_step = $2 WHERE id = $1`,
        [userId, step],
      );
      await manager.query('DELETE FROM clsm.recovery_code WHERE user_id = $1', [userId]);
      await manager.query('INSERT INTO clsm.recovery_code (user_id, code_hash) SELECT $1, unnest($2::bytea[])', [
        userId,
        codes.map((value) => this.keys.recoveryCodeHash(userId, normaliseRecoveryCode(value))),
      ]);
      await this.audit.recordWithin(manager, {
        action: 'auth.mfa_confirm',
        resourceType: 'user',
        resourceId: userId,
        outcome: 'granted',
        actor: actorOf(userId, account),
      });
    });
    // After the commit: the throttle's statement never waits for a second connection inside the transaction.
    await this.throttle.recordSuccess(attempt);
    return codes;
  }

  /** Checks a TOTP code or a recovery code; a wrong or replayed one counts as a failed login. */
  async verify(userId: string, code: string, clientAddress: string): Promise<SecondFactorMethod> {
    const account = await this.account(userId);
    const attempt = this.throttle.keysFor(account.email, clientAddress);
    await this.refuseWhileLocked(attempt, userId, account);
    const method = account.totp_secret ? await this.spend(userId, account, code) : undefined;
    if (!method) return this.wrongCode(attempt, userId, account, 'auth.mfa_verify');
    await this.throttle.recordSuccess(attempt);
    return method;
  }

  /** An administrator's reset: the factor and its recovery codes go, and so do the account's sessions. */
  async reset(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE clsm.user_account SET totp_secret = NULL, totp_pending_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL
        WHERE id = $1`,
      [userId],
    );
    await manager.query('DELETE FROM clsm.recovery_code WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM clsm.passkey WHERE user_id = $1', [userId]);
  }

  private async spend(userId: string, account: FactorRow, code: string): Promise<SecondFactorMethod | undefined> {
    const compact = code.replace(/[\s-]/g, '');
    if (/^\d{6}$/.test(compact)) {
      const secret = new Secret({ buffer: toArrayBuffer(this.keys.open(userId, account.totp_secret!)) });
      const step = matchingStep(secret, account.email, compact);
      if (step === undefined) return undefined;
      // Only a later time step passes: the same code (or an earlier one) cannot be played twice.
      const [rows] = await this.dataSource.query<[unknown[], number]>(
        `UPDATE clsm.user_account SET totp_last_step = $2
          WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
        [userId, step],
      );
      return rows.length > 0 ? 'password_totp' : undefined;
    }
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE clsm.recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
      [userId, this.keys.recoveryCodeHash(userId, normaliseRecoveryCode(code))],
    );
    return rows.length > 0 ? 'password_recovery_code' : undefined;
  }

  /** Starts a second-factor attempt: refused while the login lockout holds. */
  async beginAttempt(userId: string, clientAddress: string): Promise<FactorAttempt> {
    const account = await this.account(userId);
    const keys = this.throttle.keysFor(account.email, clientAddress);
    await this.refuseWhileLocked(keys, userId, account);
    return { userId, account, keys };
  }

  /** A failed attempt counts towards the lockout, is recorded, and answers 401. */
  failAttempt(attempt: FactorAttempt, action: string): Promise<never> {
    return this.wrongCode(attempt.keys, attempt.userId, attempt.account, action);
  }

  async succeedAttempt(attempt: FactorAttempt): Promise<void> {
    await this.throttle.recordSuccess(attempt.keys);
  }

  private async refuseWhileLocked(attempt: ReturnType<LoginThrottleService['keysFor']>, userId: string, account: FactorRow): Promise<void> {
    const lockedFor = await this.throttle.lockedForSeconds(attempt);
    if (lockedFor <= 0) return;
    await this.audit.record({ action: 'auth.login_locked', resourceType: 'session', outcome: 'denied', actor: actorOf(userId, account) });
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      ProblemType.loginLocked,
      'Trop de tentatives',
      'Trop de tentatives de connexion : réessayez plus tard.',
      { retryAfterSeconds: lockedFor },
    );
  }

  private async wrongCode(
    attempt: ReturnType<LoginThrottleService['keysFor']>,
    userId: string,
    account: FactorRow,
    action: string,
  ): Promise<never> {
    const holdBackMs = await this.throttle.recordFailure(attempt);
    await this.audit.record({ action, resourceType: 'user', resourceId: userId, outcome: 'denied', actor: actorOf(userId, account) });
    if (holdBackMs > 0) await sleep(holdBackMs);
    throw new UnauthorizedException(
      'Code incorrect ou déjà utilisé : saisissez le code affiché maintenant par votre application, ou un code de secours.',
    );
  }

  private async account(userId: string): Promise<FactorRow> {
    const [row] = await this.dataSource.query<FactorRow[]>(
      `SELECT email, organization_id, totp_secret, totp_pending_secret, totp_confirmed_at
         FROM clsm.user_account WHERE id = $1 AND active`,
      [userId],
    );
    if (!row) throw new UnauthorizedException('Compte désactivé : reconnectez-vous.');
    return row;
  }
}

const actorOf = (userId: string, account: FactorRow) => ({ userId, role: null, organizationId: account.organization_id });

function totpFor(secret: Secret, email: string): TOTP {
  return new TOTP({ issuer: ISSUER_LABEL, label: email, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret });
}

/** The time step a code belongs to (the current one, or one either side for clock drift), if any. */
function matchingStep(secret: Secret, email: string, code: string): number | undefined {
  const now = Date.now();
  const delta = totpFor(secret, email).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** 60 random bits, read as three groups of four: `k3m9-x2qa-7fhd`. */
function recoveryCode(): string {
  const bytes = randomBytes(12);
  const characters = [...bytes].map((byte) => RECOVERY_ALPHABET[byte & 31]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
