import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

/**
 * Every environment variable the service reads. Validated once at boot; an invalid value stops the
 * service with a message naming the variable (never its value: some are secrets).
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATA_DIR = 'data';

  /** Administrative connection used to run migrations. Unset: embedded PostgreSQL in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Connections per pool; the service keeps two pools (general and cellule). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_MAX = 10;

  /** Longest wait for a new connection (or a free one in a full pool) before the request fails. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** PostgreSQL statement_timeout of the service's sessions (0: none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 10_000;

  /** PostgreSQL lock_timeout of the service's sessions (0: none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_LOCK_TIMEOUT_MS = 5000;

  /** PostgreSQL idle_in_transaction_session_timeout of the service's sessions (0: none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

  /** Client-side wait for any answer to a query, so that a frozen server fails too (0: none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DB_QUERY_TIMEOUT_MS = 15_000;

  /** Longest wait for in-flight requests at shutdown (SIGTERM, SIGINT). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** The service's time zone: what "today" means, here and in PostgreSQL sessions (current_date). */
  @IsTimeZone()
  @Matches(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, { message: 'must be an IANA time zone name such as Europe/Paris' })
  APP_TIME_ZONE = 'Europe/Paris';

  /**
   * Whether this instance runs the daily schedules (reminders, retention). `off` keeps the queue's
   * workers (e-mails, notices) but fires no cron: for test runs and maintenance instances.
   */
  @IsIn(['on', 'off'])
  JOBS_SCHEDULE: 'on' | 'off' = 'on';

  /** Passwords of the two login roles the service runs as (generated in development). */
  @IsOptional()
  @MinLength(16)
  DB_GENERAL_PASSWORD?: string;

  @IsOptional()
  @MinLength(16)
  DB_CELLULE_PASSWORD?: string;

  /** HMAC key of access tokens (generated in development). */
  @IsOptional()
  @MinLength(32)
  JWT_SECRET?: string;

  /** HMAC-SHA-256 key of the audit chain, base64 of 32 bytes (generated in development). */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be the base64 encoding of 32 bytes' })
  AUDIT_MAC_KEY?: string;

  /** Ed25519 seed that signs audit checkpoints, base64 of 32 bytes (generated in development). */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be the base64 encoding of 32 bytes' })
  AUDIT_SIGNING_KEY?: string;

  /** Master key (KEK) wrapping each situation's data key: base64 of 32 bytes. Cannot be rotated. */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be the base64 encoding of 32 bytes' })
  CELLULE_MASTER_KEY?: string;

  /** A master keyring file (rotatable with npm run cli -- rotate-master-key). Default in development: DATA_DIR/master-keyring.json. */
  @IsOptional()
  @IsString()
  CELLULE_MASTER_KEY_FILE?: string;

  /** Key of the blind index used for duplicate detection: base64 of 32 bytes (generated in development). */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be the base64 encoding of 32 bytes' })
  CELLULE_BLIND_INDEX_KEY?: string;

  /** Folder holding charter.md and policy.yaml. */
  @IsString()
  ETHICS_DIR = 'ethics';

  /** Largest accepted document, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

  /** A signed checkpoint after this many audit entries... */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUDIT_CHECKPOINT_EVERY = 1000;

  /** ...or after this many seconds with new entries, and at shutdown. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  AUDIT_CHECKPOINT_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(60 * 60 * 24 * 90)
  REFRESH_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 14;

  /** A signed-in session unused for this long ends (PGSSI-S: case files are not left open). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  AUTH_IDLE_TIMEOUT_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_SECONDS = 900;

  /** Requests per minute and client address on the authentication routes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * Second factor (TOTP or recovery code) at sign-in. `required` (default): every account enrols at
   * its first sign-in. `optional`: for local demonstrations only; the service warns at start.
   */
  @IsIn(['required', 'optional'])
  AUTH_MFA: 'required' | 'optional' = 'required';

  /** Key sealing TOTP secrets and keying recovery-code hashes: base64 of 32 bytes (generated in development). */
  @IsOptional()
  @Matches(BASE64_32_BYTES, { message: 'must be the base64 encoding of 32 bytes' })
  AUTH_MFA_KEY?: string;

  /** The console's public origin for passkeys (https://cellule.example.fr); unset: the origin of each request. */
  @IsOptional()
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { message: 'must be an origin such as https://cellule.example.fr' })
  WEBAUTHN_ORIGIN?: string;

  /** E-mail notifications through this SMTP server (smtp://user:pass@host:587 or smtps://…); unset: e-mail off. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of notification e-mails. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'CLSM cellule <ne-pas-repondre@clsm-cellule.local>';

  /** The console's public address, for the links in e-mails (https://cellule.example.fr). */
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** OpenID Connect single sign-on (Pro Santé Connect or another provider); off while OIDC_ISSUER is unset. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** This service's callback, as registered with the provider: https://…/api/auth/oidc/callback */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+\/api\/auth\/oidc\/callback$/, { message: 'must be an http(s) URL ending in /api/auth/oidc/callback' })
  OIDC_REDIRECT_URI?: string;

  /** Scopes asked for (Pro Santé Connect: `openid scope_all`). */
  @IsString()
  OIDC_SCOPES = 'openid';

  /** The claim holding the professional identifier an administrator links (Pro Santé Connect: SubjectNameID). */
  @Matches(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { message: 'must be a claim name' })
  OIDC_IDENTIFIER_CLAIM = 'sub';

  /** Authentication levels (acr) that count as strong authentication (Pro Santé Connect: eidas1 for CPS and e-CPS). */
  @IsString()
  OIDC_STRONG_ACR = 'eidas1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Bearer token a Prometheus scraper presents on GET /api/metrics; unset: metrics off (404). */
  @IsOptional()
  @MinLength(24)
  METRICS_TOKEN?: string;

  /**
   * Which proxies to believe for the client address (X-Forwarded-For), in Express's terms: `false`,
   * a hop count (`1`), or addresses/subnets (`loopback`, `10.0.0.0/8`). Never plain `true`, which
   * would let any client choose its address and escape the login throttle.
   */
  @Matches(/^(false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*)$/, {
    message: 'must be false, a hop count, or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY = 'false';
}

const PRODUCTION_SECRETS = [
  'DATABASE_URL',
  'DB_GENERAL_PASSWORD',
  'DB_CELLULE_PASSWORD',
  'JWT_SECRET',
  'AUDIT_MAC_KEY',
  'AUDIT_SIGNING_KEY',
  'CELLULE_BLIND_INDEX_KEY',
  'AUTH_MFA_KEY',
] as const;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses and validates the environment. Messages name variables and constraints, never values. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  // An empty variable counts as unset, as docker-compose and shells often pass them that way.
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false, validationError: { target: false, value: false } });
  const problems = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
  if (
    parsed.DB_QUERY_TIMEOUT_MS > 0 &&
    parsed.DB_STATEMENT_TIMEOUT_MS > 0 &&
    parsed.DB_QUERY_TIMEOUT_MS <= parsed.DB_STATEMENT_TIMEOUT_MS
  ) {
    // PostgreSQL cancels a slow statement first; the client-side timeout is for a server that no longer answers.
    problems.push('DB_QUERY_TIMEOUT_MS: must be greater than DB_STATEMENT_TIMEOUT_MS');
  }
  const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const oidcSet = oidc.filter((name) => parsed[name]);
  if (oidcSet.length > 0 && oidcSet.length < oidc.length) {
    for (const name of oidc.filter((candidate) => !parsed[candidate]))
      problems.push(`${name}: is required when OIDC_ISSUER and the other OIDC_* variables are set`);
  }
  if (parsed.NODE_ENV === 'production') {
    for (const name of PRODUCTION_SECRETS) {
      if (!parsed[name]) problems.push(`${name}: is required when NODE_ENV=production`);
    }
    if (!parsed.CELLULE_MASTER_KEY && !parsed.CELLULE_MASTER_KEY_FILE) {
      problems.push('CELLULE_MASTER_KEY: CELLULE_MASTER_KEY or CELLULE_MASTER_KEY_FILE is required when NODE_ENV=production');
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return parsed;
}
