import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuditService } from '../audit/audit.service.js';
import { ACCESS_METADATA, AccessRequirement } from '../common/access.decorators.js';
import { currentRequestContext } from '../common/request-context.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Global guard, deny by default: a route without an access declaration is refused; otherwise the
 * bearer token is required unless the route is public, and the declared roles are checked.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {
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
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    const requestContext = currentRequestContext();
    if (requestContext) requestContext.user = user;
    if (requirement.kind === 'roles') {
      const roleUsed = requirement.roles.find((role) => user.roles.includes(role));
      if (!roleUsed) {
        await this.audit.record({ action: 'access.denied', resourceType: routeResource(context), outcome: 'denied' });
        throw new ForbiddenException('Votre rôle ne permet pas cette action.');
      }
      if (requestContext) requestContext.roleUsed = roleUsed;
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

/** The controller's path as an audit resource code ('users', 'audit', ...). */
function routeResource(context: ExecutionContext): string {
  const path = String([Reflect.getMetadata(PATH_METADATA, context.getClass()) ?? 'route'].flat()[0]);
  return path.toLowerCase().replace(/[^a-z]+/g, '_').replace(/^_+|_+$/g, '') || 'route';
}
