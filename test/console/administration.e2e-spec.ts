import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, createSituation, giveConsent, moveTo } from '../support/situations.js';
import {
  acceptCharter,
  createAdmin,
  createUser,
  startTestApp,
  TEST_PASSWORD,
  unique,
  type TestApp,
  type TestUser,
} from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;

describe('administration and notifications in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let admin: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;
  let member: TestUser;
  const { open, closeAll } = browsersFor(() => baseURL);
  const tag = () => unique('n').replace(/[^a-z0-9]/gi, '');
  const named = async (user: TestUser, label: string) => {
    const name = `${label} ${tag()}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(admin)).send({ displayName: name }).expect(200);
    return name;
  };
  /** The account as the administration lists it, found by its e-mail (one page never holds a shared database's accounts). */
  const account = async (user: TestUser) =>
    (
      (await t.http().get('/api/users').query({ q: user.email, limit: 20 }).set(bearer(admin)).expect(200)).body.items as { id: string }[]
    ).find((listed) => listed.id === user.id) as Record<string, unknown>;
  /** Finds an account by the search form and opens its panel. */
  const manage = async (page: Page, name: string) => {
    const search = page.getByRole('search', { name: 'Rechercher un compte' });
    await search.getByRole('searchbox', { name: /^Rechercher un compte/ }).fill(name);
    await search.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('table', { name: 'Comptes' }).getByRole('row').filter({ hasText: name }).waitFor();
    await page.getByRole('button', { name: `Gérer le compte de ${name}` }).click();
    await page.getByRole('heading', { level: 2, name: `Compte de ${name}` }).waitFor();
  };
  const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).last().waitFor();

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    admin = await createAdmin(t);
    await acceptCharter(t, { token: admin.token });
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
    member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'the administrator manages structures and accounts: creates one, deactivates one (its session ends), resets a second factor, links a professional identifier and submits a role change that stays pending',
    async () => {
      const leaving = await createUser(t, admin, { roles: ['referrer'] });
      const leavingName = await named(leaving, 'Partant');
      const colleague = await createUser(t, admin, { roles: ['referrer'] });
      const colleagueName = await named(colleague, 'Collègue');
      const { page, errors } = await open();
      await signIn(page, admin.email);
      await heading(page, /Bonjour/).waitFor();
      const navigation = page.getByRole('navigation', { name: 'Menu principal' });
      for (const entry of ['Structures', 'Comptes', 'Demandes d’accès']) await navigation.getByRole('link', { name: entry }).waitFor();
      expect(await navigation.getByRole('link', { name: 'Situations' }).count()).toBe(0);
      await expectAccessible(page, 'accueil de l’administration');

      // Structures: one created, then renamed with its kind corrected.
      await navigation.getByRole('link', { name: 'Structures' }).click();
      await heading(page, 'Structures').waitFor();
      const structure = `CCAS de Montigny ${tag()}`;
      const create = page.getByRole('form', { name: 'Créer une structure' });
      await create.getByLabel('Nom de la structure').fill(`${structure} (provisoire)`);
      await create.getByLabel('Type de structure').selectOption({ label: 'Autre' });
      await create.getByRole('button', { name: 'Créer la structure' }).click();
      await notice(page, `Structure ${structure} (provisoire) créée.`);
      await page.getByRole('button', { name: `Modifier la structure ${structure} (provisoire)` }).click();
      const edit = page.getByRole('form', { name: `Modifier la structure ${structure} (provisoire)` });
      await edit.getByLabel('Nom de la structure').fill(structure);
      await edit.getByLabel('Type de structure').selectOption({ label: 'Centre communal d’action sociale (CCAS)' });
      await edit.getByRole('button', { name: 'Enregistrer la structure' }).click();
      await notice(page, `Structure ${structure} enregistrée.`);
      await page
        .getByRole('table', { name: /^Structures/ })
        .getByRole('row')
        .filter({ hasText: structure })
        .getByRole('cell', { name: 'Centre communal d’action sociale (CCAS)' })
        .waitFor();
      await expectAccessible(page, 'structures');
      await screenshot(page, '30-administration-structures');

      // An account created: its case role waits for the ethics committee.
      await navigation.getByRole('link', { name: 'Comptes' }).click();
      await heading(page, 'Comptes').waitFor();
      const newcomer = `Camille Nouvelle ${tag()}`;
      const email = `${tag()}@ccas-montigny.example`;
      const form = page.getByRole('form', { name: 'Créer un compte' });
      await form.getByLabel('Nom affiché').fill(newcomer);
      await form.getByLabel('Adresse électronique').fill(email);
      await form.getByLabel('Structure', { exact: true }).selectOption({ label: structure });
      await form.getByLabel('Catégorie professionnelle').selectOption({ label: 'Travailleur social' });
      await form
        .getByRole('group', { name: /^Rôles/ })
        .getByText('Membre de la cellule', { exact: true })
        .click();
      expect(await form.getByLabel('Membre de la cellule').isChecked()).toBe(true);
      await form.getByLabel(/^Mot de passe provisoire/).fill(TEST_PASSWORD);
      await form.getByRole('button', { name: 'Créer le compte' }).click();
      await notice(page, `Compte de ${newcomer} créé. La part qui élargit l’accès est en attente de l’approbation du comité d’éthique.`);
      const created = (
        (
          await t
            .http()
            .get('/api/users?limit=200&q=' + encodeURIComponent(email))
            .set(bearer(admin))
            .expect(200)
        ).body.items as Record<string, unknown>[]
      )[0];
      expect(created).toMatchObject({ displayName: newcomer, email, roles: [], active: true, professionalCategory: 'social_worker' });
      await expectAccessible(page, 'comptes — création');

      // Deactivated: the account's open session is refused from then on.
      await t.http().get('/api/auth/me').set(bearer(leaving)).expect(200);
      await manage(page, leavingName);
      await page.getByRole('button', { name: 'Désactiver le compte' }).click();
      await notice(page, `Compte de ${leavingName} désactivé : ses sessions sont fermées.`);
      await page.getByRole('table', { name: 'Comptes' }).getByRole('row').filter({ hasText: leavingName }).getByText('Désactivé').waitFor();
      await page.getByRole('button', { name: 'Réactiver le compte' }).waitFor();
      await t.http().get('/api/auth/me').set(bearer(leaving)).expect(401);
      expect(await account(leaving)).toMatchObject({ active: false });

      // The colleague's second factor reset, a professional identifier linked, a role added and a move to another structure (pending).
      await manage(page, colleagueName);
      expect(await account(colleague)).toMatchObject({ secondFactorEnrolled: true });
      await page.getByRole('button', { name: 'Réinitialiser le second facteur' }).click();
      await notice(page, `Second facteur de ${colleagueName} réinitialisé`);
      expect(await account(colleague)).toMatchObject({ secondFactorEnrolled: false });
      await t.http().get('/api/auth/me').set(bearer(colleague)).expect(401);

      await page.getByLabel(/^Identifiant professionnel \(RPPS ou ADELI\)/).fill('10101234567');
      await page.getByRole('button', { name: 'Enregistrer l’identifiant' }).click();
      await notice(page, `Identifiant professionnel 10101234567 lié au compte de ${colleagueName}.`);
      expect(await account(colleague)).toMatchObject({ professionalId: '10101234567' });

      const access = page.getByRole('form', { name: 'Modifier les accès' });
      await access
        .getByRole('group', { name: /^Rôles/ })
        .getByText('Coordination', { exact: true })
        .click();
      expect(await access.getByLabel('Coordination').isChecked()).toBe(true);
      const structureBefore = (await account(colleague)).organizationId as string | null;
      await access.getByLabel('Structure').selectOption({ label: structure });
      await access.getByRole('button', { name: 'Demander la modification des accès' }).click();
      await notice(
        page,
        `Demande de modification des accès de ${colleagueName} transmise. La part qui élargit l’accès est en attente de l’approbation du comité d’éthique.`,
      );
      expect(await account(colleague)).toMatchObject({ roles: ['referrer'], organizationId: structureBefore });
      await expectAccessible(page, 'comptes — fiche d’un compte');
      await screenshot(page, '31-administration-comptes');

      // The access changes: the colleague's is pending, as is the newcomer's.
      await navigation.getByRole('link', { name: 'Demandes d’accès' }).click();
      await heading(page, 'Demandes d’accès').waitFor();
      const changes = page.getByRole('table', { name: 'Demandes d’accès' });
      await changes
        .getByRole('row')
        .filter({ hasText: colleagueName })
        .filter({ hasText: 'Coordination' })
        .filter({ hasText: structure })
        .getByText('En attente de l’approbation du comité d’éthique')
        .waitFor();
      await changes.getByRole('row').filter({ hasText: newcomer }).filter({ hasText: 'Membre de la cellule' }).waitFor();
      await expectAccessible(page, 'demandes d’accès');
      await screenshot(page, '32-administration-demandes-acces');
      await page.getByLabel('État des demandes').selectOption({ label: 'Approuvées' });
      await changes.getByText('Approuvée', { exact: true }).first().waitFor();
      await changes.getByRole('row').filter({ hasText: colleagueName }).filter({ hasText: 'Coordination' }).waitFor({ state: 'detached' });

      // No screen of the administrator shows case content: the case routes answer 404 to the role.
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/Nom de naissance|Récit/);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a member sees the count of unread notifications in the header, lists them and marks one read, then all',
    async () => {
      // Two invitations to a session, each for one item: two notifications for the member.
      const session = (
        await t
          .http()
          .post('/api/sessions')
          .set(bearer(coordinator))
          .send({ scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), location: 'Mairie, salle 2' })
          .expect(201)
      ).body.id as string;
      const references: string[] = [];
      for (let i = 0; i < 2; i++) {
        const situation = await createSituation(t, referrer);
        await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
        await giveConsent(t, coordinator, situation.id);
        await t
          .http()
          .post(`/api/sessions/${session}/items`)
          .set(bearer(coordinator))
          .send({ situationId: situation.id, invitedUserIds: [member.id], personAttends: false, carersAttend: false })
          .expect(201);
        references.push(situation.reference);
      }
      const listed = (await t.http().get('/api/notifications').set(bearer(member)).expect(200)).body as {
        unread: number;
        items: { message: string; reference: string | null }[];
      };
      expect(listed.unread).toBe(2);

      const { page, errors } = await open();
      await signIn(page, member.email);
      await heading(page, /Bonjour/).waitFor();
      await page.getByRole('link', { name: 'Notifications (2 non lues)' }).first().click();
      await heading(page, 'Notifications').waitFor();
      const table = page.getByRole('table', { name: 'Mes notifications' });
      for (const reference of references) await table.getByRole('row').filter({ hasText: reference }).getByText('Non lue').waitFor();
      await expectAccessible(page, 'notifications');
      await screenshot(page, '33-notifications');

      const first = table.getByRole('row').filter({ hasText: references[0] });
      await first.getByRole('button', { name: /^Marquer comme lue/ }).click();
      await notice(page, 'Notification marquée comme lue.');
      await first.getByText('Lue', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Notifications (1 non lue)' }).first().waitFor();
      expect((await t.http().get('/api/notifications?unread=true').set(bearer(member)).expect(200)).body.unread).toBe(1);

      await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
      await notice(page, 'Une notification marquée comme lue.');
      await page.getByRole('link', { name: 'Notifications', exact: true }).first().waitFor();
      expect((await t.http().get('/api/notifications?unread=true').set(bearer(member)).expect(200)).body.unread).toBe(0);
      await expectAccessible(page, 'notifications — toutes lues');

      // The member's header has no administration entry.
      const navigation = page.getByRole('navigation', { name: 'Menu principal' });
      await navigation.getByRole('link', { name: 'Séances' }).waitFor();
      for (const entry of ['Structures', 'Comptes', 'Demandes d’accès'])
        expect(await navigation.getByRole('link', { name: entry }).count()).toBe(0);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
