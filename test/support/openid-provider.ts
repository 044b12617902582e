import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { id: 'clsm-cellule-tests', secret: 'a-client-secret-for-the-tests-0000000000' };

/**
 * A real OpenID Connect provider (oidc-provider), in process, shaped like Pro Santé Connect: the
 * professional identifier in `SubjectNameID`, authentication levels `eidas1` (CPS, e-CPS) and
 * `eidas0`. Its login screen is reduced to a form post naming the account and the level used.
 */
export interface TestProvider {
  issuer: string;
  /** Accounts the provider knows: subject → professional identifier. */
  accounts: Map<string, { professionalId: string }>;
  close(): Promise<void>;
}

export async function startOpenIdProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, { professionalId: string }>();
  const server: Server = createServer((request, response) => void route(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    acrValues: ['eidas1', 'eidas0'],
    claims: { openid: ['sub'], scope_all: ['SubjectNameID'] },
    scopes: ['openid', 'scope_all'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-provider-cookie-key'] },
    // A signing key of its own, as a real provider has (not the library's development keys).
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          kid: 'test',
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, SubjectNameID: account.professionalId }) } : undefined;
    },
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const login = /^\/interaction\/([^/]+)\/login$/.exec(request.url ?? '');
    if (request.method === 'POST' && login) {
      const form = new URLSearchParams(await body(request));
      const details = await provider.interactionDetails(request, response);
      const accountId = form.get('subject')!;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId, acr: form.get('acr')! }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (request.method === 'GET' && /^\/interaction\/[^/]+$/.test(request.url ?? '')) {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<form method="post" action="login"><input name="subject"><input name="acr"></form>');
      return;
    }
    await provider.callback()(request, response);
  }

  return {
    issuer,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/**
 * A browser's cookie jar and redirect handling for the provider's side: follows its redirects
 * until they leave for `stopAt` (the service's callback), keeping its cookies.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  async follow(start: string, stopAt: string, onLoginForm: (action: string) => Promise<Response>): Promise<URL> {
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(stopAt)) return new URL(url);
      const response = await this.request(url);
      if (response.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
        const posted = await onLoginForm(`${url}/login`);
        url = new URL(posted.headers.get('location')!, url).href;
        continue;
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}: ${await response.text()}`);
      url = new URL(location, url).href;
    }
    throw new Error('too many redirects');
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }
    return response;
  }
}
