import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation } from '../support/situations.js';
import { createAdmin, createUser, startTestApp, unique, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;

describe('the ethics committee in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let admin: TestUser;
  let ethics: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;
  const { open, closeAll } = browsersFor(() => baseURL);
  const named = async (user: TestUser, label: string) => {
    const name = `${label} ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(admin)).send({ displayName: name }).expect(200);
    return name;
  };

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'the committee approves one access change and refuses another, then finds who read a case file by its reference, by name, without its content',
    async () => {
      const approved = await createUser(t, admin, { roles: ['member'], approve: false });
      const refused = await createUser(t, admin, { roles: ['coordinator'], approve: false });
      const approvedName = await named(approved, 'Nouvelle Membre');
      const refusedName = await named(refused, 'Autre Demandeur');
      const coordinatorName = await named(coordinator, 'Coordinatrice');
      const situation = await createSituation(t, referrer);
      const caseFile = (await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200)).body;

      const { page, errors } = await open();
      await signIn(page, ethics.email);
      await heading(page, /Bonjour/).waitFor();
      await page.getByRole('link', { name: 'Comité d’éthique' }).first().click();
      await heading(page, 'Comité d’éthique').waitFor();
      const pending = page.getByRole('table', { name: 'Demandes d’accès en attente' });
      await pending.getByRole('row').filter({ hasText: approvedName }).getByText('Membre de la cellule').waitFor();
      await expectAccessible(page, 'comité — demandes d’accès');

      await page.getByRole('button', { name: `Approuver la demande de ${approvedName}` }).click();
      await page.getByText(`Demande d’accès pour ${approvedName} approuvée.`).waitFor();
      await page.getByRole('button', { name: `Refuser la demande de ${refusedName}` }).click();
      await page.getByRole('alert').filter({ hasText: 'Indiquez le motif du refus.' }).waitFor();
      await page.getByLabel(`Motif pour ${refusedName}`).fill('Le rôle de coordination n’est pas justifié.');
      await page.getByRole('button', { name: `Refuser la demande de ${refusedName}` }).click();
      await page.getByText(`Demande d’accès pour ${refusedName} refusée.`).waitFor();
      await pending.getByRole('row').filter({ hasText: refusedName }).waitFor({ state: 'detached' });
      const decided = (await t.http().get('/api/access-changes?limit=200').set(bearer(admin)).expect(200)).body.items as {
        userId: string;
        status: string;
      }[];
      expect(decided.filter((c) => c.userId === approved.id).map((c) => c.status)).toEqual(['approved']);
      expect(decided.filter((c) => c.userId === refused.id).map((c) => c.status)).toEqual(['refused']);

      // Who consulted the case file: names, roles, actions, purposes and times; never its content.
      await page.getByLabel(/^Référence du dossier/).fill(situation.reference);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const accesses = page.getByRole('table', { name: `Accès au dossier ${situation.reference}` });
      await accesses
        .getByRole('row')
        .filter({ hasText: coordinatorName })
        .filter({ hasText: 'Lecture du dossier' })
        .getByRole('cell', { name: 'Coordination', exact: true })
        .waitFor();
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(caseFile.identity.birthName);
      expect(text).not.toContain(caseFile.narrative?.description ?? '\u0000');
      await expectAccessible(page, 'comité — qui a consulté ce dossier');
      await screenshot(page, '20-comite-ethique');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
