import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type HeaderObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  type ServerObject,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ACCESS_METADATA, type AccessRequirement } from './common/access.decorators.js';
import { CSRF_HEADER } from './auth/refresh-cookie.js';
import { OPERATION_SUMMARIES } from './openapi-summaries.js';
import { PROBLEM_DESCRIPTIONS, ProblemDto } from './common/api-problems.decorator.js';

/** Stable operation ids: `<Controller class>_<handler>`, the default, made explicit. */
export const operationIdOf = (controllerKey: string, methodKey: string) => `${controllerKey}_${methodKey}`;

/** Only /api/auth/* is rate limited by the service (configure-app.ts): these are its headers. */
const RATE_LIMITED_PREFIX = '/api/auth/';

const API_PROPERTY = 'swagger/apiModelProperties';

/** What class-validator stores for a decorator (its ValidationMetadata, not exported). */
interface ValidationMetadata {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/** Upper bounds that follow from a string format (the service produces or validates these forms). */
const FORMAT_MAX_LENGTH: Record<string, number> = {
  uuid: 36,
  date: 10,
  // 2026-11-29T14:20:44.123456+01:00 (32), with room for an extended year.
  'date-time': 35,
  // RFC 5321: a forward path holds at most 256 octets, the address 254.
  email: 254,
};

/**
 * The OpenAPI document the service publishes at /api/docs-json (`npm run openapi` writes it without a
 * database, `npm run lint:api` lints it). Beyond the decorators it states, for every operation:
 * - the limits class-validator enforces (length, range, pattern, array size, format), read from the
 *   validation metadata so that the contract and the checks cannot drift apart;
 * - the security its access declaration requires (`@Public()` routes have none);
 * - the problem+json answers every route can give: 400 (input), 401 (token), 403 (role or charter),
 *   404 (unknown or not visible), 413 and 415 (bodies), 429 (/api/auth/*), 500 (unexpected).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  applyValidationLimits();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('clsm-cellule')
      .setDescription("API of a CLSM's complex-case commission. Errors are RFC 9457 problem+json documents.")
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Access token from POST /api/auth/login then the second factor. JWT handled as RFC8725 ' +
          'recommends: HS256 only (the algorithm is fixed when verifying, never read from the token), ' +
          'short-lived, checked against the session at every request.',
      })
      .build(),
    { operationIdFactory: operationIdOf },
  );
  // One origin serves the console and the API, in production as in a local run.
  document.servers = [
    {
      url: '/',
      description: 'This service (production or local): the console and the API share its origin',
      'x-internal': false,
    } as ServerObject,
  ];
  completeOperations(document, accessByOperationId(app));
  walkSchemas(document, limitFromFormat);
  return document;
}

/** Copies class-validator constraints into the Swagger property metadata (what the CLI plugin would do). */
function applyValidationLimits(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, ValidationMetadata[]> };
  for (const [target, metadatas] of storage.validationMetadatas) {
    const prototype = (target as { prototype?: object }).prototype;
    if (!prototype) continue;
    for (const metadata of metadatas) {
      const property = Reflect.getMetadata(API_PROPERTY, prototype, metadata.propertyName) as Record<string, unknown> | undefined;
      if (!property || metadata.each) continue;
      const limits = limitsOf(metadata, property);
      const missing = Object.fromEntries(Object.entries(limits).filter(([key]) => property[key] === undefined));
      if (Object.keys(missing).length > 0) {
        Reflect.defineMetadata(API_PROPERTY, { ...property, ...missing }, prototype, metadata.propertyName);
      }
    }
  }
}

function limitsOf(metadata: ValidationMetadata, property: Record<string, unknown>): Record<string, unknown> {
  const [first, second] = metadata.constraints ?? [];
  switch (metadata.name) {
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'isLength':
      return second === undefined ? { minLength: first } : { minLength: first, maxLength: second };
    case 'max':
      return { maximum: first };
    case 'min':
      return { minimum: first };
    case 'isInt':
      return property.type === undefined || property.type === Number || property.type === 'number' ? { type: 'integer' } : {};
    case 'isUUID':
      return { format: 'uuid' };
    case 'isEmail':
      return { format: 'email' };
    case 'isCalendarDate':
      return { format: 'date' };
    case 'isIsoDateTime':
      return { format: 'date-time' };
    case 'matches':
      // A case-insensitive or multi-line expression is not a JSON Schema pattern: left out.
      return first instanceof RegExp && first.flags.replace(/[gu]/g, '') === '' ? { pattern: first.source } : {};
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'isIn':
      return Array.isArray(first) ? { enum: first } : {};
    default:
      return {};
  }
}

