import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Environment, parseEnvironment } from './environment.js';

/** The service's resolved, typed configuration. Injected through @nestjs/config's ConfigService. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  port: number;
  dataDir: string;
  ethicsDir: string;
  /** Express 'trust proxy' value. */
  trustProxy: boolean | number | string;
  logLevel: string;
  /** IANA zone of "today" (Clock.today()) and of PostgreSQL sessions (current_date). */
  timeZone: string;
  /** Whether this instance fires the daily schedules (JOBS_SCHEDULE). */
  jobsSchedule: boolean;
  /** Longest wait for in-flight requests at shutdown. */
  shutdownGraceMs: number;
  database: {
    /** Administrative connection: migrations, role passwords. Never used to serve requests. */
    adminUrl: string;
    /** The general CLSM side (schema clsm); no privilege on cellule. */
    generalUrl: string;
    /** The commission side (schema cellule, audit, directory view of clsm). */
    celluleUrl: string;
    generalPassword: string;
    cellulePassword: string;
    pool: DatabasePoolSettings;
  };
  crypto: {
    /** A single fixed master key (CELLULE_MASTER_KEY), or undefined when a keyring file is used. */
    masterKey?: Buffer;
    /** The master keyring file, when no fixed key is given. */
    masterKeyFile?: string;
    blindIndexKey: Buffer;
    maxDocumentBytes: number;
  };
  audit: {
    macKey: Buffer;
    signingSeed: Buffer;
    checkpointEvery: number;
    checkpointSeconds: number;
  };
  /** Bearer token of GET /api/metrics (Prometheus); unset: metrics off. */
  metricsToken?: string;
  mail: {
    /** SMTP server of notification e-mails; unset: e-mail off (in-app notifications only). */
    smtpUrl?: string;
    from: string;
    /** The console's public address, prefixed to the links of e-mails. */
    publicUrl: string;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    idleTimeoutMinutes: number;
    loginMaxFailures: number;
    loginMaxFailuresPerAddress: number;
    loginLockSeconds: number;
    rateLimitPerMinute: number;
    /** Second factor at sign-in: required for every account, or optional (demonstrations only). */
    mfa: 'required' | 'optional';
    /** Seals TOTP secrets and keys recovery-code hashes (32 bytes). */
    mfaKey: Buffer;
    oidc?: OidcSettings;
    /** The console's public origin for passkeys (WebAuthn); unset: the origin each request was made to. */
    webauthnOrigin?: string;
  };
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  identifierClaim: string;
  strongAcr: string[];
}

/** Pool size and timeouts of the two serving connections (0 disables a timeout). */
export interface DatabasePoolSettings {
  max: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  queryTimeoutMs: number;
}

export const GENERAL_DB_ROLE = 'clsm_general';
export const CELLULE_DB_ROLE = 'clsm_cellule';
export const OWNER_DB_ROLE = 'clsm_owner';

interface DevSecrets {
  jwtSecret: string;
  generalPassword: string;
  cellulePassword: string;
  embeddedSuperuserPassword: string;
  auditMacKey: string;
  auditSigningKey: string;
  blindIndexKey: string;
  mfaKey: string;
}

const generateDevSecrets = (): DevSecrets => {
  const secret = () => randomBytes(32).toString('base64url');
  const key = () => randomBytes(32).toString('base64');
  return {
    jwtSecret: secret(),
    generalPassword: secret(),
    cellulePassword: secret(),
    embeddedSuperuserPassword: secret(),
    auditMacKey: key(),
    auditSigningKey: key(),
    blindIndexKey: key(),
    mfaKey: key(),
  };
};

/**
 * Development secrets are generated once into DATA_DIR so restarts keep sessions and database
 * access. Production refuses to start without explicit values (see parseEnvironment).
 */
