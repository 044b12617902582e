import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

/** The text a PDF draws: content streams inflated, their hex strings decoded (WinAnsi). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const text: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    try {
      const inflated = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
      for (const hex of inflated.matchAll(/<([0-9a-fA-F]+)>/g)) text.push(Buffer.from(hex[1], 'hex').toString('latin1'));
    } catch {
      // Not a compressed content stream.
    }
  }
  return text.join('');
}

describe('right of access: GET /api/situations/:id/subject-access', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let healthCoordinator: TestUser;
  let referrer: TestUser;
  let ethics: TestUser;
  let pilot: TestUser;
  let dacName: string;
  let ccasName: string;
  let carrierName: string;
  let carrierId: string;
  let dacId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    const organization = async (kind: string) => {
      const name = unique(kind);
      return {
        name,
        id: (await t.http().post('/api/organizations').set(bearer(admin)).send({ name, kind }).expect(201)).body.id as string,
      };
    };
    const ccas = await organization('ccas');
    const dac = await organization('dac');
    const carrier = await organization('housing_provider');
    ccasName = ccas.name;
    dacName = dac.name;
    carrierName = carrier.name;
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    healthCoordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    referrer = await createUser(t, admin, { roles: ['referrer'], organizationId: ccas.id });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    pilot = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: pilot.id, kind: 'permanent' }).expect(201);
    carrierId = carrier.id;
    dacId = dac.id;
  });
  afterAll(() => t.close());

  it('holds the case file, history, documents, consents, sessions, préconisations, recipients and accesses; audited', async () => {
    const body = intakeBody();
    const situation = await createSituation(t, referrer, body);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id);
    await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(referrer))
      .attach('file', pdf(), 'bilan-social.pdf')
      .expect(201);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: new Date().toISOString(), location: 'Salle 1' })
      .expect(201);
    const item = await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    for (const to of ['agenda_published', 'held'])
      await t.http().post(`/api/sessions/${session.body.id}/status`).set(bearer(coordinator)).send({ to }).expect(200);
    await t
      .http()
      .put(`/api/sessions/${session.body.id}/items/${item.body.items[0].id}/outcome`)
      .set(bearer(coordinator))
      .send({
        summary: 'Synthèse de la séance',
        recommendations: [{ action: 'Visite du bailleur', carrierOrganizationId: carrierId, dueDate: '2030-01-01' }],
        pilotUserId: pilot.id,
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    await t
      .http()
      .post('/api/referrals')
      .set(bearer(coordinator))
      .send({ situationId: situation.id, dacOrganizationId: dacId, reason: 'Motif', summaryForDac: 'Résumé' })
      .expect(201);

    const response = await t.http().get(`/api/situations/${situation.id}/subject-access`).set(bearer(coordinator)).expect(200);
    const document = response.body;
    expect(document.reference).toBe(situation.reference);
    expect(document.caseFile.identity).toMatchObject({
      birthName: body.identity.birthName,
      firstNames: body.identity.firstNames,
      birthDate: '1984-03-21',
    });
    expect(document.caseFile.narrative).toEqual(body.narrative);
    // The coordination's category does not read health: held, named, not shown.
    expect(document.caseFile.health).toBeUndefined();
    expect(document.withheldGroups).toEqual(['health']);
    expect(document.history.map((step: { to: string }) => step.to)).toEqual(['admissible', 'in_preparation', 'scheduled', 'reviewed']);
    expect(document.documents).toEqual([expect.objectContaining({ filename: 'bilan-social.pdf', mediaType: 'application/pdf' })]);
    expect(document.consents.map((consent: { purpose: string; decision: string }) => `${consent.purpose}:${consent.decision}`)).toEqual([
      'review:given',
      'dac_transmission:given',
    ]);
    expect(document.sessions).toHaveLength(1);
    expect(document.sessions[0]).toMatchObject({ summary: 'Synthèse de la séance', personResponse: 'not_yet_asked' });
    expect(document.sessions[0].recommendations).toEqual([
      expect.objectContaining({ action: 'Visite du bailleur', status: 'open', carrierOrganization: carrierName }),
    ]);
    expect(document.referrals).toEqual([expect.objectContaining({ direction: 'outbound', dac: dacName, status: 'draft' })]);
    expect(document.recipients.map((recipient: { organization: string }) => recipient.organization)).toEqual(
      expect.arrayContaining([ccasName, dacName, carrierName]),
    );
    const roles = document.accesses.map(
      (entry: { role: string; organization: string | null }) => `${entry.role}@${entry.organization ?? '-'}`,
    );
    expect(roles).toEqual(expect.arrayContaining([`referrer@${ccasName}`, 'coordinator@-']));
    expect(JSON.stringify(document.accesses)).not.toContain(referrer.email);

    const { rows } = await t.superuser.query(
      `SELECT actor_user_id FROM audit.event WHERE action = 'situation.subject_access' AND situation_id = $1 AND outcome = 'granted' ORDER BY seq`,
      [situation.id],
    );
    expect(rows.map((row) => row.actor_user_id)).toEqual([coordinator.id]);

    const exported = await t
      .http()
      .get(`/api/situations/${situation.id}/subject-access?format=pdf`)
      .set(bearer(coordinator))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(exported.headers['content-type']).toContain('application/pdf');
    expect((exported.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const drawn = pdfText(exported.body as Buffer);
    expect(drawn).toContain(body.identity.birthName);
    expect(drawn).toContain('Qui a consulté votre dossier');
    expect(drawn).toContain('Visite du bailleur');
    // Each production is audited, the PDF too.
    const audited = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE action = 'situation.subject_access' AND situation_id = $1 AND outcome = 'granted'`,
      [situation.id],
    );
    expect(audited.rows[0].n).toBe(2);

    // A coordinator whose category reads health gets it.
    const withHealth = await t.http().get(`/api/situations/${situation.id}/subject-access`).set(bearer(healthCoordinator)).expect(200);
    expect(withHealth.body.caseFile.health).toEqual(body.health);
    expect(withHealth.body.withheldGroups).toEqual([]);
  });

  it('is produced by the coordination only: the referrer, the ethics committee and a member learn nothing', async () => {
    const situation = await createSituation(t, referrer);
    for (const user of [referrer, ethics, pilot, admin]) {
      const response = await t.http().get(`/api/situations/${situation.id}/subject-access`).set(bearer(user));
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Naissance');
    }
  });
});
