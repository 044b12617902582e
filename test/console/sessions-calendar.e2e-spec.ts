import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, commission, dateIn, inDays, readySituation, setSessionStatus, type Commission } from '../support/commission.js';
import { bearer } from '../support/situations.js';
import { startTestApp, unique, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;
const parisMonth = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', month: 'long', year: 'numeric' }).format(date);

describe('the sessions calendar and corrections with their history in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let c: Commission;
  let coordinatorName: string;
  const { open, closeAll } = browsersFor(() => baseURL);
  const rename = async (user: TestUser, label: string) => {
    const name = `${label} ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(c.admin)).send({ displayName: name }).expect(200);
    return name;
  };

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    c = await commission(t);
    coordinatorName = await rename(c.coordinator, 'Coordinatrice Calendrier');
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'the coordinator finds a held session in the calendar, corrects an outcome and a préconisation with reasons, and each history shows both versions',
    async () => {
      // A session held tomorrow, in a room of its own, with one item, its outcome and one préconisation.
      const location = `Salle ${unique('cal').replace(/[^a-z0-9]/gi, '')}`;
      const scheduledAt = inDays(1);
      const situation = await readySituation(t, c);
      const sessionId = (
        await t
          .http()
          .post('/api/sessions')
          .set(bearer(c.coordinator))
          .send({ scheduledAt: scheduledAt.toISOString(), location, chairUserId: c.nurse.id })
          .expect(201)
      ).body.id as string;
      const itemId = await addItem(t, c, sessionId, situation.id);
      await setSessionStatus(t, c, sessionId, 'agenda_published', 'held');
      const action = 'Accompagnement vers un logement adapté';
      await t
        .http()
        .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
        .set(bearer(c.coordinator))
        .send({
          summary: 'Synthèse initiale des échanges',
          recommendations: [{ action, carrierOrganizationId: c.carrierOrganization, carrierUserId: c.carrierA.id, dueDate: dateIn(30) }],
          pilotUserId: c.nurse.id,
          personResponse: { status: 'not_yet_asked' },
        })
        .expect(200);

      const { page, errors } = await open();
      await signIn(page, c.coordinator.email);
      await heading(page, /Bonjour/).waitFor();
      await page.getByRole('link', { name: 'Séances' }).first().click();
      await heading(page, 'Séances de la commission').waitFor();

      // The calendar: a month grid as a table, the session a link in its day's cell.
      await page.getByRole('group', { name: 'Affichage des séances' }).getByText('Calendrier').click();
      await page.getByRole('table', { name: `Séances de ${parisMonth(new Date())}` }).waitFor();
      if (parisMonth(scheduledAt) !== parisMonth(new Date())) await page.getByRole('button', { name: 'Mois suivant' }).click();
      const month = page.getByRole('table', { name: `Séances de ${parisMonth(scheduledAt)}` });
      const day = Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric' }).format(scheduledAt));
      const linkName = { name: new RegExp(`^Séance du ${day} .* — ${location}$`) };
      const link = month.getByRole('link', linkName);
      await link.waitFor();
      const cell = month.getByRole('cell').filter({ has: page.getByRole('link', linkName) });
      expect((await cell.locator('time').innerText()).trim()).toBe(String(day));
      await expectAccessible(page, 'séances — calendrier');
      await screenshot(page, '23-seances-calendrier');
      // Keyboard reachable: focused and followed with Enter.
      await link.focus();
      await page.keyboard.press('Enter');
      await heading(page, /^Séance du/).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/seances/${sessionId}`);

      // The outcome corrected with a reason.
      await page.getByRole('button', { name: `Corriger le compte rendu du point ${situation.reference}` }).click();
      const outcomeForm = page.getByRole('form', { name: `Corriger le compte rendu du point ${situation.reference}` });
      await outcomeForm.getByLabel('Synthèse corrigée').fill('Synthèse corrigée : la personne a accepté la visite');
      await outcomeForm.getByLabel(/^Motif de la correction/).fill('Erreur de saisie en séance');
      await expectAccessible(page, 'séance — correction du compte rendu');
      await screenshot(page, '24-seance-correction-compte-rendu');
      await outcomeForm.getByRole('button', { name: 'Enregistrer la correction' }).click();
      await page.getByText(`Compte rendu du point ${situation.reference} corrigé.`).waitFor();
      await page.getByText('Synthèse corrigée : la personne a accepté la visite', { exact: true }).waitFor();
      await page.getByRole('button', { name: `Historique du compte rendu du point ${situation.reference}` }).click();
      const outcomeHistory = page.getByRole('table', { name: `Versions du compte rendu du point ${situation.reference}` });
      const first = outcomeHistory.getByRole('row').filter({ hasText: 'Version 1' });
      await first.getByRole('cell', { name: 'Synthèse initiale des échanges', exact: true }).waitFor();
      await first.getByRole('cell', { name: 'Erreur de saisie en séance', exact: true }).waitFor();
      await first
        .getByRole('cell', { name: new RegExp(`^${coordinatorName}, le `) })
        .first()
        .waitFor();
      await outcomeHistory
        .getByRole('row')
        .filter({ hasText: 'Version 2 (en vigueur)' })
        .getByRole('cell', { name: 'Synthèse corrigée : la personne a accepté la visite' })
        .waitFor();

      // The préconisation corrected with a reason.
      await page.getByRole('button', { name: `Corriger la préconisation « ${action} »` }).click();
      const recommendationForm = page.getByRole('form', { name: `Corriger la préconisation « ${action} »` });
      await recommendationForm.getByLabel('Action corrigée').fill('Accompagnement vers un logement accompagné');
      await recommendationForm.getByLabel('Échéance corrigée').fill(dateIn(45));
      await recommendationForm.getByLabel('Motif de la correction').fill('Le bailleur propose un logement accompagné');
      await recommendationForm.getByRole('button', { name: 'Enregistrer la correction' }).click();
      await page.getByText('Préconisation corrigée.').waitFor();
      await page.getByRole('button', { name: 'Historique de la préconisation « Accompagnement vers un logement accompagné »' }).click();
      const recommendationHistory = page.getByRole('table', {
        name: 'Versions de la préconisation « Accompagnement vers un logement accompagné »',
      });
      const earlier = recommendationHistory.getByRole('row').filter({ hasText: 'Version 1' });
      await earlier.getByRole('cell', { name: action, exact: true }).waitFor();
      await earlier.getByRole('cell', { name: 'Le bailleur propose un logement accompagné', exact: true }).waitFor();
      await recommendationHistory
        .getByRole('row')
        .filter({ hasText: 'Version 2 (en vigueur)' })
        .getByRole('cell', { name: 'Accompagnement vers un logement accompagné', exact: true })
        .waitFor();
      await expectAccessible(page, 'séance — historiques des corrections');
      await screenshot(page, '25-seance-historique-corrections');

      const versions = (
        await t.http().get(`/api/sessions/${sessionId}/items/${itemId}/outcome/versions`).set(bearer(c.coordinator)).expect(200)
      ).body;
      expect(versions.map((v: { version: number; reason: string; replacedBy: string }) => [v.version, v.reason, v.replacedBy])).toEqual([
        [1, 'Erreur de saisie en séance', c.coordinator.id],
      ]);
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
