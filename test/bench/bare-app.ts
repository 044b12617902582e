/**
 * The bench's baseline: the same framework (NestJS 12 + TypeORM on Express), the same schema, role
 * and pool size, the same rows, and no security at all: no token, no access decision, no consent,
 * no encryption (the field groups are stored as plain JSON bytes in the *_enc columns), no audit.
 * What the secured service costs is measured against this.
 */
import { Body, Controller, Get, Injectable, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { servingConnectionOptions } from '../../src/database/database.module.js';
import { Situation } from '../../src/situations/situation.entity.js';

const GROUPS = ['identity', 'contact', 'social', 'health', 'narrative'] as const;
const COLUMN = {
  identity: 'identityEnc',
  contact: 'contactEnc',
  social: 'socialEnc',
  health: 'healthEnc',
  narrative: 'narrativeEnc',
} as const;

const open = (bytes: Buffer): unknown => {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    // A row the secured service wrote: ciphertext, shown as it is.
    return bytes.toString('base64');
  }
};

function view(row: Situation, withGroups: boolean) {
  const base = {
    id: row.id,
    reference: row.reference,
    status: row.status,
    year: row.year,
    problemAreas: row.problemAreas,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (!withGroups) return { ...base, identity: open(row.identityEnc) };
  return { ...base, ...Object.fromEntries(GROUPS.map((group) => [group, open(row[COLUMN[group]])])) };
}

@Injectable()
class BareSituations {
  /** Whose name the bare service writes situations under (the schema wants a real user). */
  static referrerUserId: string;

  constructor(@InjectDataSource('cellule') private readonly dataSource: DataSource) {}

  async get(id: string) {
    const row = await this.dataSource.getRepository(Situation).findOneBy({ id });
    return row ? view(row, true) : undefined;
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.dataSource
      .getRepository(Situation)
      .createQueryBuilder('situation')
      .orderBy('situation.created_at', 'DESC')
      .addOrderBy('situation.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: rows.map((row) => view(row, false)), total, limit, offset };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bare baseline stores the request body as it came, unvalidated on purpose
  async create(input: Record<string, any>) {
    return this.dataSource.transaction(async (manager) => {
      const year = new Date().getFullYear();
      const [counter] = await manager.query<{ last: number }[]>(
        `INSERT INTO cellule.reference_counter AS c (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = c.last + 1 RETURNING last`,
        [year],
      );
      const now = new Date();
      const bytes = (value: unknown) => Buffer.from(JSON.stringify(value ?? {}));
      const row = manager.create(Situation, {
        id: randomUUID(),
        reference: `CC-${year}-${String(counter.last).padStart(4, '0')}`,
        year,
        status: 'submitted',
        problemAreas: input.problemAreas,
        birthDecade: Math.floor(Number(String(input.identity?.birthDate ?? '1980').slice(0, 4)) / 10) * 10,
        referrerUserId: BareSituations.referrerUserId,
        referrerOrganizationId: null,
        blindIndex: 0,
        closureOutcome: null,
        redirectedTo: null,
        identityEnc: bytes(input.identity),
        contactEnc: bytes(input.contact),
        socialEnc: bytes(input.social),
        healthEnc: bytes(input.health),
        narrativeEnc: bytes(input.narrative),
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Situation, row);
      return view(row, true);
    });
  }
}

@Controller('bare/situations')
class BareController {
  constructor(private readonly situations: BareSituations) {}

  @Get()
  list(@Query('limit') limit = '20', @Query('offset') offset = '0') {
    return this.situations.list(Number(limit), Number(offset));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.situations.get(id);
  }

  @Post()
  create(@Body() body: Record<string, unknown>) {
    return this.situations.create(body);
  }
}

export interface BareApp {
  url: string;
  close: () => Promise<void>;
}

/** Starts the baseline on the loopback interface, on the database `config` names. */
export async function startBareApp(config: AppConfig, referrerUserId: string): Promise<BareApp> {
  BareSituations.referrerUserId = referrerUserId;
  @Module({
    imports: [
      TypeOrmModule.forRoot({
        ...servingConnectionOptions(config.database, config.timeZone, 'cellule'),
        name: 'cellule',
        autoLoadEntities: false,
        entities: [Situation],
      }),
    ],
    controllers: [BareController],
    providers: [BareSituations],
  })
  class BareModule {}
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/bare/situations`, close: () => app.close() };
}
