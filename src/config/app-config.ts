import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Environment, parseEnvironment } from './environment.js';

/** The service's resolved, typed configuration. Injected through @nestjs/config's ConfigService. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  port: number;
  dataDir: string;
  /** Express 'trust proxy' value. */
  trustProxy: boolean | number | string;
  logLevel: string;
  database: {
    /** Administrative connection: migrations, role passwords. Never used to serve requests. */
    adminUrl: string;
    /** The general CLSM side (schema clsm); no privilege on cellule. */
    generalUrl: string;
    /** The commission side (schema cellule, audit, directory view of clsm). */
    celluleUrl: string;
    generalPassword: string;
    cellulePassword: string;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    loginMaxFailures: number;
    loginMaxFailuresPerAddress: number;
    loginLockSeconds: number;
    rateLimitPerMinute: number;
  };
}

export const GENERAL_DB_ROLE = 'clsm_general';
export const CELLULE_DB_ROLE = 'clsm_cellule';
export const OWNER_DB_ROLE = 'clsm_owner';

interface DevSecrets {
  jwtSecret: string;
  generalPassword: string;
  cellulePassword: string;
  embeddedSuperuserPassword: string;
}

/**
 * Development secrets are generated once into DATA_DIR so restarts keep sessions and database
 * access. Production refuses to start without explicit values (see parseEnvironment).
 */
export async function loadOrCreateDevSecrets(
  dataDir: string,
  warn: (message: string) => void,
): Promise<DevSecrets> {
  const file = path.join(dataDir, 'dev-secrets.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = () => randomBytes(32).toString('base64url');
  const secrets: DevSecrets = {
    jwtSecret: secret(),
    generalPassword: secret(),
    cellulePassword: secret(),
    embeddedSuperuserPassword: secret(),
  };
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  warn(
    `Generated development secrets in ${file}. Never use them in production: set NODE_ENV=production ` +
      'and provide DATABASE_URL, DB_GENERAL_PASSWORD, DB_CELLULE_PASSWORD and JWT_SECRET.',
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
  secrets: Pick<DevSecrets, 'jwtSecret' | 'generalPassword' | 'cellulePassword'> | undefined,
): AppConfig {
  const generalPassword = environment.DB_GENERAL_PASSWORD ?? secrets?.generalPassword;
  const cellulePassword = environment.DB_CELLULE_PASSWORD ?? secrets?.cellulePassword;
  const jwtSecret = environment.JWT_SECRET ?? secrets?.jwtSecret;
  if (!generalPassword || !cellulePassword || !jwtSecret) {
    throw new Error('Secrets missing: DB_GENERAL_PASSWORD, DB_CELLULE_PASSWORD and JWT_SECRET are required');
  }
  return {
    env: environment.NODE_ENV,
    port: environment.PORT,
    dataDir: path.resolve(environment.DATA_DIR),
    trustProxy:
      environment.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(environment.TRUST_PROXY)
          ? Number(environment.TRUST_PROXY)
          : environment.TRUST_PROXY,
    logLevel: environment.LOG_LEVEL,
    database: {
      adminUrl,
      generalUrl: urlForRole(adminUrl, GENERAL_DB_ROLE, generalPassword),
      celluleUrl: urlForRole(adminUrl, CELLULE_DB_ROLE, cellulePassword),
      generalPassword,
      cellulePassword,
    },
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: environment.REFRESH_TOKEN_TTL_SECONDS,
      loginMaxFailures: environment.LOGIN_MAX_FAILURES,
      loginMaxFailuresPerAddress: environment.LOGIN_MAX_FAILURES_PER_ADDRESS,
      loginLockSeconds: environment.LOGIN_LOCK_SECONDS,
      rateLimitPerMinute: environment.AUTH_RATE_LIMIT_PER_MINUTE,
    },
  };
}

export { parseEnvironment };
