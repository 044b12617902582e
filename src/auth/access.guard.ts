import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_METADATA, AccessRequirement } from '../common/access.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Global guard, deny by default: a route without an access declaration is refused; otherwise the
 * bearer token is required unless the route is public, and the declared roles are checked.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AccessRequirement | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) throw new ForbiddenException('This route declares no access rule.');
    if (requirement.kind === 'public') return true;
    await super.canActivate(context);
    if (requirement.kind === 'roles') {
      const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
      if (!requirement.roles.some((role) => user.roles.includes(role))) {
        throw new ForbiddenException("Votre rôle ne permet pas cette action.");
      }
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) {
      throw error instanceof UnauthorizedException
        ? error
        : new UnauthorizedException('Authentification requise (jeton absent, invalide ou expiré).');
    }
    return user;
  }
}
