import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { RetentionService } from '../src/rights/retention.service.js';
import { type Commission, commission, dateIn, newSession, reviewed } from './support/commission.js';
import { listRoutes } from './support/routes.js';
import { bearer } from './support/situations.js';
import { startTestApp, type TestApp, type TestUser } from './support/test-app.js';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

interface Link {
  from: string;
  fromColumn: string;
  to: string;
  toColumn: string;
}

/**
 * Every bytea column of a base table in schema cellule, from the catalogue, with the join path
 * (foreign keys) from its table to cellule.situation. A table that holds bytes but cannot be tied
 * to a situation is reported, so that a new table is never silently left out.
 */
async function ciphertextColumns(t: TestApp): Promise<{ columns: { table: string; column: string; sql: string }[]; unlinked: string[] }> {
  const columns = (
    await t.superuser.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'cellule' AND c.data_type = 'bytea' ORDER BY c.table_name, c.column_name`,
    )
  ).rows as { table_name: string; column_name: string }[];
  const links = (
    await t.superuser.query(
      `SELECT tc.table_name AS "from", kcu.column_name AS "fromColumn", ccu.table_name AS "to", ccu.column_name AS "toColumn"
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'cellule' AND ccu.table_schema = 'cellule'
        ORDER BY tc.table_name, kcu.column_name`,
    )
  ).rows as Link[];
  // Shortest foreign-key path from a table to cellule.situation (breadth first).
  const pathTo = (table: string): Link[] | undefined => {
    const queue: { table: string; path: Link[] }[] = [{ table, path: [] }];
    const seen = new Set([table]);
    while (queue.length > 0) {
      const { table: current, path } = queue.shift()!;
      if (current === 'situation') return path;
      for (const link of links.filter((candidate) => candidate.from === current && !seen.has(candidate.to))) {
        seen.add(link.to);
        queue.push({ table: link.to, path: [...path, link] });
      }
    }
    return undefined;
  };
  const unlinked: string[] = [];
  const result: { table: string; column: string; sql: string }[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const path = pathTo(table);
    if (!path) {
      unlinked.push(`${table}.${column}`);
      continue;
    }
    const joins = path.map(
      (link, index) => `JOIN cellule.${link.to} t${index + 1} ON t${index + 1}.${link.toColumn} = t${index}.${link.fromColumn}`,
    );
    const situationAlias = `t${path.length}`;
    result.push({
      table,
      column,
      sql: `SELECT count(*) FILTER (WHERE length(t0.${column}) > 0)::int AS bytes FROM cellule.${table} t0 ${joins.join(' ')} WHERE ${situationAlias}.id = $1`,
    });
  }
  return { columns: result, unlinked };
}

/** The columns that still hold bytes for the situation. */
async function withBytes(t: TestApp, situationId: string): Promise<string[]> {
  const { columns } = await ciphertextColumns(t);
  const found: string[] = [];
  for (const { table, column, sql } of columns) {
    const [{ bytes }] = (await t.superuser.query(sql, [situationId])).rows as { bytes: number }[];
    if (bytes > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('destruction leaves nothing decryptable', () => {
  let t: TestApp;
  let c: Commission;
  let destroyed: { id: string; reference: string };
  let beforeDestruction: string[];
  let saisinesBefore: number;

  const post = (user: TestUser, path: string, body: object) => t.http().post(path).set(bearer(user)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    // A situation that went everywhere: reviewed with a préconisation, corrections, the person's
    // response, minutes, a document, a DAC referral with its steps and a meeting, a restriction
    // placed and lifted, an objection, then closed.
    const {
      situation,
      sessionId,
      itemId,
      recommendationIds: [recommendationId],
    } = await reviewed(t, c, [{ action: 'Action confidentielle', carrierUserId: c.carrierA.id, dueDate: dateIn(20) }], { chair: c.nurse });
    await t
      .http()
      .patch(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
      .set(bearer(c.coordinator))
      .send({ summary: 'Synthèse corrigée', reason: 'Oubli' })
      .expect(200);
    await post(c.coordinator, `/api/recommendations/${recommendationId}/corrections`, {
      dueDate: dateIn(40),
      reason: 'Délai supplémentaire',
    }).expect(201);
    await post(c.coordinator, `/api/sessions/${sessionId}/items/${itemId}/person-response`, {
      status: 'agreed',
      on: today(),
      how: 'Entretien avec le référent',
    }).expect(200);
    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Compte rendu confidentiel' }] })
      .expect(200);
    await t.http().post(`/api/situations/${situation.id}/documents`).set(bearer(c.referrer)).attach('file', pdf(), 'bilan.pdf').expect(201);
    const referral = await post(c.coordinator, '/api/referrals', {
      situationId: situation.id,
      dacOrganizationId: c.dacOrganization,
      reason: 'Motif interne',
      summaryForDac: 'Résumé',
    }).expect(201);
    await post(c.coordinator, `/api/referrals/${referral.body.id}/status`, { to: 'sent' }).expect(200);
    await post(c.dac, `/api/referrals/${referral.body.id}/status`, { to: 'acknowledged' }).expect(200);
    await post(c.dac, `/api/referrals/${referral.body.id}/status`, { to: 'accepted' }).expect(200);
    await post(c.coordinator, `/api/referrals/${referral.body.id}/meetings`, { heldOn: today(), note: 'Réunion de coordination' }).expect(
      201,
    );
    await post(c.coordinator, `/api/situations/${situation.id}/restriction`, { reason: 'Exactitude contestée' }).expect(200);
    await post(c.coordinator, `/api/situations/${situation.id}/restriction/lift`, { reason: 'Vérification faite' }).expect(200);
    await t
      .http()
      .patch(`/api/recommendations/${recommendationId}`)
      .set(bearer(c.carrierA))
      .send({ status: 'done', note: 'Réalisée' })
      .expect(200);
    await post(c.coordinator, `/api/situations/${situation.id}/objection`, { reason: 'La personne s’oppose' }).expect(200);
    destroyed = situation;
    await t.superuser.query(
      `UPDATE cellule.situation_transition SET at = now() - interval '800 days' WHERE situation_id = $1 AND to_status = 'closed'`,
      [situation.id],
    );
    saisinesBefore = (await t.http().get('/api/statistics').set(bearer(c.coordinator)).expect(200)).body.saisines as number;
    beforeDestruction = await withBytes(t, situation.id);
    expect(await t.app.get(RetentionService).runOnce()).toContain(situation.id);
  }, 120_000);
  afterAll(() => t.close());

  it('ties every ciphertext column of schema cellule to a situation through foreign keys (a table that cannot be tied fails here)', async () => {
    const { columns, unlinked } = await ciphertextColumns(t);
    expect(unlinked).toEqual([]);
    expect(columns.length).toBeGreaterThanOrEqual(27);
  });

  it('left ciphertext in every kind of record before destruction (so that the next test can fail)', () => {
    // Only the DAC's refusal reason is absent: this referral was accepted, not declined.
    expect(beforeDestruction).toEqual(
      expect.arrayContaining([
        'consent.details_enc',
        'document.content_enc',
        'document.filename_enc',
        'item_outcome.minutes_enc',
        'item_outcome.person_response_how_enc',
        'item_outcome.summary_enc',
        'item_outcome_version.reason_enc',
        'item_outcome_version.summary_enc',
        'recommendation.action_enc',
        'recommendation.note_enc',
        'recommendation_version.action_enc',
        'recommendation_version.reason_enc',
        'referral.reason_enc',
        'referral.snapshot_enc',
        'referral.summary_enc',
        'referral_event.reason_enc',
        'referral_meeting.note_enc',
        'situation.contact_enc',
        'situation.health_enc',
        'situation.identity_enc',
        'situation.narrative_enc',
        'situation.social_enc',
        'situation_key.wrapped_dek',
        'situation_measure.lift_reason_enc',
        'situation_measure.reason_enc',
        'situation_transition.reason_enc',
      ]),
    );
  });

  it('leaves no byte of ciphertext of the destroyed situation in any table of schema cellule, nor its data key, blind-index entry or duplicate warnings', async () => {
    expect(await withBytes(t, destroyed.id)).toEqual([]);
    const row = await t.superuser.query('SELECT blind_index, destroyed_at FROM cellule.situation WHERE id = $1', [destroyed.id]);
    expect(row.rows[0].blind_index).toBeNull();
    const warnings = await t.superuser.query(
      'SELECT count(*)::int AS n FROM cellule.duplicate_warning WHERE situation_id = $1 OR other_situation_id = $1',
      [destroyed.id],
    );
    expect(warnings.rows[0].n).toBe(0);
  });

  it('keeps the tombstone (reference, dates, final state) and the statistics still count it', async () => {
    const row = await t.superuser.query(
      'SELECT reference, status, closure_outcome, created_at, destroyed_at FROM cellule.situation WHERE id = $1',
      [destroyed.id],
    );
    expect(row.rows[0]).toMatchObject({ reference: destroyed.reference, status: 'closed', closure_outcome: 'person_declined' });
    expect(row.rows[0].created_at).not.toBeNull();
    expect(row.rows[0].destroyed_at).not.toBeNull();
    const transitions = await t.superuser.query('SELECT count(*)::int AS n FROM cellule.situation_transition WHERE situation_id = $1', [
      destroyed.id,
    ]);
    expect(transitions.rows[0].n).toBeGreaterThan(0);
    expect((await t.http().get('/api/statistics').set(bearer(c.coordinator)).expect(200)).body.saisines).toBe(saisinesBefore);
  });

  it('answers 410 on every route that takes its id, in the path or in the body, to whoever could see it', async () => {
    const id = destroyed.id;
    const [{ id: documentId }] = (await t.superuser.query('SELECT id FROM cellule.document WHERE situation_id = $1', [id])).rows as {
      id: string;
    }[];
    const [{ id: consentId }] = (await t.superuser.query('SELECT id FROM cellule.consent WHERE situation_id = $1 LIMIT 1', [id])).rows as {
      id: string;
    }[];
    const statement = { givenBy: 'person', method: 'oral_statement', statement: { recordedBy: 'CCAS', recordedOn: '2026-11-02' } };
    const pathRoutes: Record<string, () => Promise<{ status: number }>> = {
      'GET /api/situations/:id': () => t.http().get(`/api/situations/${id}`).set(bearer(c.coordinator)),
      'PATCH /api/situations/:id': () =>
        t
          .http()
          .patch(`/api/situations/${id}`)
          .set(bearer(c.coordinator))
          .send({ narrative: { narrative: 'x' } }),
      'POST /api/situations/:id/transitions': () => post(c.coordinator, `/api/situations/${id}/transitions`, { to: 'scheduled' }),
      'POST /api/situations/:id/pilot': () => post(c.coordinator, `/api/situations/${id}/pilot`, { userId: c.nurse.id }),
      'POST /api/situations/:id/documents': () =>
        t.http().post(`/api/situations/${id}/documents`).set(bearer(c.coordinator)).attach('file', pdf(), 'x.pdf'),
      'GET /api/situations/:id/documents': () => t.http().get(`/api/situations/${id}/documents`).set(bearer(c.coordinator)),
      'GET /api/situations/:id/documents/:documentId': () =>
        t.http().get(`/api/situations/${id}/documents/${documentId}`).set(bearer(c.coordinator)),
      'POST /api/situations/:id/consents': () =>
        post(c.coordinator, `/api/situations/${id}/consents`, {
          purpose: 'review',
          decision: 'given',
          givenOn: '2026-11-02',
          ...statement,
        }),
      'GET /api/situations/:id/consents': () => t.http().get(`/api/situations/${id}/consents`).set(bearer(c.coordinator)),
      'POST /api/situations/:id/consents/:consentId/withdraw': () =>
        post(c.coordinator, `/api/situations/${id}/consents/${consentId}/withdraw`, statement),
      'GET /api/situations/:id/subject-access': () => t.http().get(`/api/situations/${id}/subject-access`).set(bearer(c.coordinator)),
      'POST /api/situations/:id/objection': () => post(c.coordinator, `/api/situations/${id}/objection`, { reason: 'x' }),
      'POST /api/situations/:id/restriction': () => post(c.coordinator, `/api/situations/${id}/restriction`, { reason: 'x' }),
      'POST /api/situations/:id/restriction/lift': () => post(c.coordinator, `/api/situations/${id}/restriction/lift`, { reason: 'x' }),
    };
    const registered = listRoutes(t.app)
      .filter((route) => route.path.startsWith('/api/situations/:id'))
      .map((route) => `${route.method} ${route.path}`);
    // A new route taking a situation's id must be added here (and answer 410).
    expect(registered.filter((route) => !pathRoutes[route])).toEqual([]);
    const sessionId = await newSession(t, c, { inDays: 9 });
    const bodyRoutes: Record<string, () => Promise<{ status: number }>> = {
      'POST /api/referrals': () =>
        post(c.coordinator, '/api/referrals', { situationId: id, dacOrganizationId: c.dacOrganization, reason: 'x', summaryForDac: 'x' }),
      'POST /api/rights-requests': () =>
        post(c.coordinator, '/api/rights-requests', { kind: 'access', receivedOn: today(), situationId: id }),
      'POST /api/retention/legal-holds': () => post(c.coordinator, '/api/retention/legal-holds', { situationId: id, reason: 'Procédure' }),
      'POST /api/sessions/:id/items': () =>
        post(c.coordinator, `/api/sessions/${sessionId}/items`, {
          situationId: id,
          invitedUserIds: [],
          personAttends: false,
          carersAttend: false,
        }),
    };
    const answers: Record<string, number> = {};
    for (const [route, request] of Object.entries({ ...pathRoutes, ...bodyRoutes })) answers[route] = (await request()).status;
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((route) => [route, 410])));
    // Someone who could never see it learns nothing more than for any other unknown file.
    await t.http().get(`/api/situations/${id}`).set(bearer(c.housing)).expect(404);
    await t.http().get(`/api/situations/${randomUUID()}`).set(bearer(c.coordinator)).expect(404);
  });

  it('lists that hold a destroyed situation still answer: its referral keeps its steps and dates, marked destroyed, with no reason or data set', async () => {
    const [{ id: referralId }] = (await t.superuser.query('SELECT id FROM cellule.referral WHERE situation_id = $1', [destroyed.id]))
      .rows as { id: string }[];
    for (const reader of [c.coordinator, c.dac]) {
      const listed = await t.http().get('/api/referrals?limit=200').set(bearer(reader)).expect(200);
      const item = (listed.body.items as { id: string; destroyed?: boolean; history: { to: string; reason?: string }[] }[]).find(
        (referral) => referral.id === referralId,
      );
      expect(item).toMatchObject({ destroyed: true, situationReference: destroyed.reference });
      expect(item!.history.map((step) => step.to)).toEqual(expect.arrayContaining(['sent', 'acknowledged', 'accepted']));
      expect(item!.history.some((step) => step.reason !== undefined)).toBe(false);
      expect(item).not.toHaveProperty('reason');
      expect(item).not.toHaveProperty('shared');
    }
  });
});
