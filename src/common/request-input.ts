import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException, ProblemType, type ProblemDetails } from './problem.js';

/** Largest JSON body accepted (body-parser answers 413 above it). */
export const MAX_JSON_BODY = '256kb';
/** Deepest nesting of objects and arrays accepted in a JSON body (the deepest DTO needs 5). */
export const MAX_JSON_DEPTH = 32;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A NUL character or a UTF-16 surrogate that is not part of a pair. */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters PostgreSQL refuses in text
const FORBIDDEN_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasForbiddenCharacter = (text: string) => FORBIDDEN_CHARACTER.test(text);

const invalid = (field: string, message: string, detail: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.validation, 'Requête invalide', detail, {
    errors: [{ field, messages: [message] }],
  });

const forbiddenCharacter = (field: string) =>
  invalid(
    field,
    `${field} contient un caractère interdit (NUL ou demi-paire UTF-16 isolée)`,
    'La requête contient un caractère interdit (NUL ou demi-paire UTF-16 isolée).',
  );

const fieldPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Walks a parsed JSON value without recursion (a body nested 100,000 deep must not overflow the
 * stack here, nor reach class-transformer, which recurses), and throws a 400 problem naming the
 * first field that is nested too deep or holds a forbidden character (in a value or a key).
 */
export function inspectJson(value: unknown, root = 'body', maxDepth = MAX_JSON_DEPTH): void {
  const stack: { value: unknown; path: string; field: string; depth: number }[] = [{ value, path: '', field: root, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (hasForbiddenCharacter(node.value)) throw forbiddenCharacter(node.path || root);
      continue;
    }
    if (node.value === null || typeof node.value !== 'object') continue;
    const depth = node.depth + 1;
    if (depth > maxDepth) {
      // Named by the top-level field that holds the nesting: the full path would be as deep.
      throw invalid(
        node.field,
        `${node.field} est imbriqué trop profondément`,
        `La requête est imbriquée trop profondément (au plus ${maxDepth} niveaux).`,
      );
    }
    if (Array.isArray(node.value)) {
      node.value.forEach((item, index) =>
        stack.push({ value: item, path: fieldPath(node.path, index), field: node.path ? node.field : `${root}[${index}]`, depth }),
      );
      continue;
    }
    for (const [key, item] of Object.entries(node.value)) {
      const path = fieldPath(node.path, key);
      // A bad key is not echoed back: the object holding it is named instead.
      if (hasForbiddenCharacter(key)) throw forbiddenCharacter(node.path || root);
      stack.push({ value: item, path, field: node.path ? node.field : key, depth });
    }
  }
}

const isJson = (request: Request) => Boolean(request.is(['application/json', 'application/*+json']));
const isMultipart = (request: Request) => Boolean(request.is('multipart/form-data'));

/**
 * Refuses a write whose body is neither JSON nor a multipart upload (415): the API does not read
 * forms or text, so such a body could only be misread as empty.
 */
export function requireJsonOrMultipart(request: Request, _response: Response, next: NextFunction): void {
  if (WRITE_METHODS.has(request.method) && hasBody(request) && !isJson(request) && !isMultipart(request)) {
    next(
      new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ProblemType.unsupportedMediaType,
        'Type de contenu non pris en charge',
        'Le corps de la requête doit être du JSON (Content-Type: application/json), ou multipart/form-data pour un document.',
      ),
    );
    return;
  }
  next();
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Runs after the JSON body parser: the body must be a JSON object (every endpoint takes one), no
 * deeper than MAX_JSON_DEPTH, and no string anywhere in the body, the query string or the path may
 * hold a NUL character or a lone UTF-16 surrogate (PostgreSQL refuses the first, and the second
 * cannot be stored as UTF-8 without being silently altered).
 */
export function inspectRequestInput(request: Request, _response: Response, next: NextFunction): void {
  try {
    inspectPath(request.path);
    inspectJson(request.query, 'query');
    if (isJson(request) && request.body !== undefined) {
      if (request.body === null || typeof request.body !== 'object' || Array.isArray(request.body)) {
        throw invalid('body', 'le corps doit être un objet JSON', 'Le corps de la requête doit être un objet JSON.');
      }
      inspectJson(request.body);
    }
    next();
  } catch (error) {
    next(error);
  }
}

function inspectPath(path: string): void {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw invalid('path', 'le chemin est mal encodé', "Le chemin de la requête n'est pas un encodage UTF-8 valide.");
    }
    if (hasForbiddenCharacter(decoded)) throw forbiddenCharacter('path');
  }
}

const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.too.large': `Le corps de la requête est trop volumineux (${MAX_JSON_BODY.replace('kb', ' Ko')} au plus pour du JSON).`,
  'charset.unsupported': 'Le jeu de caractères du corps de la requête doit être UTF-8.',
  'encoding.unsupported': "L'encodage (Content-Encoding) du corps de la requête n'est pas pris en charge.",
  'request.size.invalid': 'La taille du corps de la requête ne correspond pas à son en-tête Content-Length.',
  'request.aborted': 'La requête a été interrompue avant la fin de son corps.',
};

/**
 * The problem for an error of body-parser (too large, wrong charset...), which the Express adapter
 * wraps in an HttpException; its own message is English and may quote the request.
 */
export function problemFromBodyParserError(cause: unknown, status: number): ProblemDetails | undefined {
  const type = (cause as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || !(type in BODY_PARSER_DETAILS)) return undefined;
  const problemType =
    status === 413 ? ProblemType.payloadTooLarge : status === 415 ? ProblemType.unsupportedMediaType : ProblemType.validation;
  const title = status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
  return { type: problemType, title, status, detail: BODY_PARSER_DETAILS[type] };
}
