import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, listen, openConsole, screenshot, signIn, signInWithPassword } from '../support/browser.js';
import { createAdmin, createUser, startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

const JOURNEY_TIMEOUT = 240_000;

/**
 * Passkeys through a real browser: Chromium's virtual authenticator (DevTools protocol) plays the
 * platform authenticator, so the service verifies genuine WebAuthn attestations and assertions.
 */
describe('passkeys in the console', () => {
  let t: TestApp;
  let origin: string;
  let admin: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    // WebAuthn needs a domain as relying party: localhost, not 127.0.0.1.
    origin = (await listen(t)).replace('127.0.0.1', 'localhost');
    admin = await createAdmin(t);
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'a member adds a passkey from their account, then signs in with it instead of a code; its answer cannot be replayed',
    async () => {
      const member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
      const browser = await launchBrowser();
      browsers.push(browser);
      const { page, context, errors } = await openConsole(browser, origin);
      const devtools = await context.newCDPSession(page);
      await devtools.send('WebAuthn.enable');
      await devtools.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });

      await signIn(page, member.email);
      await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await page.getByRole('textbox', { name: /^Nom de la nouvelle clé d’accès/ }).fill('Poste du CMP');
      await page.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
      await page.getByRole('status').filter({ hasText: 'Clé d’accès « Poste du CMP » ajoutée.' }).waitFor();
      await page
        .getByRole('list', { name: 'Vos clés d’accès' })
        .getByText(/Poste du CMP/)
        .waitFor();
      await expectAccessible(page, 'mon compte avec clé d’accès');
      await screenshot(page, '14-cles-acces');

      await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
      await page.getByRole('heading', { level: 1, name: /Connexion/ }).waitFor();
      await signInWithPassword(page, member.email);
      await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).waitFor();
      const sent = page.waitForRequest((request) => request.url().endsWith('/api/auth/mfa/passkeys/verify'));
      await page.getByRole('button', { name: 'Utiliser une clé d’accès' }).click();
      // Signed in again, back on the page the person left.
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      const session = await t.superuser.query('SELECT method FROM clsm.auth_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [
        member.id,
      ]);
      expect(session.rows[0].method).toBe('password_passkey');

      // The same signed answer, with a new password step: its challenge is spent, so it opens nothing.
      const captured = (await sent).postDataJSON() as { credential: unknown };
      const first = await t.http().post('/api/auth/login').send({ email: member.email, password: TEST_PASSWORD }).expect(200);
      await t
        .http()
        .post('/api/auth/mfa/passkeys/verify')
        .send({ mfaToken: first.body.mfaToken, credential: captured.credential })
        .expect(401);
      const refused = await t.superuser.query(
        `SELECT count(*)::int AS n FROM audit.event WHERE action = 'auth.passkey_verify' AND outcome = 'denied' AND actor_user_id = $1`,
        [member.id],
      );
      expect(refused.rows[0].n).toBe(1);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a passkey of one account does not sign in another',
    async () => {
      const owner = await createUser(t, admin, { roles: ['member'] });
      const other = await createUser(t, admin, { roles: ['member'] });
      const browser = await launchBrowser();
      browsers.push(browser);
      const { page, context } = await openConsole(browser, origin);
      const devtools = await context.newCDPSession(page);
      await devtools.send('WebAuthn.enable');
      await devtools.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      await signIn(page, owner.email);
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('textbox', { name: /^Nom de la nouvelle clé d’accès/ }).fill('Clé du propriétaire');
      await page.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
      await page.getByRole('status').filter({ hasText: 'ajoutée' }).waitFor();
      await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
      await page.getByRole('heading', { level: 1, name: /Connexion/ }).waitFor();

      // The other account has no passkey: the service offers none to use.
      await signInWithPassword(page, other.email);
      await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).waitFor();
      await page.getByRole('button', { name: 'Utiliser une clé d’accès' }).click();
      await page.getByRole('alert').filter({ hasText: 'Aucune clé d’accès n’est enregistrée pour ce compte' }).waitFor();
      expect(await page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' }).count()).toBe(1);
    },
    JOURNEY_TIMEOUT,
  );
});
