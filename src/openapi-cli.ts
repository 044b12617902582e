import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { openApiDocumentWithoutDatabase } from './openapi-preview.js';

/** `npm run openapi`: writes the OpenAPI document to the file given (stdout without one), no database needed. */
const json = `${JSON.stringify(await openApiDocumentWithoutDatabase(), null, 2)}\n`;
const target = process.argv[2];
if (target) writeFileSync(target, json);
else process.stdout.write(json);
