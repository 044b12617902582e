import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];

/**
 * The access token lives in this module's memory only: never in web storage, never in a URL. A page
 * reload loses it and the session is restored from the HttpOnly refresh cookie.
 */
let accessToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setAccessToken(token: string | null): void {
  accessToken = token;
}
export function hasAccessToken(): boolean {
  return accessToken !== null;
}
export function authorizationHeader(): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && accessToken && !new URL(request.url).pathname.startsWith('/api/auth/')) onUnauthenticated();
    return response;
  },
};

/** Typed from the service's OpenAPI document (schema.d.ts): an API change that breaks a screen breaks the build. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(bearer);

/** The readable CSRF cookie the service sets beside the HttpOnly refresh cookie. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'clsm_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The French sentence to show for a failed call. */
export function problemText(error: unknown, fallback = 'La demande a échoué. Réessayez.'): string {
  if (error && typeof error === 'object') {
    const problem = error as Partial<Problem>;
    const fields = problem.errors?.map((e) => `${e.field} : ${e.messages.join(', ')}`).join(' ; ');
    if (problem.detail) return fields ? `${problem.detail} (${fields})` : problem.detail;
  }
  return fallback;
}

/** A document upload with progress (fetch cannot report upload progress). */
export function uploadDocument(situationId: string, file: File, onProgress: (percent: number) => void): Promise<Schemas['DocumentDto']> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/situations/${encodeURIComponent(situationId)}/documents`);
    for (const [name, value] of Object.entries(authorizationHeader())) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status === 201) {
        onProgress(100);
        resolve(request.response as Schemas['DocumentDto']);
      } else reject(request.response ?? { detail: "Le document n'a pas pu être déposé." });
    };
    request.onerror = () => reject({ detail: 'Le service est injoignable.' });
    const body = new FormData();
    body.append('file', file);
    request.send(body);
  });
}

/** Downloads a document through the bearer-authenticated API and hands it to the browser. */
export async function downloadDocument(situationId: string, document: Schemas['DocumentDto']): Promise<void> {
  const response = await fetch(`/api/situations/${encodeURIComponent(situationId)}/documents/${encodeURIComponent(document.id)}`, {
    headers: authorizationHeader(),
  });
  if (!response.ok) throw await response.json().catch(() => ({ detail: 'Le téléchargement a échoué.' }));
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
