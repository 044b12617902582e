import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from '../support/situations.js';
import { codeAt, currentStep, nextCode, rememberAuthenticator, wrongCode } from '../support/authenticator.js';
import { createAdmin, createUser, startTestApp, TEST_PASSWORD, unique, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn, signInWithPassword } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 240_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the console in a real browser', () => {
  let t: TestApp;
  let baseURL: string;
  let admin: TestUser;
  let coordinator: TestUser;
  let dacOrganizationA: string;
  let dacOrganizationB: string;
  let dacNameA: string;
  let refusedStructure: { id: string; name: string };
  let pilot: { id: string; name: string };
  const { open, closeAll } = browsersFor(() => baseURL);

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    admin = await createAdmin(t);
    const organization = async (kind: string, name: string) => {
      const id = (await t.http().post('/api/organizations').set(bearer(admin)).send({ name, kind }).expect(201)).body.id as string;
      return { id, name };
    };
    const dacA = await organization('dac', `DAC Rive Gauche ${unique('dac')}`);
    dacOrganizationA = dacA.id;
    dacNameA = dacA.name;
    dacOrganizationB = (await organization('dac', `DAC Rive Droite ${unique('dac')}`)).id;
    refusedStructure = await organization('ccas', `CCAS Sud ${unique('ccas')}`);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    const member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    pilot = { id: member.id, name: `Référente ${unique('pilote')}` };
    await t.http().patch(`/api/users/${member.id}`).set(bearer(admin)).send({ displayName: pilot.name }).expect(200);
  });
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'a coordinator records a saisine with consent, uploads a document and refers it to the DAC, all from the console',
    async () => {
      const { page, errors } = await open();
      await expectAccessible(page, 'connexion');
      await screenshot(page, '01-connexion');
      await signIn(page, coordinator.email);
      await heading(page, /Bonjour/).waitFor();
      await expectAccessible(page, 'accueil');
      await screenshot(page, '02-accueil-coordination');

      // Intake, with its emergency screening.
      await page.getByRole('link', { name: 'Nouvelle saisine' }).first().click();
      await heading(page, 'Nouvelle saisine').waitFor();
      // Each question asks for an explicit answer; the form opens only once every answer is "Non".
      await page
        .getByRole('group', { name: /danger immédiat/ })
        .getByText('Non', { exact: true })
        .click();
      await page
        .getByRole('group', { name: /soins médicaux urgents/ })
        .getByText('Non', { exact: true })
        .click();
      await expect(page.getByLabel('Nom de naissance').count()).resolves.toBe(0);
      await page
        .getByRole('group', { name: /idées suicidaires/ })
        .getByText('Oui', { exact: true })
        .click();
      const alert = page.getByRole('alert').filter({ hasText: 'pas un service d’urgence' });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(/3114/);
      await expect(page.getByLabel('Nom de naissance').count()).resolves.toBe(0);
      await expectAccessible(page, 'saisine — urgence');
      await page
        .getByRole('group', { name: /idées suicidaires/ })
        .getByText('Non', { exact: true })
        .click();
      const tag = unique('console').replace(/[^a-z0-9]/gi, '');
      await page.getByLabel('Nom de naissance').fill(`Naissance${tag}`);
      await page.getByLabel('Prénoms').fill('Camille');
      await page.getByLabel('Date de naissance').fill('1979-05-04');
      await page.getByLabel('Nom du professionnel').fill('Référente CCAS');
      await page.getByLabel('Éléments de santé utiles').fill(`Sante${tag} suivi au CMP`);
      await page.getByLabel('Description de la situation').fill('Isolement, impayés de loyer, rupture de soins.');
      await page.getByLabel('Ce qui a déjà été tenté').fill('Visites à domicile.');
      await page.getByLabel('Attentes vis-à-vis de la cellule').fill('Coordonner soins et logement.');
      await page.getByText('Logement', { exact: true }).click();
      await expectAccessible(page, 'saisine');
      await screenshot(page, '03-saisine');
      await page.getByRole('button', { name: 'Déposer la saisine' }).click();

      // The case file by field group; the situation becomes admissible.
      await heading(page, /^Situation CC-\d{4}-\d{4}/).waitFor();
      await expect(page.getByRole('heading', { name: 'Santé' }).isVisible()).resolves.toBe(true);
      await expect(page.getByText(`Sante${tag} suivi au CMP`).isVisible()).resolves.toBe(true);
      await expectAccessible(page, 'dossier');
      await page.getByLabel('Nouvel état').selectOption({ label: 'Recevable' });
      await page.getByRole('button', { name: 'Enregistrer le changement d’état' }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Recevable' }).waitFor();
      const situationId = new URL(page.url()).pathname.split('/')[2];

      // The référent, found by name among the commission's members and designated from the case file.
      await page.getByLabel('Rechercher un membre de la commission').fill(pilot.name.slice(0, -3));
      await page.getByRole('group', { name: 'Membres trouvés' }).getByText(pilot.name, { exact: true }).click();
      await page.getByRole('button', { name: 'Désigner le référent' }).click();
      await page.getByText(`${pilot.name} est désormais référent de la situation`).waitFor();
      await expectAccessible(page, 'dossier — référent');
      await screenshot(page, '04-dossier');

      // Referral blocked, with the reason, while consent is missing.
      await page.getByRole('tab', { name: 'Orientations DAC' }).click();
      await page.getByText('Orientation impossible pour le moment').waitFor();
      await expectAccessible(page, 'orientations — consentement manquant');

      // Consent for transmission to the DAC, recorded with who, how and when.
      await page.getByRole('tab', { name: 'Consentements' }).click();
      await page.getByLabel('Finalité').selectOption({ label: 'Transmission au DAC' });
      await page.getByRole('textbox', { name: /^Recueillie par/ }).fill('Assistante sociale du CCAS');
      // A structure the person refuses, found by its name: no identifier to type.
      await page.getByRole('searchbox', { name: /^Rechercher une structure/ }).fill(refusedStructure.name);
      await page.getByRole('group', { name: 'Structures trouvées' }).getByText(refusedStructure.name, { exact: true }).click();
      await page.getByRole('list', { name: 'Structures retenues' }).getByText(refusedStructure.name).waitFor();
      await expectAccessible(page, 'consentements — structure refusée');
      await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
      await page.getByText('Transmission au DAC : oui').waitFor();
      await expectAccessible(page, 'consentements');
      await screenshot(page, '05-consentements');

      // A document, uploaded with progress, then listed.
      await page.getByRole('tab', { name: 'Documents' }).click();
      await page.getByLabel(/Ajouter un document/).setInputFiles({ name: 'bilan-social.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('cell', { name: 'bilan-social.pdf' }).waitFor();
      await expectAccessible(page, 'documents');
      await screenshot(page, '06-documents');

      // The referral, created then sent.
      await page.getByRole('tab', { name: 'Orientations DAC' }).click();
      await page.getByLabel('DAC destinataire').selectOption({ label: dacNameA });
      await page.getByLabel('Motif de l’orientation (interne à la cellule)').fill('Coordination des soins et du logement');
      await page.getByLabel('Synthèse transmise au DAC').fill('Personne isolée, besoin de coordination CMP et bailleur.');
      await page.getByRole('button', { name: 'Créer l’orientation' }).click();
      await page.getByText('Orientation créée en brouillon').waitFor();
      await page.getByRole('button', { name: 'Envoyer au DAC' }).click();
      await page.getByText('Orientation envoyée au DAC').waitFor();
      await expectAccessible(page, 'orientations');
      await screenshot(page, '07-orientation');

      const referrals = await t.http().get(`/api/referrals?situationId=${situationId}`).set(bearer(coordinator)).expect(200);
      const sent = referrals.body.items.find((r: { situationId?: string }) => r.situationId === situationId);
      expect(sent).toMatchObject({ status: 'sent', dacOrganizationId: dacOrganizationA });
      const consents = await t.http().get(`/api/situations/${situationId}/consents`).set(bearer(coordinator)).expect(200);
      expect(consents.body).toEqual([
        expect.objectContaining({ purpose: 'dac_transmission', refusedOrganizationIds: [refusedStructure.id] }),
      ]);
      const documents = await t.http().get(`/api/situations/${situationId}/documents`).set(bearer(coordinator)).expect(200);
      expect(documents.body.map((d: { filename: string }) => d.filename)).toEqual(['bilan-social.pdf']);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'never stores a token in web storage, keeps the refresh token in an HttpOnly cookie and sends the CSP header',
    async () => {
      const { page, context, errors } = await open();
      const response = await page.goto('/situations');
      const csp = response!.headers()['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response!.headers()['cache-control']).toBe('no-store');
      const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/mfa/verify'));
      await signIn(page, coordinator.email);
      const accessToken = (await (await login).json()).accessToken as string;
      expect(accessToken).toEqual(expect.any(String));
      await heading(page, 'Situations').waitFor();
      // Browser-side code as a string: the test project has no DOM types.
      const storage = await page.evaluate<string[]>(`(() => {
      const all = [];
      for (const area of [window.localStorage, window.sessionStorage])
        for (let i = 0; i < area.length; i++) all.push(area.key(i) + '=' + area.getItem(area.key(i)));
      return all;
    })()`);
      // Only the DSFR's display preference (light or dark scheme) is kept there.
      expect(storage.filter((entry) => !/^scheme[a-z-]*=(system|light|dark)$/.test(entry))).toEqual([]);
      expect(storage.join('\n')).not.toContain(accessToken);
      const cookies = await context.cookies();
      const refresh = cookies.find((c) => c.name === 'clsm_refresh');
      expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      expect(await page.evaluate('document.cookie')).not.toContain(refresh!.value);
      expect(page.url()).toBe(`${baseURL}/situations`);
      // A reload forgets the in-memory access token; the cookie restores the session.
      await page.reload();
      await heading(page, 'Situations').waitFor();
      // Sign-out ends the session and its cookies.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await heading(page, /Connexion/).waitFor();
      expect((await context.cookies()).some((c) => c.name === 'clsm_refresh')).toBe(false);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "a housing officer's console shows no health field of the situation they submitted",
    async () => {
      const officer = await createUser(t, admin, { roles: ['member'], professionalCategory: 'housing_officer' });
      const body = intakeBody();
      const situation = await createSituation(t, officer, body);
      const { page, errors } = await open();
      await signIn(page, officer.email);
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Situations' }).click();
      await heading(page, 'Situations').waitFor();
      await expectAccessible(page, 'situations (bailleur)');
      await screenshot(page, '08-situations');
      await page.getByRole('link', { name: situation.reference }).click();
      await heading(page, `Situation ${situation.reference}`).waitFor();
      await page.getByRole('heading', { name: 'Récit de la situation' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Santé' }).count()).toBe(0);
      expect(await page.content()).not.toContain(body.health.details);
      await page.getByText(/ne vous est pas accessible selon la charte/).waitFor();
      await expectAccessible(page, 'dossier (bailleur)');
      await screenshot(page, '09-dossier-bailleur');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the DAC liaison sees only its own referrals, with the data set frozen when sent',
    async () => {
      const dacA = await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganizationA, professionalCategory: 'nurse' });
      const referrer = await createUser(t, admin, { roles: ['referrer'] });
      const refer = async (dacOrganizationId: string) => {
        const situation = await createSituation(t, referrer);
        await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
        await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
        const created = await t
          .http()
          .post('/api/referrals')
          .set(bearer(coordinator))
          .send({
            situationId: situation.id,
            dacOrganizationId,
            reason: 'Coordination',
            summaryForDac: 'Synthèse pour le DAC',
            sharedGroups: ['identity', 'contact'],
          })
          .expect(201);
        await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(coordinator)).send({ to: 'sent' }).expect(200);
        return situation.reference;
      };
      const mine = await refer(dacOrganizationA);
      const theirs = await refer(dacOrganizationB);
      const { page, errors } = await open();
      await signIn(page, dacA.email);
      await heading(page, /Bonjour/).waitFor();
      expect(await page.getByRole('link', { name: 'Situations', exact: true }).count()).toBe(0);
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Orientations DAC' }).click();
      await heading(page, 'Orientations reçues par votre DAC').waitFor();
      await page.getByRole('link', { name: mine }).waitFor();
      expect(await page.getByRole('link', { name: theirs }).count()).toBe(0);
      await expectAccessible(page, 'orientations (DAC)');
      await screenshot(page, '10-orientations-dac');
      await page.getByRole('link', { name: mine }).click();
      await heading(page, new RegExp(`Orientation de la situation ${mine}`)).waitFor();
      await page.getByRole('heading', { name: 'Données transmises (figées à l’envoi)' }).waitFor();
      await page.getByRole('button', { name: 'Accuser réception' }).click();
      await page.getByRole('button', { name: 'Accepter l’orientation' }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Acceptée' }).waitFor();
      await expectAccessible(page, 'orientation (DAC)');
      await screenshot(page, '11-orientation-dac');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'asks a new user to read and accept the charter before anything else',
    async () => {
      const member = await createUser(t, admin, { roles: ['referrer'], acceptCharter: false });
      const { page, errors } = await open();
      await signIn(page, member.email);
      await heading(page, /Charte éthique/).waitFor();
      await expectAccessible(page, 'charte');
      await screenshot(page, '12-charte');
      expect(await page.getByRole('navigation', { name: 'Menu principal' }).count()).toBe(0);
      await page.getByText('J’ai lu la charte et je m’engage à la respecter').click();
      await page.getByRole('button', { name: 'Accepter la charte' }).click();
      await heading(page, /Bonjour/).waitFor();
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await heading(page, 'Mon compte').waitFor();
      await expectAccessible(page, 'mon compte');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a new account sets up its second factor at its first sign-in, keeps its recovery codes, then signs in with a code',
    async () => {
      const email = `${unique('premiere-connexion')}@test.example`;
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({ email, displayName: 'Nouvelle personne', professionalCategory: 'nurse', roles: ['referrer'], password: TEST_PASSWORD })
        .expect(201);
      const { page, errors } = await open();
      await signInWithPassword(page, email);
      await heading(page, 'Configurer la vérification en deux étapes').waitFor();
      await page.getByRole('img', { name: /Code QR/ }).waitFor();
      await expectAccessible(page, 'enrôlement du second facteur');
      await screenshot(page, '13-second-facteur');
      const secret = (await page.getByLabel('Clé secrète').textContent())!.replace(/\s/g, '');
      const step = currentStep();
      await page.getByRole('textbox', { name: /^Code affiché par l’application/ }).fill(codeAt(secret, step));
      await page.getByRole('button', { name: 'Activer' }).click();
      await heading(page, 'Vos codes de secours').waitFor();
      const codes = await page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').allTextContents();
      expect(codes).toHaveLength(10);
      await expectAccessible(page, 'codes de secours');
      await page.getByRole('button', { name: 'J’ai conservé mes codes, continuer' }).click();
      await heading(page, /Charte éthique/).waitFor();
      rememberAuthenticator(email, secret, step, codes);

      // Next time: the password, then a code (a recovery code works too).
      await page.getByRole('button', { name: /Se déconnecter/ }).click();
      await heading(page, /Connexion/).waitFor();
      await signInWithPassword(page, email);
      await heading(page, 'Vérification en deux étapes').waitFor();
      await expectAccessible(page, 'code de vérification');
      await page.getByRole('textbox', { name: /^Code de vérification/ }).fill(wrongCode(email));
      await page.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('alert').filter({ hasText: 'Code refusé' }).waitFor();
      await page.getByRole('textbox', { name: /^Code de vérification/ }).fill(codes[0]);
      await page.getByRole('button', { name: 'Valider' }).click();
      await heading(page, /Charte éthique/).waitFor();
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'signs in and reaches a case file with the keyboard only',
    async () => {
      const situation = await createSituation(t, coordinator);
      const { page, errors } = await open();
      const tabUntil = async (predicate: () => Promise<boolean>) => {
        for (let i = 0; i < 80; i++) {
          if (await predicate()) return;
          await page.keyboard.press('Tab');
        }
        throw new Error('focus never reached the expected element');
      };
      const focused = (role: 'textbox' | 'link', name: string | RegExp) => async () =>
        (await page
          .locator(':focus')
          .and(page.getByRole(role, { name, exact: true }))
          .count()) === 1;
      await tabUntil(focused('textbox', /^Adresse électronique/));
      await page.keyboard.type(coordinator.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(coordinator.password);
      await page.keyboard.press('Enter');
      await heading(page, 'Vérification en deux étapes').waitFor();
      await tabUntil(focused('textbox', /^Code de vérification/));
      await page.keyboard.type(nextCode(coordinator.email));
      await page.keyboard.press('Enter');
      await heading(page, /Bonjour/).waitFor();
      await tabUntil(focused('link', 'Situations'));
      await page.keyboard.press('Enter');
      await heading(page, 'Situations').waitFor();
      await tabUntil(focused('textbox', /^Référence/));
      await page.keyboard.type(situation.reference);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: /^1 situation$/ })
        .waitFor();
      await tabUntil(focused('link', situation.reference));
      await page.keyboard.press('Enter');
      await heading(page, `Situation ${situation.reference}`).waitFor();
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'warns a minute before signing out after 15 minutes without activity, then signs out',
    async () => {
      const { page, context, errors } = await open({ clock: true });
      await signIn(page, coordinator.email);
      await heading(page, /Bonjour/).waitFor();
      await page.clock.fastForward('13:30');
      expect(await page.getByText('Vous allez être déconnecté dans une minute').count()).toBe(0);
      await page.clock.fastForward('00:45');
      await page.getByText('Vous allez être déconnecté dans une minute').waitFor();
      await expectAccessible(page, 'avertissement d’inactivité');
      await page.clock.fastForward('01:00');
      await page.getByText('Vous avez été déconnecté après 15 minutes d’inactivité.').waitFor();
      await heading(page, /Connexion/).waitFor();
      expect((await context.cookies()).some((c) => c.name === 'clsm_refresh')).toBe(false);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
