/**
 * The bench's baseline: the same framework (NestJS 12 + TypeORM on Express), the same schema, role
 * and pool size, the same rows, and no security at all: no token, no access decision, no consent,
 * no encryption (the field groups and documents are stored as plain bytes in the *_enc columns), no
 * audit. What the secured service costs is measured against this. Its routes, under
 * /api/bare/situations, do what the service's do minus the security:
 * - GET ?limit&offset&reference: a page, newest first, with its total; `reference` is the same
 *   LIKE '%…%' on the case reference as the service's search (its only search: no search on content);
 * - GET /:id: one row, every group;
 * - POST: a saisine (the body stored as it came, unvalidated);
 * - PATCH /:id: a partial update, as the service's: the row locked, each group sent merged field by
 *   field into the stored one, saved with the ORM's save(), the row answered;
 * - POST /:id/documents (multipart `file`, stored as is) and GET /:id/documents/:documentId (its
 *   bytes, with its type and name).
 * A row written by the service (ciphertexts) is shown as base64; the bench updates and downloads
 * only rows and documents the bare service wrote itself, so neither side ever reads the other's writes
 * as its own.
 */
import {
  Body,
  Controller,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FileInterceptor, type NestExpressApplication } from '@nestjs/platform-express';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { servingConnectionOptions } from '../../src/database/database.module.js';
import { Situation, SituationDocument } from '../../src/situations/situation.entity.js';

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

  async list(limit: number, offset: number, reference?: string) {
    const builder = this.dataSource.getRepository(Situation).createQueryBuilder('situation');
    // The service's search, on the same column with the same pattern (it searches nothing else).
    if (reference) builder.where('situation.reference LIKE :reference', { reference: `%${reference}%` });
    const [rows, total] = await builder
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

  /**
   * The service's partial update without its security: the row locked for the transaction (as the
   * service's write path locks it), each group sent merged field by field into the stored JSON
   * (`null` clears a field), saved with save() as the service does, the row answered.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bare baseline takes the request body as it came, unvalidated on purpose
  async update(id: string, changes: Record<string, any>) {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(Situation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException();
      for (const group of GROUPS) {
        if (changes[group] === undefined) continue;
        const stored = open(row[COLUMN[group]]);
        const next: Record<string, unknown> = { ...(typeof stored === 'object' && stored !== null ? stored : {}) };
        for (const [key, value] of Object.entries(changes[group] as Record<string, unknown>)) {
          if (value === null) delete next[key];
          else next[key] = value;
        }
        row[COLUMN[group]] = Buffer.from(JSON.stringify(next));
      }
      if (changes.problemAreas) row.problemAreas = changes.problemAreas;
      row.updatedAt = new Date();
      await manager.save(row);
      return view(row, true);
    });
  }

  async upload(situationId: string, file: { buffer: Buffer; originalname: string; mimetype: string; size: number }) {
    const document = {
      id: randomUUID(),
      situationId,
      mediaType: file.mimetype,
      sizeBytes: file.size,
      filenameEnc: Buffer.from(file.originalname),
      contentEnc: file.buffer,
      uploadedBy: BareSituations.referrerUserId,
      uploadedAt: new Date(),
    };
    await this.dataSource.getRepository(SituationDocument).insert(document);
    return { id: document.id, mediaType: document.mediaType, sizeBytes: document.sizeBytes, filename: file.originalname };
  }

  /** The stored bytes, read as the service reads them (the content column is not loaded by default). */
  async download(situationId: string, documentId: string) {
    const document = await this.dataSource
      .getRepository(SituationDocument)
      .createQueryBuilder('document')
      .addSelect('document.contentEnc')
      .where('document.id = :documentId AND document.situation_id = :situationId', { documentId, situationId })
      .getOne();
    if (!document) throw new NotFoundException();
    return { filename: document.filenameEnc.toString('utf8'), mediaType: document.mediaType, content: document.contentEnc };
  }
}

@Controller('bare/situations')
class BareController {
  constructor(private readonly situations: BareSituations) {}

  @Get()
  list(@Query('limit') limit = '50', @Query('offset') offset = '0', @Query('reference') reference?: string) {
    return this.situations.list(Number(limit), Number(offset), reference);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.situations.get(id);
  }

  @Post()
  create(@Body() body: Record<string, unknown>) {
    return this.situations.create(body);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    return this.situations.update(id, body);
  }

  @Post(':id/documents')
  @UseInterceptors(FileInterceptor('file'))
  upload(@Param('id') id: string, @UploadedFile() file: { buffer: Buffer; originalname: string; mimetype: string; size: number }) {
    return this.situations.upload(id, file);
  }

  @Get(':id/documents/:documentId')
  async download(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const document = await this.situations.download(id, documentId);
    response.attachment(document.filename).type(document.mediaType);
    return new StreamableFile(document.content, { type: document.mediaType, length: document.content.length });
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
        entities: [Situation, SituationDocument],
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
