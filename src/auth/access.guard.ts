import { ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { EthicsService } from '../ethics/ethics.service.js';
import { ACCESS_METADATA, AccessRequirement } from '../common/access.decorators.js';
import { currentRequestContext } from '../common/request-context.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { SecondFactorService } from './second-factor.service.js';

/**
 * Global guard, deny by default: a route without an access declaration is refused; otherwise the
 * bearer token is required unless the route is public, and the declared roles are checked.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly ethics: EthicsService,
    private readonly secondFactor: SecondFactorService,
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
    if (requirement.kind === 'second_factor') {
      const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; mfaChallenge?: unknown }>();
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const challenge = bearer ? await this.secondFactor.readChallenge(bearer) : undefined;
      // Otherwise an access token: a signed-in user setting up a factor.
      if (challenge) {
        request.mfaChallenge = challenge;
        return true;
      }
    }
    try {
      await super.canActivate(context);
    } catch (error) {
      // Every refusal is traced, an unknown caller's too: no actor, the client address only.
      if (error instanceof UnauthorizedException) {
        await this.audit.record({
          action: 'auth.token_refused',
          resourceType: routeResource(context),
          outcome: 'denied',
          actor: { userId: null, role: null, organizationId: null },
        });
      }
      throw error;
    }
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
      if (requirement.charter) await this.ethics.assertAccepted(user);
    }
    if (requirement.kind === 'subject') {
      const roleUsed = this.access.rolesFor(requirement.subject, requirement.action).find((role) => user.roles.includes(role));
      if (!roleUsed) {
        // Case data: a caller who may never see it is not told that it exists.
        const id = context.switchToHttp().getRequest<{ params: Record<string, string> }>().params.id;
        const resourceId = id && UUID.test(id) ? id : null;
        const resourceType = requirement.subject.toLowerCase();
        await this.audit.record({
          action: `${resourceType}.${requirement.action}`,
          resourceType,
          resourceId,
          situationId: requirement.subject === 'Situation' ? resourceId : null,
          outcome: 'denied',
        });
        throw new NotFoundException('La ressource demandée est introuvable.');
      }
      if (requestContext) requestContext.roleUsed = roleUsed;
      // Charter, article 6: the confidentiality commitment comes before any situation.
      await this.ethics.assertAccepted(user);
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure while loading the user (the database is down) is not a bad token: it keeps its own
    // status (503 for an unavailable database) instead of becoming a 401.
    if (error && !(error instanceof UnauthorizedException))
      throw error instanceof Error ? error : new Error('Authentication failed', { cause: error });
    if (error || !user) {
      throw error instanceof UnauthorizedException
        ? error
        : new UnauthorizedException('Authentification requise (jeton absent, invalide ou expiré).');
    }
    return user;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The controller's path as an audit resource code ('users', 'audit', ...). */
function routeResource(context: ExecutionContext): string {
  const path = String([Reflect.getMetadata(PATH_METADATA, context.getClass()) ?? 'route'].flat()[0]);
  return (
    path
      .toLowerCase()
      .replace(/[^a-z]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'route'
  );
}
