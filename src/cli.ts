import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { createInterface } from 'node:readline/promises';
import { AppModule } from './app.module.js';
import { AuditVerifierService } from './audit/audit-verifier.service.js';
import { KeyRotationService } from './crypto/key-rotation.service.js';
import { ConfigurationError } from './config/environment.js';
import { prepareRuntime } from './database/runtime.js';
import { DirectoryService } from './directory/directory.service.js';
import { RetentionService } from './rights/retention.service.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  create-admin <email>   Create the first administrator (or reset an administrator's password).
                         Password from CELLULE_ADMIN_PASSWORD, or prompted when interactive.
  verify-audit           Check every link, hash, MAC and checkpoint signature of the audit trail,
                         streaming it in batches (AUDIT_VERIFY_BATCH rows, default 5000) with
                         constant memory. Prints the first broken entry (seq, kind, problem).
                         Exit code 0 when intact, 3 when broken.
  rotate-master-key      Add a new master key version, re-wrap every situation's data key under it
                         while the service keeps serving, then retire the old versions.
  apply-retention        Crypto-shred every closed, rejected or redirected situation whose retention
                         period (ethics/policy.yaml) has run out, unless under legal hold; tombstones
                         stay for the statistics. Each destruction is audited.
`;

const ARITY: Record<string, number> = { 'create-admin': 1, 'verify-audit': 0, 'rotate-master-key': 0, 'apply-retention': 0 };

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.CELLULE_ADMIN_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new Error('Set CELLULE_ADMIN_PASSWORD (no terminal to prompt for the password).');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await prompt.question('Password (12 characters at least): ');
  } finally {
    prompt.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (ARITY[command] !== args.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  const batch = process.env.AUDIT_VERIFY_BATCH;
  if (command === 'verify-audit' && batch !== undefined && !/^[1-9]\d{0,5}$/.test(batch)) {
    throw new ConfigurationError(['AUDIT_VERIFY_BATCH must be a whole number of rows (1 to 999999).']);
  }
  const logger = pino({ level: process.env.LOG_LEVEL || 'warn', name: 'cli' });
  const runtime = await prepareRuntime(process.env, logger);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(runtime.config, { jobs: false }), { logger: ['error'] });
  try {
    if (command === 'verify-audit') {
      const report = await app.get(AuditVerifierService).verify({ batchSize: batch ? Number(batch) : undefined });
      out(JSON.stringify(report, null, 2));
      return report.valid ? 0 : 3;
    }
    if (command === 'rotate-master-key') {
      const graceMs = Number(process.env.KEY_ROTATION_GRACE_MS ?? 2000);
      const { newVersion, rewrapped } = await app.get(KeyRotationService).rotate(graceMs);
      out(`Master key rotated to version ${newVersion}: ${rewrapped} data keys re-wrapped, older versions retired.`);
      return 0;
    }
    if (command === 'apply-retention') {
      const destroyed = await app.get(RetentionService).runOnce();
      out(`Retention applied: ${destroyed.length} situation(s) destroyed.`);
      return 0;
    }
    const password = await readPassword();
    const { user, created } = await app.get(DirectoryService).createOrResetAdministrator(args[0], password);
    out(`${created ? 'Created' : 'Updated'} administrator ${user.email} (${user.id}).`);
    return 0;
  } finally {
    await app.close();
    await runtime.shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigurationError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof HttpException) {
      process.stderr.write(`${(error.getResponse() as { detail?: string }).detail ?? error.message}\n`);
    } else process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
