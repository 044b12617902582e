import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createSituation, intakeBody, moveTo } from '../support/situations.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;

/** Today in the service's time zone (the console and the statistics count in Europe/Paris). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
/** A calendar day as the console writes it (« 1 janvier 2026 »). */
const inWords = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

describe('the Bilan in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let coordinator: TestUser;
  let ethics: TestUser;
  let member: TestUser;
  const { open, closeAll } = browsersFor(() => baseURL);
  /** The text of the first data cell of the row whose header is `row`, in the table named `table`. */
  const figure = (page: Page, table: string, row: string) =>
    page
      .getByRole('table', { name: table, exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
      .getByRole('cell')
      .first()
      .innerText();

  beforeAll(async () => {
    // A database of its own: every count on the screen is exactly what this test recorded.
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase() });
    baseURL = await listen(t);
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    member = await createUser(t, admin, { roles: ['member'] });
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    // Seven saisines today: all about housing (published), one also about isolation and about a man
    // (small counts: « secret statistique »).
    const situations = [];
    for (let i = 0; i < 6; i++) situations.push(await createSituation(t, referrer, { problemAreas: ['housing'] }));
    situations.push(
      await createSituation(t, referrer, { problemAreas: ['housing', 'isolation'], identity: { ...intakeBody().identity, sex: 'male' } }),
    );
    // Five found admissible (published), one rejected (a small count).
    for (const situation of situations.slice(0, 5)) await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await moveTo(t, coordinator, situations[5].id, [{ to: 'rejected', reason: 'Hors du champ de la commission' }]);
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'the coordination reads the protected tables of the year, changes the period, downloads the CSV and the PDF report; a period of few saisines gives only their number',
    async () => {
      const { page, errors } = await open();
      await signIn(page, coordinator.email);
      await heading(page, /Bonjour/).waitFor();
      await expectAccessible(page, 'accueil — coordination');
      await page.getByRole('banner').getByRole('link', { name: 'Bilan', exact: true }).first().click();
      await heading(page, 'Bilan').waitFor();
      const year = today().slice(0, 4);
      await expect(page.getByLabel(/^Du/).inputValue()).resolves.toBe(`${year}-01-01`);
      await expect(page.getByLabel(/^Au/).inputValue()).resolves.toBe(today());
      await page
        .getByRole('status')
        .getByText(/: 7 saisines\.$/)
        .waitFor();

      // Published figures.
      const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date());
      await expect(figure(page, 'Saisines par mois', month)).resolves.toBe('7');
      await expect(figure(page, 'Saisines par problématique', 'Logement')).resolves.toBe('7');
      await expect(figure(page, 'Saisines par problématique', 'Addictions')).resolves.toBe('0');
      // One rejection is a small count (primary); the five admissible would give it away from the total of six (secondary).
      await expect(figure(page, 'Décisions de recevabilité', 'Total')).resolves.toBe('6');
      await expect(figure(page, 'Décisions de recevabilité', 'Non recevable')).resolves.toMatch(/^secret statistique.*secret primaire/s);
      await expect(figure(page, 'Décisions de recevabilité', 'Recevable')).resolves.toMatch(/^secret statistique.*secret secondaire/s);
      // A small count: hidden, and said so to screen readers too.
      const isolation = await figure(page, 'Saisines par problématique', 'Isolement');
      expect(isolation).toContain('secret statistique');
      await expect(
        page
          .getByRole('table', { name: 'Saisines par problématique' })
          .getByRole('cell', { name: /secret statistique.*secret primaire/ })
          .count(),
      ).resolves.toBe(1);
      // In the table by decade and sex, the one man is hidden (primary) and so is what would give him away (secondary).
      const ageSex = page.getByRole('table', { name: 'Saisines par décennie de naissance et par sexe' });
      await expect(ageSex.getByRole('cell', { name: /secret primaire/ }).count()).resolves.toBeGreaterThan(0);
      await expect(ageSex.getByRole('cell', { name: /secret secondaire/ }).count()).resolves.toBeGreaterThan(0);
      expect((await ageSex.getByRole('cell').allInnerTexts()).map((text) => text.trim())).not.toContain('1');
      await page.getByRole('heading', { level: 2, name: 'Secret statistique' }).waitFor();
      await page.getByText(/Saisines par mois \(graphique/).waitFor();
      await expectAccessible(page, 'bilan — année en cours');
      await screenshot(page, '40-bilan');

      // Another period: this month so far.
      const monthStart = `${today().slice(0, 7)}-01`;
      await page.getByLabel(/^Du/).fill(monthStart);
      await page.getByRole('button', { name: 'Afficher le bilan' }).click();
      await page
        .getByRole('status')
        .getByText(`Du ${inWords(monthStart)} au ${inWords(today())} : 7 saisines.`)
        .waitFor();
      await expect(figure(page, 'Saisines par mois', month)).resolves.toBe('7');
      await expect(page.getByRole('table', { name: 'Saisines par mois' }).getByRole('row').count()).resolves.toBe(3); // header, the month, total

      // The CSV of this period, through the bearer-authenticated API.
      const [csvDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger les tableaux de la période (CSV)' }).click(),
      ]);
      expect(csvDownload.suggestedFilename()).toBe(`statistiques-${monthStart}-${today()}.csv`);
      const csv = await readFile(await csvDownload.path(), 'utf8');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('tableau;ligne;colonne;effectif;secret');
      expect(lines).toContain('"saisines";"total";"";"7";""');
      expect(lines).toContain('"Saisines par problématique";"Logement";"Effectif";"7";""');
      expect(lines).toContain('"Saisines par problématique";"Isolement";"Effectif";;"primary"');

      // The yearly report.
      const [pdfDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Télécharger le rapport annuel ${year} (PDF)` }).click(),
      ]);
      expect(pdfDownload.suggestedFilename()).toBe(`bilan-cellule-${year}.pdf`);
      expect((await readFile(await pdfDownload.path())).subarray(0, 5).toString()).toBe('%PDF-');

      // Last year: no saisine, fewer than the threshold: only the number is given.
      const lastYear = String(Number(year) - 1);
      await page.getByLabel(/^Du/).fill(`${lastYear}-01-01`);
      await page.getByLabel(/^Au/).fill(`${lastYear}-12-31`);
      await page.getByRole('button', { name: 'Afficher le bilan' }).click();
      await page
        .getByRole('status')
        .getByText(`Du ${inWords(`${lastYear}-01-01`)} au ${inWords(`${lastYear}-12-31`)} : 0 saisine.`)
        .waitFor();
      await page.getByText('Moins de 5 saisines sur cette période').waitFor();
      await expect(page.getByRole('table').count()).resolves.toBe(0);
      await expectAccessible(page, 'bilan — période sous le seuil');
      await screenshot(page, '41-bilan-sous-le-seuil');

      // A period that ends before it starts is refused on the screen.
      await page.getByLabel(/^Du/).fill(`${year}-12-31`);
      await page.getByLabel(/^Au/).fill(`${year}-01-01`);
      await page.getByRole('button', { name: 'Afficher le bilan' }).click();
      await page.getByRole('alert').getByText('La date de début doit précéder la date de fin.').waitFor();
      await expectAccessible(page, 'bilan — période invalide');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the ethics committee reaches the Bilan from its home page; a member of the cell has no entry to it',
    async () => {
      const committee = await open();
      await signIn(committee.page, ethics.email);
      await heading(committee.page, /Bonjour/).waitFor();
      await expectAccessible(committee.page, 'accueil — comité d’éthique');
      await committee.page.getByRole('main').getByRole('link', { name: 'Bilan', exact: true }).click();
      await heading(committee.page, 'Bilan').waitFor();
      await expect(figure(committee.page, 'Saisines par problématique', 'Logement')).resolves.toBe('7');
      await expectAccessible(committee.page, 'bilan — comité d’éthique');
      await screenshot(committee.page, '42-bilan-comite-ethique');
      expect(committee.errors).toEqual([]);

      const cell = await open();
      await signIn(cell.page, member.email);
      await heading(cell.page, /Bonjour/).waitFor();
      await cell.page.getByRole('link', { name: 'Séances' }).first().waitFor();
      await expect(cell.page.getByRole('link', { name: 'Bilan', exact: true }).count()).resolves.toBe(0);
      await expectAccessible(cell.page, 'accueil — membre');
      expect(cell.errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
