import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { ConfigurationError, parseEnvironment } from '../src/config/environment.js';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnvironment(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
};

describe('configuration validated at boot', () => {
  it('accepts an empty environment in development (everything has a default)', () => {
    const environment = parseEnvironment({});
    expect(environment).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: 'data' });
  });

  it('names the variable of a wrong value', () => {
    expect(problemsOf({ PORT: 'eighty' }).join()).toMatch(/^PORT:/);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' }).join()).toMatch(/^DATABASE_URL:/);
    expect(problemsOf({ NODE_ENV: 'staging' }).join()).toMatch(/^NODE_ENV:/);
    expect(problemsOf({ TRUST_PROXY: 'true' }).join()).toMatch(/^TRUST_PROXY:/);
  });

  it('requires every secret explicitly in production, naming each', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    for (const name of ['DATABASE_URL', 'DB_GENERAL_PASSWORD', 'DB_CELLULE_PASSWORD', 'JWT_SECRET']) {
      expect(problems).toContain(`${name}: is required when NODE_ENV=production`);
    }
  });

  it('never prints a secret value in its messages', () => {
    const secret = 'short-secret';
    const problems = problemsOf({ JWT_SECRET: secret, DB_GENERAL_PASSWORD: 'tiny' }).join('\n');
    expect(problems).toMatch(/JWT_SECRET/);
    expect(problems).toMatch(/DB_GENERAL_PASSWORD/);
    expect(problems).not.toContain(secret);
    expect(problems).not.toContain('tiny');
  });

  it('the service refuses to start on an invalid value, naming it, with exit code 1', () => {
    const result = spawnSync(process.execPath, ['dist/src/main.js'], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', JWT_SECRET: 'leaky-secret-value' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr + result.stdout).not.toContain('leaky-secret-value');
  });
});
