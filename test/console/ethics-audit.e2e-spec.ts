import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { AuditService } from '../../src/audit/audit.service.js';
import { bearer, createSituation } from '../support/situations.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, unique, type TestApp, type TestUser } from '../support/test-app.js';
import { browsersFor, expectAccessible, heading, listen, screenshot, signIn } from '../support/browser.js';

// Browser journeys on a shared, busy machine: a generous bound per test (no timing is asserted).
const JOURNEY_TIMEOUT = 300_000;
/** Today in the commission's time zone, as a date field takes it (YYYY-MM-DD). */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

describe('the ethics committee audits the trail in the console', () => {
  let t: TestApp;
  let baseURL: string;
  let admin: TestUser;
  let ethics: TestUser;
  let reader: TestUser;
  let otherReader: TestUser;
  let referrer: TestUser;
  const { open, closeAll } = browsersFor(() => baseURL);
  const named = async (user: TestUser, label: string) => {
    const name = `${label} ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(admin)).send({ displayName: name }).expect(200);
    return name;
  };

  beforeAll(async () => {
    // A chain of its own: its verification must not depend on what other test files do to the shared one.
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase() });
    baseURL = await listen(t);
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    reader = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    otherReader = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  }, JOURNEY_TIMEOUT);
  afterEach(async () => {
    await closeAll();
  });
  afterAll(async () => {
    await t?.close();
  }, JOURNEY_TIMEOUT);

  it(
    'finds who read a case file by the reader’s name and by period, exports that search as CSV without case content, and sees the chain verified up to its last signed checkpoint',
    async () => {
      const readerName = await named(reader, 'Lectrice Coordinatrice');
      const otherName = await named(otherReader, 'Autre Lecteur');
      const situation = await createSituation(t, referrer);
      const caseFile = (await t.http().get(`/api/situations/${situation.id}`).set(bearer(reader)).expect(200)).body;
      await t.http().get(`/api/situations/${situation.id}`).set(bearer(otherReader)).expect(200);
      await t.app.get(AuditService).checkpoint();

      const { page, errors } = await open();
      await signIn(page, ethics.email);
      await heading(page, /Bonjour/).waitFor();
      await page.getByRole('link', { name: 'Comité d’éthique' }).first().click();
      await heading(page, 'Comité d’éthique').waitFor();
      const form = page.getByRole('form', { name: 'Rechercher dans le journal d’audit' });

      // By reference alone: both readers.
      await form.getByLabel(/^Référence du dossier/).fill(situation.reference);
      await form.getByRole('button', { name: 'Rechercher' }).click();
      const byReference = page.getByRole('table', { name: `Accès au dossier ${situation.reference}` });
      await byReference.getByRole('row').filter({ hasText: readerName }).first().waitFor();
      await byReference.getByRole('row').filter({ hasText: otherName }).first().waitFor();

      // Without the reference: the reader chosen by name, today only, reads only.
      await form.getByLabel(/^Référence du dossier/).fill('');
      await form.getByRole('searchbox', { name: /^Rechercher la personne par son nom/ }).fill(readerName.slice(0, -2));
      await form.getByRole('group', { name: 'Personnes trouvées' }).getByText(readerName, { exact: false }).click();
      await form.getByText(`Personne retenue : ${readerName}`).waitFor();
      await form.getByLabel(/^Du/).fill(today());
      await form.getByLabel(/^Au/).fill(today());
      await form.getByLabel('Action').selectOption({ label: 'Lecture du dossier' });
      await expectAccessible(page, 'comité — recherche par personne et par période');
      await form.getByRole('button', { name: 'Rechercher' }).click();
      const events = page.getByRole('table', { name: 'Événements du journal d’audit' });
      const readRow = events.getByRole('row').filter({ hasText: readerName }).filter({ hasText: 'Lecture du dossier' });
      await readRow.getByRole('cell', { name: 'Coordination', exact: true }).waitFor();
      await page
        .getByText(new RegExp(`^1 événement du journal par ${readerName} du .* au .*, du plus récent au plus ancien\\.$`))
        .waitFor();
      expect(await events.innerText()).not.toContain(otherName);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain(caseFile.identity.birthName);
      await expectAccessible(page, 'comité — accès trouvés par personne et par période');
      await screenshot(page, '21-comite-recherche-personne-periode');

      // The same search as CSV: the reader's read of this case file, by id and name, codes, no content.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter cette recherche en CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('journal-audit.csv');
      const csv = await readFile(await download.path(), 'utf8');
      const [header, ...rows] = csv.trim().split('\r\n');
      expect(header).toBe(
        'seq,recorded_at,actor_user_id,actor_name,actor_role,actor_organization_id,actor_organization_name,action,resource_type,resource_id,situation_id,outcome,purpose_type,purpose_id,policy_version,request_id,client_address',
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`"${reader.id}","${readerName}","coordinator"`);
      expect(rows[0]).toContain(`"situation.read"`);
      expect(rows[0]).toContain(`"${situation.id}"`);
      expect(csv).not.toContain(otherReader.id);
      expect(csv).not.toContain(caseFile.identity.birthName);
      await page.getByText('1 événement exporté (fichier journal-audit.csv).').waitFor();
      const exports = await t.superuser.query(
        "SELECT count(*)::int AS n FROM audit.event WHERE action = 'audit.export' AND actor_user_id = $1",
        [ethics.id],
      );
      expect(exports.rows[0].n).toBe(1);

      // A past period: nothing.
      await form.getByLabel(/^Du/).fill('2020-01-01');
      await form.getByLabel(/^Au/).fill('2020-12-31');
      await form.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText(new RegExp(`^Aucun événement du journal par ${readerName} du 1 janvier 2020 au 31 décembre 2020\\.$`)).waitFor();

      // The anomaly report and the chain's verification with its last signed checkpoint.
      const [checkpoint] = (await t.superuser.query('SELECT seq FROM audit.checkpoint ORDER BY seq DESC LIMIT 1')).rows;
      await page.getByRole('heading', { level: 2, name: 'Rapport d’anomalies' }).waitFor();
      await page.getByText(/aucune anomalie\. État de la chaîne : intact/).waitFor();
      await page.getByRole('button', { name: 'Vérifier l’intégrité du journal' }).click();
      await page.getByText('Journal intact').waitFor();
      await page.getByText(new RegExp(`^Dernier point de contrôle signé : entrée n° ${checkpoint.seq}, signé le `)).waitFor();
      await expectAccessible(page, 'comité — anomalies et intégrité du journal');
      await page.getByRole('heading', { level: 2, name: 'Rapport d’anomalies' }).scrollIntoViewIfNeeded();
      await screenshot(page, '22-comite-anomalies-integrite');
      expect(errors).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
