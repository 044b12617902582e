import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ProblemFieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ type: [String], example: ['email must be an email'] })
  messages: string[];
}

/** RFC 9457 problem document, as every error of this API is answered. */
export class ProblemDto {
  @ApiProperty({ example: 'https://clsm-cellule.fr/problems/validation' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/api/users' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorDto] })
  errors?: ProblemFieldErrorDto[];

  @ApiPropertyOptional({ description: 'Id of the request in the service logs (also the X-Request-Id header).' })
  requestId?: string;
}

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (problem+json, with field errors); nothing was changed.',
  401: 'Missing, invalid or expired credentials.',
  403: 'Authenticated but not allowed.',
  404: 'Not found, or not visible to you.',
  409: 'Conflicts with the current state.',
  413: 'Body too large (JSON above 256 KB, or a document above the configured size).',
  415: 'Body neither JSON nor multipart/form-data (or a document of a type not accepted).',
  422: 'Well-formed but refused by a business rule.',
  429: 'Too many requests or attempts; see Retry-After.',
  500: 'Unexpected error; the details are in the service log only (see requestId).',
};

/** Documents the problem+json answers a route may give. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