/** The access declaration of every handler, by operation id. */
function accessByOperationId(app: INestApplication): Map<string, AccessRequirement | undefined> {
  const byId = new Map<string, AccessRequirement | undefined>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller)) as
          AccessRequirement | undefined;
        byId.set(operationIdOf(controller.name, name), access);
      }
    }
  }
  return byId;
}

const problem = (status: number): ResponseObject => ({
  description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
  content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
});

const RATE_LIMIT_HEADERS: Record<string, HeaderObject> = {
  RateLimit: {
    description: 'Remaining requests in the current window (IETF draft 7: `limit=30, remaining=29, reset=60`).',
    schema: { type: 'string', maxLength: 100, pattern: '^limit=\\d+, remaining=\\d+, reset=\\d+$' },
  },
  'RateLimit-Policy': {
    description: 'The policy: requests per window of 60 seconds (`30;w=60`).',
    schema: { type: 'string', maxLength: 100, pattern: '^\\d+;w=\\d+$' },
  },
};

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again.',
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
};

function completeOperations(document: OpenAPIObject, access: Map<string, AccessRequirement | undefined>): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const requirement = access.get(operation.operationId ?? '');
      operation.summary ??= OPERATION_SUMMARIES[operation.operationId ?? ''];
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const statuses = new Set<number>([500]);
      if (requirement?.kind === 'public') {
        operation.security = [];
      } else {
        operation.security = [{ bearer: [] }];
        statuses.add(401);
      }
      if (requirement?.kind === 'roles' || requirement?.kind === 'subject') statuses.add(403);
      if (requirement?.kind === 'subject' || parameters.some((parameter) => parameter.in === 'path')) statuses.add(404);
      // Every route refuses a malformed path or query string (NUL, lone surrogate: request-input.ts).
      statuses.add(400);
      for (const parameter of parameters) {
        // Every path parameter is an id read through ParseUUIDPipe.
        if (parameter.in === 'path' && parameter.schema && !('$ref' in parameter.schema)) parameter.schema.format ??= 'uuid';
        // The CSRF cookie's value (refresh-cookie.ts: 32 random bytes, base64url); any other value is refused.
        if (
          parameter.in === 'header' &&
          parameter.name.toLowerCase() === CSRF_HEADER &&
          parameter.schema &&
          !('$ref' in parameter.schema)
        ) {
          Object.assign(parameter.schema, { minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]{43}$' });
        }
      }
      if (operation.requestBody) {
        statuses.add(413);
        statuses.add(415);
      }
      const rateLimited = path.startsWith(RATE_LIMITED_PREFIX);
      if (rateLimited) statuses.add(429);
      for (const status of statuses) operation.responses[status] ??= problem(status);
      // Every error leaves through the problem filter, whatever a library decorator declared (terminus's
      // @HealthCheck() describes its 503 as its own JSON body, once @nestjs/swagger loads from it on Node 24).
      for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject | ReferenceObject][]) {
        if (/^[45]/.test(status) && !('$ref' in response) && !response.content?.['application/problem+json'])
          operation.responses[status] = {
            ...problem(Number(status)),
            description: response.description || problem(Number(status)).description,
          };
      }
      const tooMany = operation.responses[429] as ResponseObject | undefined;
      if (tooMany && !('$ref' in tooMany)) tooMany.headers = { 'Retry-After': RETRY_AFTER, ...tooMany.headers };
      if (rateLimited) {
        for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject | ReferenceObject][]) {
          if (/^[24]/.test(status) && !('$ref' in response)) response.headers = { ...RATE_LIMIT_HEADERS, ...response.headers };
        }
      }
    }
  }
}

/** Visits every schema object of the document (components, parameters, bodies, responses, headers). */
function walkSchemas(node: unknown, visit: (schema: SchemaObject) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walkSchemas(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.type === 'string') visit(record);
  for (const value of Object.values(record)) walkSchemas(value, visit);
}

function limitFromFormat(schema: SchemaObject | ReferenceObject): void {
  if ('$ref' in schema) return;
  if (schema.type === 'string' && schema.format && schema.maxLength === undefined && schema.enum === undefined) {
    const maxLength = FORMAT_MAX_LENGTH[schema.format];
    if (maxLength !== undefined) schema.maxLength = maxLength;
  }
  if (schema.type === 'integer' && schema.format === undefined) {
    const fits32 = (schema.maximum ?? Infinity) <= 2 ** 31 - 1 && (schema.minimum ?? -Infinity) >= -(2 ** 31);
    schema.format = fits32 ? 'int32' : 'int64';
  }
}
