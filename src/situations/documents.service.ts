import { HttpStatus, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound, ProblemException, ProblemType } from '../common/problem.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import type { DocumentDto } from './dto/situation-output.dto.js';
import { SituationDocument } from './situation.entity.js';
import { entry } from './situations.service.js';

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
  // eslint-disable-next-line no-control-regex -- removing control characters is the point of this pattern
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'document';

/** Documents of a case file, encrypted under the situation's data key with their own associated data. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly clock: Clock,
  ) {}

  async upload(user: AuthenticatedUser, situationId: string, file: UploadedFile | undefined): Promise<DocumentDto> {
    if (!file || file.size === 0) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        ProblemType.validation,
        'Fichier manquant',
        'Joignez un fichier non vide dans le champ « file ».',
      );
    }
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ACCEPTED_TYPES.has(detected.mime)) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ProblemType.unsupportedDocumentType,
        'Type de document refusé',
        'Type de document refusé : PDF, images (PNG, JPEG, GIF, WebP, TIFF) et documents bureautiques seulement.',
      );
    }
    const { access } = await this.cases.situation(user, 'upload_document', situationId);
    const manager = await this.cases.manager();
    const id = randomUUID();
    const filename = cleanFilename(file.originalname);
    const document: SituationDocument = {
      id,
      situationId,
      mediaType: detected.mime,
      sizeBytes: file.size,
      filenameEnc: await this.cases.seal(situationId, 'document.filename', id, filename),
      contentEnc: await this.cases.sealBytes(situationId, 'document.content', id, file.buffer),
      uploadedBy: user.id,
      uploadedAt: this.clock.now(),
    };
    await manager.insert(SituationDocument, document);
    this.cases.record({ ...entry('document.create', situationId, access), resourceType: 'document', resourceId: id });
    return {
      id,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      filename,
      uploadedBy: user.id,
      uploadedAt: document.uploadedAt.toISOString(),
    };
  }

  async list(user: AuthenticatedUser, situationId: string): Promise<DocumentDto[]> {
    const { access } = await this.cases.situation(user, 'read_documents', situationId);
    if (!access.groups.has('documents')) return [];
    const manager = await this.cases.manager();
    const documents = await manager.find(SituationDocument, { where: { situationId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    const reader = await this.cases.reader([access], 'document.list');
    const items = documents.map((document) => ({
      id: document.id,
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      filename: reader.read<string>(access, 'document.filename', document.id, document.filenameEnc)!,
      uploadedBy: document.uploadedBy,
      uploadedAt: document.uploadedAt.toISOString(),
    }));
    this.cases.record({ ...entry('document.list', situationId, access), resourceType: 'document' });
    return items;
  }

  async download(
    user: AuthenticatedUser,
    situationId: string,
    documentId: string,
  ): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const { access } = await this.cases.situation(user, 'read_documents', situationId);
    const manager = await this.cases.manager();
    const document = access.groups.has('documents')
      ? await manager
          .createQueryBuilder(SituationDocument, 'document')
          .addSelect('document.contentEnc')
          .where('document.id = :documentId AND document.situation_id = :situationId', { documentId, situationId })
          .getOne()
      : null;
    const audited = { ...entry('document.download', situationId, access), resourceType: 'document', resourceId: documentId };
    if (!document) {
      this.cases.deny(audited);
      throw notFound();
    }
    const reader = await this.cases.reader([access], 'document.download');
    const content = reader.bytes(access, 'document.content', document.id, document.contentEnc)!;
    const filename = reader.read<string>(access, 'document.filename', document.id, document.filenameEnc)!;
    this.cases.record(audited);
    return { filename, mediaType: document.mediaType, content };
  }
}
