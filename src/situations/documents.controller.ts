import { Controller, Get, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { DocumentsService, type UploadedFile as StoredUpload } from './documents.service.js';
import { DocumentDto } from './dto/situation-output.dto.js';

@ApiTags('situations')
@ApiBearerAuth()
@Controller('situations/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @Authorize('upload_document', 'Situation')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @UploadedFile() file: StoredUpload | undefined,
  ): Promise<DocumentDto> {
    return this.documents.upload(user, id, file);
  }

  @Get()
  @Authorize('read_documents', 'Situation')
  @ApiOkResponse({ type: [DocumentDto] })
  @ApiProblems(400, 401, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<DocumentDto[]> {
    return this.documents.list(user, id);
  }

  @Get(':documentId')
  @Authorize('read_documents', 'Situation')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The decrypted document, byte for byte as uploaded.' })
  @ApiProblems(400, 401, 404)
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const document = await this.documents.download(user, id, documentId);
    // attachment() would type the response from the file name; the detected type is the truth.
    response.attachment(document.filename).type(document.mediaType);
    return new StreamableFile(document.content, { type: document.mediaType, length: document.content.length });
  }
}
