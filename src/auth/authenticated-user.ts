import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ProfessionalCategory, Role } from '../directory/roles.js';

/** Who is calling, as loaded from the database on every request (never trusted from the token). */
export interface AuthenticatedUser {
  id: string;
  roles: Role[];
  organizationId: string | null;
  professionalCategory: ProfessionalCategory;
  /** The login session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
