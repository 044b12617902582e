import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig, OidcSettings } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import type { TokenPairDto } from './dto/auth.dto.js';

const FLOW_AUDIENCE = 'clsm-cellule-oidc-flow';
const FLOW_ISSUER = 'clsm-cellule';
/** Time to sign in at the provider before the flow expires. */
export const OIDC_FLOW_TTL_SECONDS = 600;

/** Why a single sign-on was refused, as the console explains it (`/?sso=…`). */
export type OidcRefusal = 'inconnu' | 'niveau' | 'erreur';
export class OidcRefused extends Error {
  constructor(readonly reason: OidcRefusal) {
    super(`single sign-on refused: ${reason}`);
  }
}

/**
 * OpenID Connect sign-in (authorisation code + PKCE, state and nonce), compatible with Pro Santé
 * Connect: a strong `acr` (CPS card, e-CPS) counts as the second factor; the professional identifier
 * (the configured claim) must have been linked to an account by an administrator.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly settings: OidcSettings | undefined;
  private readonly production: boolean;
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {
    this.settings = config.get('auth', { infer: true }).oidc;
    this.production = config.get('env', { infer: true }) === 'production';
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** The provider's authorisation URL, and the flow's secrets sealed for a short-lived cookie. */
  async start(): Promise<{ redirectTo: string; flow: string }> {
    const settings = this.require();
    const configuration = await this.provider();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: settings.strongAcr.join(' '),
    });
    const flow = await this.jwt.signAsync(
      { verifier, state, nonce },
      { algorithm: 'HS256', expiresIn: OIDC_FLOW_TTL_SECONDS, issuer: FLOW_ISSUER, audience: FLOW_AUDIENCE },
    );
    return { redirectTo: url.href, flow };
  }

  /**
   * The provider's answer: checks state, nonce, PKCE and the ID token, then signs in the linked
   * account. Every refusal is recorded (an unknown subject without an actor).
   */
  async finish(query: string, flowCookie: string | undefined, client: string | undefined): Promise<TokenPairDto> {
    const settings = this.require();
    const refuse = async (reason: OidcRefusal, userId: string | null = null, organizationId: string | null = null): Promise<never> => {
      await this.audit.record({
        action: 'auth.oidc_login',
        resourceType: 'session',
        outcome: 'denied',
        actor: { userId, role: null, organizationId },
      });
      throw new OidcRefused(reason);
    };
    const flow = flowCookie ? await this.readFlow(flowCookie) : undefined;
    if (!flow) return refuse('erreur');
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.provider();
      // The configured redirect URI, never the Host header, is the URL the provider answered.
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = query;
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      if (claims[settings.identifierClaim] === undefined) {
        claims = { ...claims, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))) };
      }
    } catch (error) {
      this.logger.warn(`OpenID Connect callback refused: ${(error as Error).name}: ${(error as Error).message}`);
      return refuse('erreur');
    }
    const identifier = claims[settings.identifierClaim];
    const [account] =
      typeof identifier === 'string'
        ? await this.dataSource.query<
            {
              id: string;
              organization_id: string | null;
            }[]
          >('SELECT id, organization_id FROM clsm.user_account WHERE professional_id = $1 AND active', [identifier])
        : [];
    if (!account) return refuse('inconnu');
    if (typeof claims.acr !== 'string' || !settings.strongAcr.includes(claims.acr))
      return refuse('niveau', account.id, account.organization_id);
    return this.auth.openSession(account.id, 'oidc', client);
  }

  private async readFlow(token: string): Promise<{ verifier: string; state: string; nonce: string } | undefined> {
    try {
      return await this.jwt.verifyAsync(token, { algorithms: ['HS256'], issuer: FLOW_ISSUER, audience: FLOW_AUDIENCE });
    } catch {
      return undefined;
    }
  }

  private require(): OidcSettings {
    if (!this.settings) throw new OidcRefused('erreur');
    return this.settings;
  }

  /** Discovery once (retried after a failure); plain HTTP only outside production (tests, local provider). */
  private provider(): Promise<oidc.Configuration> {
    const settings = this.require();
    this.configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretPost(settings.clientSecret), {
        execute: !this.production && settings.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}
