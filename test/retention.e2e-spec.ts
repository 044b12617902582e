import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { runInContext } from '../src/common/request-context.js';
import { DataKeyService } from '../src/crypto/data-key.service.js';
import { UnitOfWork } from '../src/database/unit-of-work.js';
import { RetentionService } from '../src/rights/retention.service.js';
import { bearer, createSituation, giveConsent, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

describe('retention that destroys (crypto-shredding)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let referrer: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  /** A situation with a document and a consent, closed `daysAgo` days ago. */
  async function closedSituation(daysAgo: number) {
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id);
    await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(referrer))
      .attach('file', pdf(), 'compte-rendu.pdf')
      .expect(201);
    await t
      .http()
      .post(`/api/situations/${situation.id}/transitions`)
      .set(bearer(coordinator))
      .send({ to: 'closed', outcome: 'resolved', reason: 'Situation résolue' })
      .expect(200);
    await t.superuser.query(
      `UPDATE cellule.situation_transition SET at = now() - make_interval(days => $2) WHERE situation_id = $1 AND to_status = 'closed'`,
      [situation.id, daysAgo],
    );
    return situation;
  }
  const service = () => t.app.get(RetentionService);
  const inUnit = <T>(work: () => Promise<T>) =>
    runInContext({ requestId: null, clientAddress: null }, () => t.app.get(UnitOfWork).run(true, work));
  const statisticsTotal = async () => (await t.http().get('/api/statistics').set(bearer(coordinator)).expect(200)).body.saisines as number;

  it('destroys a situation closed longer than the policy keeps it: key gone, ciphertexts and document bytes erased, tombstone counted, 410 everywhere, audited', async () => {
    const expired = await closedSituation(731);
    const recent = await closedSituation(10);
    const before = await statisticsTotal();

    const destroyed = await service().runOnce();
    expect(destroyed).toContain(expired.id);
    expect(destroyed).not.toContain(recent.id);

    const key = await t.superuser.query('SELECT wrapped_dek, destroyed_at FROM cellule.situation_key WHERE situation_id = $1', [
      expired.id,
    ]);
    expect(key.rows[0].wrapped_dek).toBeNull();
    expect(key.rows[0].destroyed_at).not.toBeNull();
    await expect(t.app.get(DataKeyService).load(expired.id)).rejects.toThrow();
    const row = await t.superuser.query(
      'SELECT reference, status, closure_outcome, blind_index, destroyed_at, length(identity_enc) + length(contact_enc) + length(social_enc) + length(health_enc) + length(narrative_enc) AS bytes FROM cellule.situation WHERE id = $1',
      [expired.id],
    );
    expect(row.rows[0]).toMatchObject({
      reference: expired.reference,
      status: 'closed',
      closure_outcome: 'resolved',
      blind_index: null,
      bytes: 0,
    });
    expect(row.rows[0].destroyed_at).not.toBeNull();
    const documents = await t.superuser.query(
      'SELECT length(content_enc) + length(filename_enc) AS bytes FROM cellule.document WHERE situation_id = $1',
      [expired.id],
    );
    expect(documents.rows.map((document) => document.bytes)).toEqual([0]);

    const read = await t.http().get(`/api/situations/${expired.id}`).set(bearer(coordinator));
    expect(read.status).toBe(410);
    expect(read.headers['content-type']).toContain('application/problem+json');
    expect((await t.http().get(`/api/situations/${expired.id}/subject-access`).set(bearer(coordinator))).status).toBe(410);
    // The tombstone is still counted.
    expect(await statisticsTotal()).toBe(before);
    // The recent one is untouched.
    await t.http().get(`/api/situations/${recent.id}`).set(bearer(coordinator)).expect(200);

    const audit = await t.superuser.query(
      `SELECT outcome, purpose_type FROM audit.event WHERE action = 'situation.destroy' AND situation_id = $1`,
      [expired.id],
    );
    expect(audit.rows).toEqual([{ outcome: 'granted', purpose_type: 'retention' }]);
    // Applying again changes nothing.
    expect(await service().runOnce()).not.toContain(expired.id);
  });

  it('respects a legal hold until it is lifted', async () => {
    const held = await closedSituation(800);
    const holdId = await inUnit(() => service().placeHold(held.id, 'Procédure judiciaire en cours (référence du greffe)', coordinator.id));
    expect(await service().runOnce()).not.toContain(held.id);
    await t.http().get(`/api/situations/${held.id}`).set(bearer(coordinator)).expect(200);
    await inUnit(() => service().liftHold(holdId, coordinator.id));
    expect(await service().runOnce()).toContain(held.id);
    await t.http().get(`/api/situations/${held.id}`).set(bearer(coordinator)).expect(410);
  });
});
