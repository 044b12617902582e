import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IntegrityError, ShreddedError } from '../crypto/crypto.service.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../database/database-errors.js';
import { problemFromDatabaseError } from './database-constraint-errors.js';
import { ProblemDetails, ProblemException, ProblemType } from './problem.js';
import { frenchDetail, frenchTitle, TITLE_BY_STATUS } from './problem-words.js';
import { problemFromBodyParserError } from './request-input.js';

const TYPE_BY_STATUS: Record<number, string> = {
  400: ProblemType.validation,
  401: ProblemType.unauthenticated,
  403: ProblemType.forbidden,
  404: ProblemType.notFound,
  409: ProblemType.conflict,
  413: ProblemType.payloadTooLarge,
  415: ProblemType.unsupportedDocumentType,
  429: ProblemType.tooManyRequests,
};

/** Errors thrown by body-parser before Nest sees the request (malformed JSON, too large). */
interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Every error leaves as RFC 9457 problem+json. Client mistakes keep their 4xx status; anything
 * unexpected becomes a generic 500 whose body reveals nothing (the log has the details, never
 * request bodies).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    // An unreachable, refusing or frozen database is a 503 with Retry-After, whatever the route.
    const problem = this.toProblem(isDatabaseUnavailable(exception) ? databaseUnavailable() : exception);
    // Words for people in French, whatever module or library raised the problem.
    problem.title = frenchTitle(problem.title, problem.status);
    problem.detail = frenchDetail(problem.detail, problem.status);
    problem.instance = request.originalUrl?.split('?')[0];
    // The id of this request's log line (X-Request-Id): what a person quotes to the support team.
    if (typeof request.id === 'string' || typeof request.id === 'number') problem.requestId = String(request.id);
    if (problem.status >= 500) this.logger.error({ error: loggable(exception), requestId: request.id }, 'Unhandled error');
    if (response.headersSent) return;
    const retryAfter = problem['retryAfterSeconds'];
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      const body = exception.getResponse() as { title: string; detail?: string };
      return {
        type: exception.problemType,
        title: body.title,
        status: exception.getStatus(),
        detail: body.detail,
        ...exception.extensions,
      };
    }
    if (exception instanceof IntegrityError) {
      // Never the wrong data: a ciphertext that fails authentication stops the read.
      return {
        type: ProblemType.integrity,
        title: 'Donnée chiffrée non authentifiée',
        status: 500,
        detail: "Une donnée chiffrée de ce dossier ne peut pas être authentifiée : elle n'est pas affichée. L'incident est journalisé.",
      };
    }
    if (exception instanceof ShreddedError) {
      return {
        type: ProblemType.destroyed,
        title: 'Dossier détruit',
        status: 410,
        detail: 'Ce dossier a été détruit (durée de conservation échue) : son contenu ne peut plus être lu.',
        ...(exception.situationId ? { situationId: exception.situationId } : {}),
      };
    }
    if (exception instanceof HttpException && exception.cause instanceof SyntaxError) {
      // The Express adapter wraps body-parser's JSON errors; their message quotes the body.
      return {
        type: ProblemType.malformedBody,
        title: TITLE_BY_STATUS[400],
        status: 400,
        detail: "Le corps de la requête n'est pas du JSON valide.",
      };
    }
    if (exception instanceof HttpException && exception.cause instanceof URIError) {
      // Express could not decode a path parameter; its message quotes the path.
      return {
        type: ProblemType.validation,
        title: TITLE_BY_STATUS[400],
        status: 400,
        detail: "Le chemin de la requête n'est pas un encodage UTF-8 valide.",
      };
    }
    const bodyProblem = exception instanceof HttpException ? problemFromBodyParserError(exception.cause, exception.getStatus()) : undefined;
    if (bodyProblem) return bodyProblem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const title = TITLE_BY_STATUS[status] ?? (status >= 500 ? TITLE_BY_STATUS[500] : TITLE_BY_STATUS[400]);
      const problem: ProblemDetails = { type: TYPE_BY_STATUS[status] ?? 'about:blank', title, status };
      if (typeof body === 'object' && body !== null) {
        const { message, errors } = body as { message?: unknown; errors?: ProblemDetails['errors'] };
        if (errors) problem.errors = errors;
        if (typeof message === 'string') problem.detail = message;
        else if (Array.isArray(message)) problem.detail = message.join('; ');
      } else if (typeof body === 'string') {
        problem.detail = body;
      }
      return problem;
    }
    // A PostgreSQL refusal caused by the input (unknown id, duplicate, NUL byte...) is the client's mistake.
    const databaseProblem = problemFromDatabaseError(exception);
    if (databaseProblem) return databaseProblem;
    const httpError = exception as HttpError;
    const status = httpError?.status ?? httpError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (httpError.type === 'entity.parse.failed') {
        return {
          type: ProblemType.malformedBody,
          title: TITLE_BY_STATUS[400],
          status: 400,
          detail: "Le corps de la requête n'est pas du JSON valide.",
        };
      }
      if (httpError.type === 'entity.too.large') {
        return {
          type: ProblemType.payloadTooLarge,
          title: TITLE_BY_STATUS[413],
          status: 413,
          detail: 'Le corps de la requête est trop volumineux (256 Ko au plus pour du JSON).',
        };
      }
      return { type: TYPE_BY_STATUS[status] ?? 'about:blank', title: TITLE_BY_STATUS[400], status };
    }
    return {
      type: ProblemType.internal,
      title: TITLE_BY_STATUS[500],
      status: 500,
      detail:
        'Une erreur inattendue est survenue. Elle est journalisée avec l’identifiant de la requête (requestId) : communiquez-le au support si elle se répète.',
    };
  }
}

/**
 * What may be logged of an error: its kind, the PostgreSQL code and where it happened. Never its
 * message or properties: a failed query carries its parameters (e-mails, ciphertexts), and
 * PostgreSQL messages quote the offending values.
 */
export function loggable(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { kind: typeof exception };
  const driverCode =
    (exception as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (exception as { code?: string }).code;
  return {
    kind: exception.name,
    ...(typeof driverCode === 'string' ? { code: driverCode } : {}),
    frames: exception.stack
      ?.split('\n')
      .slice(1, 8)
      .map((frame) => frame.trim()),
  };
}
