import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { commission, dateIn, reviewed, type Commission } from '../support/commission.js';
import { bearer } from '../support/situations.js';
import { startTestApp, unique, type TestApp } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;

describe('the follow-up of préconisations in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let c: Commission;
  let carrierName: string;
  let housingName: string;
  const { open, closeAll } = browsersFor(() => baseURL);

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    c = await commission(t);
    housingName = `Membre Bailleur ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${c.housing.id}`).set(bearer(c.admin)).send({ displayName: housingName }).expect(200);
    carrierName = c.organizationNames.get(c.carrierOrganization)!;
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'the coordination sees open préconisations by due date with the overdue one marked and filters by carrier; a colleague of the carrying structure marks theirs done',
    async () => {
      const tag = unique('p').replace(/[^a-z0-9]/gi, '');
      const late = `Accompagner vers le CMP ${tag}`;
      const later = `Rencontre avec le bailleur ${tag}`;
      const { situation } = await reviewed(t, c, [
        { action: late, carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(-3) },
        { action: later, carrierUserId: c.housing.id, dueDate: dateIn(20) },
      ]);

      const coordination = await open();
      await signIn(coordination.page, c.coordinator.email);
      await heading(coordination.page, /Bonjour/).waitFor();
      await coordination.page.getByRole('link', { name: 'Suivi des préconisations' }).first().click();
      await heading(coordination.page, 'Suivi des préconisations').waitFor();
      const table = coordination.page.getByRole('table', { name: 'Préconisations en cours' });
      const lateRow = table.getByRole('row').filter({ hasText: late });
      const laterRow = table.getByRole('row').filter({ hasText: later });
      await lateRow.getByText('En retard').waitFor();
      await lateRow.getByRole('link', { name: situation.reference }).waitFor();
      await expect(laterRow.getByText('En retard').count()).resolves.toBe(0);
      // By due date: the overdue one comes first.
      const actions = (await table.getByRole('row').allInnerTexts()).filter((text) => text.includes(tag));
      expect(actions.map((text) => (text.includes(late) ? 'late' : 'later'))).toEqual(['late', 'later']);
      await expectAccessible(coordination.page, 'suivi — coordination');
      await screenshot(coordination.page, '19-suivi-preconisations');
      await coordination.page.getByLabel('Porteur').selectOption({ label: housingName });
      await lateRow.waitFor({ state: 'detached' });
      await laterRow.waitFor();
      expect(coordination.errors).toEqual([]);

      // A colleague of the carrying structure (not named as carrier) updates it.
      const colleague = await open();
      await signIn(colleague.page, c.carrierB.email);
      await heading(colleague.page, /Bonjour/).waitFor();
      await colleague.page.getByRole('link', { name: 'Suivi des préconisations' }).first().click();
      await heading(colleague.page, 'Suivi des préconisations').waitFor();
      const form = colleague.page.getByRole('form', { name: `Mettre à jour « ${late} »` });
      await colleague.page.getByLabel('Porteur').selectOption({ label: carrierName });
      await expect(colleague.page.getByRole('row').filter({ hasText: later }).count()).resolves.toBe(0);
      await form.getByLabel('Nouvel état').selectOption({ label: 'Réalisée' });
      await form.getByLabel('Note').fill('Premier rendez-vous au CMP honoré.');
      await expectAccessible(colleague.page, 'suivi — porteur');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await colleague.page.getByText(`Préconisation « ${late} » : réalisée.`).waitFor();
      await colleague.page.getByRole('row').filter({ hasText: late }).waitFor({ state: 'detached' });
      const { body } = await t.http().get(`/api/recommendations?status=done&limit=200`).set(bearer(c.coordinator)).expect(200);
      expect(body.items.find((r: { action: string }) => r.action === late)).toMatchObject({ status: 'done', closedBy: c.carrierB.id });
      expect(colleague.errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
