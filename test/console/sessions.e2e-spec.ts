import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { commission, dateIn, draftedMinutes, readySituation, type Commission } from '../support/commission.js';
import { bearer } from '../support/situations.js';
import { startTestApp, unique, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;

describe('commission sessions in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let c: Commission;
  const names: Record<string, string> = {};
  let carrierName: string;
  const { open, closeAll } = browsersFor(() => baseURL);
  const rename = async (user: TestUser, label: string) => {
    names[user.id] = `${label} ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(c.admin)).send({ displayName: names[user.id] }).expect(200);
    return names[user.id];
  };

  beforeAll(async () => {
    t = await startTestApp();
    baseURL = await listen(t);
    c = await commission(t);
    await rename(c.nurse, 'Présidente Infirmière');
    await rename(c.invitee, 'Invitée Psychologue');
    await rename(c.carrierA, 'Porteuse Sociale');
    await rename(c.housing, 'Membre Bailleur');
    carrierName = c.organizationNames.get(c.carrierOrganization)!;
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'a coordinator prepares a session with an invitee for one item, runs it and drafts its minutes; the chair approves them and downloads the PDF',
    async () => {
      const [first, second, third] = [await readySituation(t, c), await readySituation(t, c), await readySituation(t, c)];
      const { page, errors } = await open();
      await signIn(page, c.coordinator.email);
      await heading(page, /Bonjour/).waitFor();

      // The list, then a new session whose chair is chosen by name.
      await page.getByRole('link', { name: 'Séances' }).first().click();
      await heading(page, 'Séances de la commission').waitFor();
      await page.getByLabel('Date de la séance').fill(dateIn(7));
      await page.getByLabel('Heure').fill('14:30');
      await page.getByLabel(/^Lieu/).fill('Mairie de quartier, salle 2');
      await page.getByLabel('Rechercher un membre de la commission').fill(names[c.nurse.id].slice(0, -2));
      await page.getByRole('group', { name: 'Membres trouvés' }).getByText(names[c.nurse.id], { exact: false }).click();
      await page.getByText(`Présidence : ${names[c.nurse.id]}`).waitFor();
      await expectAccessible(page, 'séances — nouvelle séance');
      await page.getByRole('button', { name: 'Créer la séance' }).click();
      await heading(page, /^Séance du/).waitFor();
      await page.getByText(`Présidence : ${names[c.nurse.id]}`).waitFor();
      const sessionId = new URL(page.url()).pathname.split('/')[2];

      // The agenda: three situations found by reference, an invitee for the first item only.
      const addForm = page.getByRole('form', { name: 'Ajouter un point à l’ordre du jour' });
      const addItem = async (reference: string, invitee?: TestUser) => {
        await addForm.getByLabel(/^Référence de la situation/).fill(reference);
        await addForm.getByRole('button', { name: 'Rechercher la situation' }).click();
        await addForm.getByRole('group', { name: 'Situations trouvées' }).getByText(reference, { exact: true }).click();
        if (invitee) {
          await addForm.getByRole('searchbox', { name: /^Rechercher une personne/ }).fill(names[invitee.id].slice(0, -2));
          await addForm.getByRole('group', { name: 'Personnes trouvées' }).getByText(names[invitee.id], { exact: false }).click();
          await addForm.getByRole('list', { name: 'Personnes retenues' }).getByText(names[invitee.id]).waitFor();
          await expectAccessible(page, 'séance — ajout d’un point avec un invité');
        }
        await addForm.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
        await page.getByText(`Situation ${reference} inscrite à l’ordre du jour.`).waitFor();
      };
      await addItem(first.reference, c.invitee);
      await addItem(second.reference);
      await addItem(third.reference);
      await page.getByText(`Invités pour ce point seulement : ${names[c.invitee.id]}`).waitFor();

      // Remove the third, then put the second first.
      await page.getByRole('button', { name: `Retirer le point ${third.reference}` }).click();
      await page.getByText(`Point ${third.reference} retiré de l’ordre du jour.`).waitFor();
      await page.getByRole('button', { name: `Monter le point ${second.reference}` }).click();
      await page.getByText(`Point ${second.reference} déplacé.`).waitFor();
      const headings = page.getByRole('heading', { level: 3, name: /^Point \d/ });
      await expect(headings.allInnerTexts()).resolves.toEqual([
        `Point 1 — Situation ${second.reference}`,
        `Point 2 — Situation ${first.reference}`,
      ]);
      await expectAccessible(page, 'séance — ordre du jour');
      await screenshot(page, '15-seance-ordre-du-jour');

      // Published: the invitee now reads the first item's situation, not the second's.
      await page.getByRole('button', { name: 'Publier l’ordre du jour' }).click();
      await page
        .getByText(/Ordre du jour publié/)
        .first()
        .waitFor();
      await t.http().get(`/api/situations/${first.id}`).set(bearer(c.invitee)).expect(200);
      await t.http().get(`/api/situations/${second.id}`).set(bearer(c.invitee)).expect(404);

      // Held: attendance, then the first item's outcome with a préconisation carried by a structure and a person.
      await page.getByRole('button', { name: 'Déclarer la séance tenue' }).click();
      await page.getByText('La séance est tenue.').waitFor();
      const attendance = page.getByRole('form', { name: 'Présences' });
      await attendance.getByRole('group', { name: 'Membres de la commission présents' }).getByText(names[c.nurse.id]).click();
      await attendance.getByRole('group', { name: 'Membres de la commission présents' }).getByText(names[c.housing.id]).click();
      await attendance
        .getByRole('group', { name: /Invités présents/ })
        .getByText(names[c.invitee.id], { exact: false })
        .click();
      await expectAccessible(page, 'séance — présences');
      await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
      await page.getByText('Présences enregistrées.').waitFor();

      const outcome = page.getByRole('form', { name: `Compte rendu du point ${first.reference}` });
      await outcome.getByLabel('Synthèse des échanges').fill('Situation discutée : coordination des soins et du logement.');
      await outcome.getByLabel('Rechercher un membre de la commission').fill(names[c.nurse.id].slice(0, -2));
      await outcome.getByRole('group', { name: 'Membres trouvés' }).getByText(names[c.nurse.id], { exact: false }).click();
      await outcome.getByLabel('Action préconisée').fill('Visite à domicile conjointe');
      await outcome.getByRole('searchbox', { name: /^Structure porteuse/ }).fill(carrierName);
      await outcome.getByRole('group', { name: 'Structures trouvées' }).getByText(carrierName, { exact: true }).click();
      await outcome.getByRole('searchbox', { name: /^Personne porteuse/ }).fill(names[c.carrierA.id].slice(0, -2));
      await outcome.getByRole('group', { name: 'Personnes trouvées' }).getByText(names[c.carrierA.id], { exact: false }).click();
      await outcome.getByLabel('Échéance').fill(dateIn(30));
      await outcome.getByRole('button', { name: 'Ajouter la préconisation' }).click();
      await outcome
        .getByRole('list', { name: 'Préconisations ajoutées' })
        .getByText(/Visite à domicile conjointe/)
        .waitFor();
      await expectAccessible(page, 'séance — compte rendu');
      await outcome.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
      await page.getByText(`Compte rendu du point ${first.reference} enregistré.`).waitFor();
      const table = page.getByRole('table', { name: 'Préconisations' });
      await table.getByRole('cell', { name: carrierName }).waitFor();
      await table.getByRole('cell', { name: names[c.carrierA.id] }).waitFor();
      await screenshot(page, '16-seance-compte-rendu');

      // The minutes, drafted by the coordination.
      await page.getByLabel(`Procès-verbal du point ${first.reference}`).fill('La commission préconise une visite à domicile conjointe.');
      await page.getByRole('button', { name: 'Enregistrer le procès-verbal' }).click();
      await page.getByText(/Procès-verbal enregistré/).waitFor();
      await expectAccessible(page, 'séance — procès-verbal rédigé');

      // The list filtered by state finds the session as held.
      await page.getByRole('link', { name: 'Toutes les séances' }).click();
      await heading(page, 'Séances de la commission').waitFor();
      await page.getByLabel('État de la séance').selectOption({ label: 'Tenue' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.locator(`a[href="/seances/${sessionId}"]`).waitFor();
      await expectAccessible(page, 'séances — filtrées');
      await screenshot(page, '17-seances');
      await page.getByLabel('État de la séance').selectOption({ label: 'Annulée' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.locator(`a[href="/seances/${sessionId}"]`).waitFor({ state: 'detached' });
      expect(errors).toEqual([]);

      // The chair approves the minutes and downloads the PDF.
      const chair = await open();
      await signIn(chair.page, c.nurse.email);
      await heading(chair.page, /Bonjour/).waitFor();
      await chair.page.getByRole('link', { name: 'Séances' }).first().click();
      await heading(chair.page, 'Séances de la commission').waitFor();
      await chair.page.locator(`a[href="/seances/${sessionId}"]`).click();
      await heading(chair.page, /^Séance du/).waitFor();
      await chair.page.getByText('La commission préconise une visite à domicile conjointe.').waitFor();
      await expectAccessible(chair.page, 'séance — approbation par la présidence');
      await chair.page.getByRole('button', { name: 'Approuver le procès-verbal' }).click();
      await chair.page.getByText(/Procès-verbal approuvé : il est désormais figé/).waitFor();
      await expectAccessible(chair.page, 'séance — procès-verbal approuvé');
      await screenshot(chair.page, '18-proces-verbal');
      const [download] = await Promise.all([
        chair.page.waitForEvent('download'),
        chair.page.getByRole('button', { name: 'Télécharger le procès-verbal (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`proces-verbal-${sessionId}.pdf`);
      const pdf = await download.path();
      const { readFile } = await import('node:fs/promises');
      expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(chair.errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the coordination names the chair of a held session whose minutes are already drafted, and the chair is told they await approval',
    async () => {
      const { sessionId } = await draftedMinutes(t, c);

      const { page, errors } = await open();
      await signIn(page, c.coordinator.email);
      await heading(page, /Bonjour/).waitFor();
      await page.goto(`${baseURL}/seances/${sessionId}`);
      await heading(page, /^Séance du/).waitFor();
      await page.getByText('Présidence : Non désignée').waitFor();
      await page.getByRole('button', { name: 'Désigner la présidence' }).click();
      const form = page.getByRole('form', { name: 'Présidence de la séance' });
      await form.getByLabel('Rechercher un membre de la commission').fill(names[c.nurse.id].slice(0, -2));
      await form.getByRole('group', { name: 'Membres trouvés' }).getByText(names[c.nurse.id], { exact: false }).click();
      await form.getByText(`Présidence retenue : ${names[c.nurse.id]}`).waitFor();
      await expectAccessible(page, 'séance tenue — désigner la présidence');
      await form.getByRole('button', { name: 'Enregistrer la présidence' }).click();
      await page.getByText(`Présidence confiée à ${names[c.nurse.id]}.`).waitFor();
      await page.getByText(`Présidence : ${names[c.nurse.id]}`).waitFor();
      expect(errors).toEqual([]);
      const told = await t.http().get('/api/notifications?limit=100').set(bearer(c.nurse)).expect(200);
      expect(
        told.body.items.filter(
          (n: { kind: string; link: string }) => n.kind === 'minutes.awaiting_approval' && n.link === `/seances/${sessionId}`,
        ),
      ).toHaveLength(1);
    },
    JOURNEY_TIMEOUT,
  );
});
