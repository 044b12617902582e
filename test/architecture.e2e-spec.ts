import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES } from '../src/directory/roles.js';
import { RELATIONS } from '../src/ethics/policy.js';

/** The feature folders that hold case data: they use the security core, never its plumbing. */
const FEATURES = ['situations', 'consent', 'sessions', 'referrals', 'statistics', 'rights'];

function sources(folder: string): { file: string; text: string }[] {
  const root = path.join(process.cwd(), 'src', folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('/dto/') && !file.startsWith('dto/'))
    .map((file) => ({ file: path.join('src', folder, file), text: readFileSync(path.join(root, file), 'utf8') }));
}

const featureSources = FEATURES.flatMap(sources);

describe('one case-file path, one access decision (static checks of the source)', () => {
  it('finds feature sources to check', () => {
    expect(featureSources.length).toBeGreaterThan(8);
  });

  it('no feature service imports the cipher, the data keys, the audit writer or a database connection of its own', () => {
    const forbidden = [
      /crypto\/crypto\.service/,
      /crypto\/data-key\.service/,
      /audit\/audit\.service/,
      /InjectDataSource/,
      /\bDataSource\b/,
    ];
    const offenders = featureSources.flatMap(({ file, text }) =>
      forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no role or relation is named in a feature: who may do what is read from ethics/policy.yaml by the access module', () => {
    const names = [...ROLES.filter((role) => role !== 'dac'), ...RELATIONS];
    const offenders = featureSources.flatMap(({ file, text }) =>
      names
        .filter((name) => new RegExp(`['"\`]${name}['"\`]`).test(text) || new RegExp(`roles\\.includes|= ANY\\(roles\\)`).test(text))
        .map((name) => `${file}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the cipher is called only by the case-file path and the crypto module', () => {
    const everywhere = [
      'access',
      'audit',
      'auth',
      'casefile',
      'common',
      'config',
      'consent',
      'database',
      'directory',
      'ethics',
      'health',
      'referrals',
      'sessions',
      'situations',
    ].flatMap(sources);
    const offenders = everywhere
      .filter(({ file }) => !file.startsWith(path.join('src', 'casefile')))
      .filter(({ text }) => /\.(encryptJson|decryptJson|encryptBytes|decryptBytes)\(/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
