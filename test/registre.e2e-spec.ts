import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEthics, PolicyError } from '../src/ethics/policy.js';
import { renderRegistre } from '../src/ethics/registre.js';

const charter = readFileSync('ethics/charter.md', 'utf8');
const policyText = readFileSync('ethics/policy.yaml', 'utf8');

function ethicsWith(edit: (text: string) => string) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-registre-'));
  writeFileSync(path.join(directory, 'charter.md'), charter);
  writeFileSync(path.join(directory, 'policy.yaml'), edit(policyText));
  return directory;
}

describe('ethics/registre.md, the record of processing activities', () => {
  it('is exactly what `npm run registre` renders from the policy and the field registry (regenerate it when this fails)', () => {
    const { policy, charter: loaded } = loadEthics('ethics');
    expect(readFileSync('ethics/registre.md', 'utf8')).toBe(renderRegistre(policy, loaded));
  });

  it('follows the policy: a changed retention period or threshold changes the record', () => {
    const { policy, charter: loaded } = loadEthics(
      ethicsWith((text) => text.replace('      days: 2190\n', '      days: 1825\n').replace('minimum_count: 5', 'minimum_count: 11')),
    );
    const rendered = renderRegistre(policy, loaded);
    expect(rendered).not.toBe(readFileSync('ethics/registre.md', 'utf8'));
    expect(rendered).toContain('| Journal d’audit (traces d’accès) | 5 ans (1825 jours) | après l’enregistrement | art. 8 |');
    expect(rendered).toContain('aucun effectif de 1 à 10 n’est publié');
  });

  it('lists every encrypted column with the categories entitled to its field group, and every retention period with its article', () => {
    const text = readFileSync('ethics/registre.md', 'utf8');
    expect(text).toContain(
      '| situation | health_enc | Santé (informations de santé utiles à la situation) | médecin, infirmier, psychologue, travailleur social, éducateur, mandataire judiciaire |',
    );
    expect(text).toContain(
      '| Situation close (dossier, transitions, synthèses, préconisations) | 2 ans (730 jours) | après la clôture | art. 10 |',
    );
    expect(text).toMatch(/## 8\. Inventaire pour l’analyse d’impact/);
  });

  it('refuses a policy whose retention period lacks its article or contradicts the closed-situation rule', () => {
    const problems = (() => {
      try {
        loadEthics(
          ethicsWith((text) =>
            text
              .replace('    audit_trail:\n      article: 8\n', '    audit_trail:\n')
              .replace(
                '    closed_situation:\n      article: 10\n      days: 730',
                '    closed_situation:\n      article: 10\n      days: 700',
              ),
          ),
        );
        return [];
      } catch (error) {
        return (error as PolicyError).problems;
      }
    })();
    expect(problems).toEqual(
      expect.arrayContaining([
        'retention.periods.audit_trail.article: every rule must name the charter article it implements',
        'retention.periods.closed_situation.days: must equal retention.closed_situation_days',
      ]),
    );
  });
});