export async function loadOrCreateDevSecrets(dataDir: string, warn: (message: string) => void): Promise<DevSecrets> {
  const file = path.join(dataDir, 'dev-secrets.json');
  let existing: Partial<DevSecrets> | undefined;
  try {
    existing = JSON.parse(await readFile(file, 'utf8')) as Partial<DevSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Secrets added by a newer version are generated; existing ones are never replaced.
  const secrets = { ...generateDevSecrets(), ...existing };
  if (existing && Object.keys(secrets).every((name) => name in existing)) return secrets;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  warn(
    `Generated development secrets in ${file}. Never use them in production: set NODE_ENV=production ` +
      'and provide every secret (see README, Configuration).',
  );
  return JSON.parse(await readFile(file, 'utf8')) as DevSecrets;
}

/** Same server and database as the administrative URL, connecting as another role. */
export function urlForRole(adminUrl: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

export function buildAppConfig(
  environment: Environment,
  adminUrl: string,
  secrets: Omit<DevSecrets, 'embeddedSuperuserPassword'> | undefined,
): AppConfig {
  const generalPassword = environment.DB_GENERAL_PASSWORD ?? secrets?.generalPassword;
  const cellulePassword = environment.DB_CELLULE_PASSWORD ?? secrets?.cellulePassword;
  const jwtSecret = environment.JWT_SECRET ?? secrets?.jwtSecret;
  const auditMacKey = environment.AUDIT_MAC_KEY ?? secrets?.auditMacKey;
  const auditSigningKey = environment.AUDIT_SIGNING_KEY ?? secrets?.auditSigningKey;
  const blindIndexKey = environment.CELLULE_BLIND_INDEX_KEY ?? secrets?.blindIndexKey;
  const mfaKey = environment.AUTH_MFA_KEY ?? secrets?.mfaKey;
  const dataDir = path.resolve(environment.DATA_DIR);
  if (!generalPassword || !cellulePassword || !jwtSecret || !auditMacKey || !auditSigningKey || !blindIndexKey || !mfaKey) {
    throw new Error('Secrets missing: see README, Configuration');
  }
  return {
    env: environment.NODE_ENV,
    port: environment.PORT,
    dataDir,
    ethicsDir: path.resolve(environment.ETHICS_DIR),
    trustProxy:
      environment.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(environment.TRUST_PROXY)
          ? Number(environment.TRUST_PROXY)
          : environment.TRUST_PROXY,
    logLevel: environment.LOG_LEVEL,
    metricsToken: environment.METRICS_TOKEN,
    mail: { smtpUrl: environment.SMTP_URL, from: environment.MAIL_FROM, publicUrl: environment.PUBLIC_URL.replace(/\/+$/, '') },
    timeZone: environment.APP_TIME_ZONE,
    jobsSchedule: environment.JOBS_SCHEDULE === 'on',
    shutdownGraceMs: environment.SHUTDOWN_GRACE_MS,
    database: {
      adminUrl,
      generalUrl: urlForRole(adminUrl, GENERAL_DB_ROLE, generalPassword),
      celluleUrl: urlForRole(adminUrl, CELLULE_DB_ROLE, cellulePassword),
      generalPassword,
      cellulePassword,
      pool: {
        max: environment.DB_POOL_MAX,
        connectTimeoutMs: environment.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: environment.DB_STATEMENT_TIMEOUT_MS,
        lockTimeoutMs: environment.DB_LOCK_TIMEOUT_MS,
        idleInTransactionTimeoutMs: environment.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        queryTimeoutMs: environment.DB_QUERY_TIMEOUT_MS,
      },
    },
    crypto: {
      masterKey: environment.CELLULE_MASTER_KEY ? Buffer.from(environment.CELLULE_MASTER_KEY, 'base64') : undefined,
      masterKeyFile: environment.CELLULE_MASTER_KEY
        ? undefined
        : path.resolve(environment.CELLULE_MASTER_KEY_FILE ?? path.join(dataDir, 'master-keyring.json')),
      blindIndexKey: Buffer.from(blindIndexKey, 'base64'),
      maxDocumentBytes: environment.MAX_DOCUMENT_BYTES,
    },
    audit: {
      macKey: Buffer.from(auditMacKey, 'base64'),
      signingSeed: Buffer.from(auditSigningKey, 'base64'),
      checkpointEvery: environment.AUDIT_CHECKPOINT_EVERY,
      checkpointSeconds: environment.AUDIT_CHECKPOINT_SECONDS,
    },
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: environment.REFRESH_TOKEN_TTL_SECONDS,
      idleTimeoutMinutes: environment.AUTH_IDLE_TIMEOUT_MINUTES,
      loginMaxFailures: environment.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerAddress: environment.LOGIN_MAX_FAILURES_PER_ADDRESS,
      loginLockSeconds: environment.LOGIN_LOCK_SECONDS,
      rateLimitPerMinute: environment.AUTH_RATE_LIMIT_PER_MINUTE,
      mfa: environment.AUTH_MFA,
      mfaKey: Buffer.from(mfaKey, 'base64'),
      webauthnOrigin: environment.WEBAUTHN_ORIGIN,
      oidc: environment.OIDC_ISSUER
        ? {
            issuer: environment.OIDC_ISSUER,
            clientId: environment.OIDC_CLIENT_ID!,
            clientSecret: environment.OIDC_CLIENT_SECRET!,
            redirectUri: environment.OIDC_REDIRECT_URI!,
            scopes: environment.OIDC_SCOPES,
            identifierClaim: environment.OIDC_IDENTIFIER_CLAIM,
            strongAcr: environment.OIDC_STRONG_ACR.split(',')
              .map((value) => value.trim())
              .filter(Boolean),
          }
        : undefined,
    },
  };
}

export { parseEnvironment };
