import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEthics } from './policy.js';
import { renderRegistre } from './registre.js';

/** `npm run registre`: writes ethics/registre.md from ethics/policy.yaml and the field registry. */
const directory = process.env.ETHICS_DIR ?? 'ethics';
const { policy, charter } = loadEthics(directory);
const target = path.join(directory, 'registre.md');
writeFileSync(target, renderRegistre(policy, charter));
process.stdout.write(`${target} written\n`);
