import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Role } from '../directory/roles.js';

/** What the audit trail needs to know about the request being served. */
export interface RequestContext {
  requestId: string | null;
  clientAddress: string | null;
  user?: AuthenticatedUser;
  /** The role that satisfied the route's access rule. */
  roleUsed?: Role;
  /** The caller's situation ability, built once per request by the access module. */
  situationAccess?: unknown;
  /** The request's unit of work (src/database/unit-of-work.ts). */
  unit?: unknown;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

/** Runs `work` in a context of its own (command line, jobs, tests): what the middleware does for requests. */
export const runInContext = <T>(context: RequestContext, work: () => T): T => storage.run(context, work);

/** Opens the request's context; the access guard adds the user once authenticated. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const requestId = typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : null;
    storage.run({ requestId, clientAddress: request.ip ?? null }, next);
  }
}
