import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fileTypeFromBuffer } from 'file-type';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound, ProblemException, ProblemType } from '../common/problem.js';
import { CryptoService } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import type { DocumentDto } from './dto/situation-output.dto.js';
import { SituationDocument } from './situation.entity.js';
import { SituationsService } from './situations.service.js';

/** Accepted types, as detected from the content (the file name and declared type are ignored). */
const ACCEPTED_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb',
]);

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const cleanFilename = (name: string) =>
  // Path parts and control characters removed; the name is encrypted anyway.
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'document';

/** Documents of a case file, encrypted under the situation's data key with their own associated data. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly situations: SituationsService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
  ) {}

  async upload(user: AuthenticatedUser, situationId: string, file: UploadedFile | undefined): Promise<DocumentDto> {
    if (!file || file.size === 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.validation, 'Bad Request', 'Joignez un fichier non vide dans le champ « file ».');
    }
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ACCEPTED_TYPES.has(detected.mime)) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ProblemType.unsupportedDocumentType,
        'Unsupported Media Type',
        'Type de document refusé : PDF, images (PNG, JPEG, GIF, WebP, TIFF) et documents bureautiques seulement.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const { access } = await this.situations.authorize(user, situationId, 'upload_document', manager);
      const dek = await this.dataKeys.load(situationId, manager);
      const id = randomUUID();
      const filename = cleanFilename(file.originalname);
      const document: SituationDocument = {
        id,
        situationId,
        mediaType: detected.mime,
        sizeBytes: file.size,
        filenameEnc: this.crypto.encryptJson(dek, 'document.filename', id, filename),
        contentEnc: this.crypto.encryptBytes(dek, 'document.content', id, file.buffer),
        uploadedBy: user.id,
        uploadedAt: new Date(),
      };
      await manager.insert(SituationDocument, document);
      await this.audit.recordWithin(manager, { ...this.situations.entry('document.create', situationId, 'granted', access), resourceType: 'document', resourceId: id });
      return { id, mediaType: document.mediaType, sizeBytes: document.sizeBytes, filename, uploadedBy: user.id, uploadedAt: document.uploadedAt.toISOString() };
    });
  }

  async list(user: AuthenticatedUser, situationId: string): Promise<DocumentDto[]> {
    const { access } = await this.situations.authorize(user, situationId, 'read_documents');
    if (!access.groups.has('documents')) return [];
    const documents = await this.dataSource.getRepository(SituationDocument).find({ where: { situationId }, order: { uploadedAt: 'ASC' } });
    const dek = documents.length > 0 ? await this.dataKeys.load(situationId) : undefined;
    const items = documents.map((document) => ({
      id: document.id,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      filename: this.crypto.decryptJson<string>(dek!, 'document.filename', document.id, document.filenameEnc),
      uploadedBy: document.uploadedBy,
      uploadedAt: document.uploadedAt.toISOString(),
    }));
    await this.audit.record({ ...this.situations.entry('document.list', situationId, 'granted', access), resourceType: 'document' });
    return items;
  }

  async download(user: AuthenticatedUser, situationId: string, documentId: string): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const { access } = await this.situations.authorize(user, situationId, 'read_documents');
    const document = access.groups.has('documents')
      ? await this.dataSource
          .getRepository(SituationDocument)
          .createQueryBuilder('document')
          .addSelect('document.contentEnc')
          .where('document.id = :documentId AND document.situation_id = :situationId', { documentId, situationId })
          .getOne()
      : null;
    const entry = { ...this.situations.entry('document.download', situationId, 'granted', access), resourceType: 'document', resourceId: documentId };
    if (!document) {
      await this.audit.record({ ...entry, outcome: 'denied' });
      throw notFound();
    }
    const dek = await this.dataKeys.load(situationId);
    const content = this.crypto.decryptBytes(dek, 'document.content', document.id, document.contentEnc);
    const filename = this.crypto.decryptJson<string>(dek, 'document.filename', document.id, document.filenameEnc);
    await this.audit.record(entry);
    return { filename, mediaType: document.mediaType, content };
  }
}
