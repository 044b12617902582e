import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEthics, PolicyError } from '../src/ethics/policy.js';
import { createAdmin, createUser, startTestApp, testEnvironment, TestApp } from './support/test-app.js';

const charter = readFileSync('ethics/charter.md', 'utf8');
const policy = readFileSync('ethics/policy.yaml', 'utf8');

/** An ethics folder with the real charter and a policy changed by `edit`. */
function ethicsDirWith(edit: (text: string) => string): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-policy-'));
  writeFileSync(path.join(directory, 'charter.md'), charter);
  writeFileSync(path.join(directory, 'policy.yaml'), edit(policy));
  return directory;
}

const problemsOf = (directory: string) => {
  try {
    loadEthics(directory);
    return [];
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
};

describe('the ethics policy', () => {
  it('the policy in the repository is valid, every rule citing an article of the charter', () => {
    const { policy: loaded, charter: loadedCharter } = loadEthics('ethics');
    expect(loaded.version).toBe('2026-1');
    expect(loadedCharter.version).toBe(loaded.charterVersion);
    const articles = [...loadedCharter.text.matchAll(/^## Article (\d+)/gm)].map((match) => Number(match[1]));
    for (const grant of loaded.grants) expect(articles).toContain(grant.article);
    for (const group of Object.values(loaded.fieldGroups)) expect(articles).toContain(group.article);
    expect(loaded.fieldGroups.health.readers).not.toContain('housing_officer');
    expect(loaded.fieldGroups.health.readers).not.toContain('elected_official');
    expect(loaded.fingerprint).toMatch(/^2026-1\+[0-9a-f]{12}$/);
  });

  it('names an unknown role', () => {
    expect(problemsOf(ethicsDirWith((text) => text.replace('role: referrer', 'role: referent')))).toContain(
      'grants[1].role: unknown role "referent"',
    );
  });

  it('names a rule without its article', () => {
    const directory = ethicsDirWith((text) => text.replace(/ {2}health:\n {4}article: 5\n/, '  health:\n'));
    expect(problemsOf(directory)).toContain('field_groups.health.article: every rule must name the charter article it implements');
  });

  it('refuses a grant that would let the ethics committee read content, unknown categories and a charter version mismatch', () => {
    const problems = problemsOf(
      ethicsDirWith((text) =>
        text
          .replace('role: coordinator', 'role: ethics')
          .replace('readers: [physician, nurse, psychologist, social_worker, educator, legal_protector]', 'readers: [physician, wizard]')
          .replace('charter_version: "2026-1"', 'charter_version: "2030-1"'),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'grants[0].role: ethics never reads situation content (article 5)',
        'field_groups.health.readers: unknown professional category "wizard"',
        'charter_version: "2030-1" but charter.md is version "2026-1"',
      ]),
    );
  });

  for (const [label, edit, expected] of [
    ['an unknown role', (text: string) => text.replace('role: referrer', 'role: referent'), 'unknown role "referent"'],
    [
      'a rule without article',
      (text: string) => text.replace('  - name: coordination\n    article: 5\n', '  - name: coordination\n'),
      'grants[0].article: every rule must name the charter article it implements',
    ],
    ['YAML that does not parse', (text: string) => `${text}\n  : [unbalanced`, 'policy.yaml: not valid YAML'],
  ] as const) {
    it(`the service refuses to start with ${label}, naming the error`, () => {
      const result = spawnSync(process.execPath, ['dist/src/main.js'], {
        // The test run's own settings (role passwords are cluster-wide), with the broken policy.
        env: {
          ...testEnvironment({ ETHICS_DIR: ethicsDirWith(edit), PORT: String(20_000 + Math.floor(Math.random() * 20_000)) }),
          PATH: process.env.PATH,
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Invalid ethics policy');
      expect(result.stderr).toContain(expected);
    });
  }
});

describe('the policy version in the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is recorded at boot (policy.load) and in every entry written since', async () => {
    const { policy: loaded } = loadEthics('ethics');
    const admin = await createAdmin(t);
    await createUser(t, admin, { roles: ['member'] });
    const { rows } = await t.superuser.query(
      `SELECT action, policy_version FROM audit.event WHERE seq >= (SELECT max(seq) FROM audit.event WHERE action = 'policy.load') ORDER BY seq`,
    );
    expect(rows[0].action).toBe('policy.load');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row: { policy_version: string }) => row.policy_version === loaded.fingerprint)).toBe(true);
  });
});
