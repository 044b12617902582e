import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { CryptoService } from '../src/crypto/crypto.service.js';
import { DataKeyService } from '../src/crypto/data-key.service.js';
import { SITUATION_STATUSES, TRANSITIONS, type SituationStatus } from '../src/situations/situation.constants.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, TEST_DISPLAY_NAME, TestApp, TestUser } from './support/test-app.js';

/** A small but real PDF, with random bytes so every upload is distinct. */
const pdf = () =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    randomBytes(512),
    Buffer.from('\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);

/** The legal path from `submitted` to each state, as transition bodies. */
const PATH_TO: Record<SituationStatus, Record<string, unknown>[]> = {
  submitted: [],
  admissible: [{ to: 'admissible' }],
  rejected: [{ to: 'rejected', reason: 'Hors du champ de la commission' }],
  redirected: [{ to: 'redirected', reason: 'Relève du DAC', redirectedTo: 'dac' }],
  in_preparation: [{ to: 'admissible' }, { to: 'in_preparation' }],
  scheduled: [{ to: 'admissible' }, { to: 'in_preparation' }, { to: 'scheduled' }],
  reviewed: [{ to: 'admissible' }, { to: 'in_preparation' }, { to: 'scheduled' }, { to: 'reviewed' }],
  follow_up: [{ to: 'admissible' }, { to: 'in_preparation' }, { to: 'scheduled' }, { to: 'reviewed' }, { to: 'follow_up' }],
  closed: [{ to: 'admissible' }, { to: 'closed', outcome: 'resolved' }],
};
const bodyFor = (to: SituationStatus): Record<string, unknown> =>
  to === 'rejected'
    ? { to, reason: 'Motif' }
    : to === 'redirected'
      ? { to, reason: 'Motif', redirectedTo: 'other_service' }
      : to === 'closed'
        ? { to, outcome: 'resolved' }
        : // Going back (scheduled → in_preparation, follow_up → scheduled) requires a reason.
          to === 'in_preparation' || to === 'scheduled'
          ? { to, reason: 'Motif' }
          : { to };

describe('case files', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;
  let otherReferrer: TestUser;
  let member: TestUser;
  let ethics: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    const organization = await t
      .http()
      .post('/api/organizations')
      .set(bearer(admin))
      .send({ name: `CCAS ${Date.now()}`, kind: 'ccas' })
      .expect(201);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'], organizationId: organization.body.id });
    otherReferrer = await createUser(t, admin, { roles: ['referrer'] });
    member = await createUser(t, admin, { roles: ['member'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
  });
  afterAll(() => t.close());

  const auditRows = async (situationId: string) =>
    (await t.superuser.query('SELECT action, outcome, actor_user_id FROM audit.event WHERE situation_id = $1 ORDER BY seq', [situationId]))
      .rows as {
      action: string;
      outcome: string;
      actor_user_id: string;
    }[];
  const count = async (table: string) => Number((await t.superuser.query(`SELECT count(*) FROM cellule.${table}`)).rows[0].count);

  describe('intake', () => {
    it('records a saisine as submitted with a yearly reference, and its referrer reads it back whole', async () => {
      const body = intakeBody();
      const created = await t.http().post('/api/situations').set(bearer(referrer)).send(body).expect(201);
      expect(created.body).toMatchObject({
        status: 'submitted',
        year: new Date().getUTCFullYear(),
        problemAreas: ['housing', 'isolation'],
        birthDecade: 1980,
      });
      expect(created.body.reference).toMatch(new RegExp(`^CC-${new Date().getUTCFullYear()}-\\d{4,}$`));
      expect(created.body.referrer.userId).toBe(referrer.id);
      const read = await t.http().get(`/api/situations/${created.body.id}`).set(bearer(referrer)).expect(200);
      expect(read.body).toMatchObject({
        identity: body.identity,
        contact: body.contact,
        social: body.social,
        health: body.health,
        narrative: body.narrative,
      });
      expect(read.body).not.toHaveProperty('possibleDuplicates');
      expect(JSON.stringify(read.body)).not.toMatch(/_enc|Enc"|wrapped|blind/i);
    });

    it('gives unique, increasing references', async () => {
      const first = await createSituation(t, referrer);
      const second = await createSituation(t, referrer);
      const number = (reference: string) => Number(reference.split('-')[2]);
      expect(number(second.reference)).toBe(number(first.reference) + 1);
    });

    it('refuses an emergency with the dedicated problem type and the numbers to call, storing only a counter', async () => {
      const before = { situations: await count('situation'), keys: await count('situation_key') };
      const year = new Date().getUTCFullYear();
      const counterBefore = Number(
        (await t.superuser.query('SELECT coalesce(sum(refusals), 0) AS n FROM cellule.emergency_refusal_counter WHERE year = $1', [year]))
          .rows[0].n,
      );
      const screenings = [
        { immediateDanger: true, acuteMedicalNeed: false, suicidalRisk: false },
        { immediateDanger: false, acuteMedicalNeed: true, suicidalRisk: false },
        { immediateDanger: false, acuteMedicalNeed: false, suicidalRisk: true },
      ];
      for (const screening of screenings) {
        const response = await t.http().post('/api/situations').set(bearer(referrer)).send(intakeBody({ screening })).expect(422);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.type).toBe('https://clsm-cellule.fr/problems/emergency-referral');
        expect(response.body.title).toBe('Urgence : saisine non enregistrée');
        for (const number of ['15 (SAMU)', '112', '3114']) expect(response.body.detail).toContain(number);
        expect(response.body.detail).toMatch(/urgences psychiatriques/);
        expect(response.body.emergencyNumbers).toEqual(['15', '112', '3114']);
      }
      expect({ situations: await count('situation'), keys: await count('situation_key') }).toEqual(before);
      const counterAfter = Number(
        (await t.superuser.query('SELECT refusals FROM cellule.emergency_refusal_counter WHERE year = $1', [year])).rows[0].refusals,
      );
      expect(counterAfter).toBe(counterBefore + 3);
    });

    it('keeps nothing of the identity of an emergency: no row of any table, no audit entry holds it', async () => {
      const lastSeq = Number((await t.superuser.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')).rows[0].seq);
      const body = intakeBody({ screening: { immediateDanger: false, acuteMedicalNeed: false, suicidalRisk: true } });
      const values = [
        body.identity.birthName,
        body.identity.usedName,
        body.identity.firstNames.split(' ')[0],
        body.contact.address,
        body.narrative.narrative,
        body.health.details,
      ];
      await t.http().post('/api/situations').set(bearer(referrer)).send(body).expect(422);
      // Every table of every schema, read as text by the database administrator.
      const tables = (
        await t.superuser.query(
          `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
          WHERE table_schema IN ('clsm', 'cellule', 'audit') AND table_type = 'BASE TABLE'`,
        )
      ).rows as { name: string }[];
      expect(tables.length).toBeGreaterThan(10);
      const holding: string[] = [];
      for (const { name } of tables) {
        const { rows } = await t.superuser.query(`SELECT count(*)::int AS n FROM ${name} r WHERE r::text LIKE ANY ($1)`, [
          values.map((value) => `%${value}%`),
        ]);
        if (rows[0].n > 0) holding.push(name);
      }
      expect(holding).toEqual([]);
      // The refusal itself is audited (denied), without a situation and without any value of the saisine.
      const entries = (await t.superuser.query('SELECT e.*, e::text AS raw FROM audit.event e WHERE seq > $1 ORDER BY seq', [lastSeq]))
        .rows as {
        action: string;
        outcome: string;
        actor_user_id: string;
        situation_id: string | null;
        resource_id: string | null;
        raw: string;
      }[];
      const refusal = entries.filter((entry) => entry.action === 'situation.emergency_refused' && entry.actor_user_id === referrer.id);
      expect(refusal).toHaveLength(1);
      expect(refusal[0]).toMatchObject({ outcome: 'denied', situation_id: null, resource_id: null });
      for (const entry of entries) for (const value of values) expect(entry.raw).not.toContain(value);
    });

    const invalid: [string, (body: ReturnType<typeof intakeBody>) => unknown, string][] = [
      ['a missing birth name', (body) => ({ ...body, identity: { ...body.identity, birthName: undefined } }), 'identity.birthName'],
      ['a future birth date', (body) => ({ ...body, identity: { ...body.identity, birthDate: '2999-01-01' } }), 'identity.birthDate'],
      ['an impossible birth date', (body) => ({ ...body, identity: { ...body.identity, birthDate: '1990-02-30' } }), 'identity.birthDate'],
      ['an unknown problem area', (body) => ({ ...body, problemAreas: ['housing', 'astrology'] }), 'problemAreas'],
      ['an unknown top-level field', (body) => ({ ...body, status: 'closed' }), 'status'],
      ['an unknown nested field', (body) => ({ ...body, identity: { ...body.identity, nir: '284037512345678' } }), 'identity.nir'],
      ['a missing screening', (body) => ({ ...body, screening: undefined }), 'screening'],
      [
        'a screening answer that is not a boolean',
        (body) => ({ ...body, screening: { immediateDanger: 'no', acuteMedicalNeed: false, suicidalRisk: false } }),
        'screening.immediateDanger',
      ],
      [
        'an unanswered screening question',
        (body) => ({ ...body, screening: { immediateDanger: false, acuteMedicalNeed: false } }),
        'screening.suicidalRisk',
      ],
      [
        'an oversized narrative',
        (body) => ({ ...body, narrative: { ...body.narrative, narrative: 'x'.repeat(20_001) } }),
        'narrative.narrative',
      ],
    ];
    for (const [label, mutate, field] of invalid) {
      it(`refuses ${label} with 400 problem+json and stores nothing`, async () => {
        const before = await count('situation');
        const response = await t
          .http()
          .post('/api/situations')
          .set(bearer(referrer))
          .send(mutate(intakeBody()) as object)
          .expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
        expect(await count('situation')).toBe(before);
      });
    }
  });

  describe('encryption at rest', () => {
    it('no cellule table holds in clear any sensitive value submitted through the API', async () => {
      const body = intakeBody();
      const situation = await createSituation(t, referrer, body);
      const documentBytes = pdf();
      await t
        .http()
        .post(`/api/situations/${situation.id}/documents`)
        .set(bearer(referrer))
        .attach('file', documentBytes, `Compte-rendu ${body.identity.birthName}.pdf`)
        .expect(201);
      const rejected = await createSituation(t, referrer, intakeBody());
      const reason = `MotifDeRefus${Date.now()} confidentiel`;
      await moveTo(t, coordinator, rejected.id, [{ to: 'rejected', reason }]);

      const secrets = [
        body.identity.birthName,
        body.identity.usedName,
        body.identity.firstNames.split(' ')[0],
        body.contact.address,
        body.contact.phone,
        body.social.legalProtection.representative.name,
        body.social.referrerContact.name,
        body.social.professionalsInvolved[0].name,
        body.health.details,
        body.narrative.narrative.split(' ')[0],
        body.narrative.alreadyTried.split(' ')[0],
        body.narrative.expectations.split(' ')[0],
        'curatelle',
        reason,
        'Compte-rendu',
      ];
      const { rows: tables } = await t.superuser.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'cellule'`);
      expect(tables.length).toBeGreaterThanOrEqual(6);
      const haystacks: Buffer[] = [];
      for (const { tablename } of tables as { tablename: string }[]) {
        const { rows } = await t.superuser.query(`SELECT * FROM cellule.${tablename}`);
        for (const row of rows)
          for (const value of Object.values(row)) haystacks.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value)));
      }
      const everything = Buffer.concat(haystacks);
      for (const secret of secrets) {
        expect({ secret, found: everything.includes(Buffer.from(secret, 'utf8')) }).toEqual({ secret, found: false });
      }
      // The document's own bytes: its random middle part must not appear either.
      expect(everything.includes(documentBytes.subarray(60, 120))).toBe(false);
    });

    it('a ciphertext copied to another situation fails to decrypt: a clear integrity error, never the other data', async () => {
      const source = await createSituation(t, referrer);
      const target = await createSituation(t, referrer);
      const sourceView = await t.http().get(`/api/situations/${source.id}`).set(bearer(referrer)).expect(200);
      await t.superuser.query(
        `UPDATE cellule.situation SET identity_enc = (SELECT identity_enc FROM cellule.situation WHERE id = $1) WHERE id = $2`,
        [source.id, target.id],
      );
      const response = await t.http().get(`/api/situations/${target.id}`).set(bearer(referrer)).expect(500);
      expect(response.body.type).toBe('https://clsm-cellule.fr/problems/integrity');
      expect(JSON.stringify(response.body)).not.toContain(sourceView.body.identity.birthName);
      const rows = await auditRows(target.id);
      expect(rows.at(-1)).toMatchObject({ action: 'situation.read', outcome: 'error' });
    });

    it('a damaged case file does not block the intake of another person in its blind-index bucket', async () => {
      const damaged = await createSituation(
        t,
        referrer,
        intakeBody({ identity: { birthName: 'Abime', firstNames: 'Paul', birthDate: '1970-01-01', sex: 'male' } }),
      );
      await t.superuser.query('UPDATE cellule.situation SET identity_enc = contact_enc WHERE id = $1', [damaged.id]);
      const crypto = t.app.get(CryptoService);
      const bucket = crypto.blindIndex({ birthName: 'Abime', firstNames: 'Paul', birthDate: '1970-01-01' });
      // Letters only: the normalisation ignores digits.
      const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
      let birthName = '';
      for (let i = 0; !birthName && i < 100_000; i++) {
        if (crypto.blindIndex({ birthName: `Voisin${letters(i)}`, firstNames: 'Luc', birthDate: '1971-01-01' }) === bucket)
          birthName = `Voisin${letters(i)}`;
      }
      expect(birthName).not.toBe('');
      const neighbour = await createSituation(
        t,
        referrer,
        intakeBody({ identity: { birthName, firstNames: 'Luc', birthDate: '1971-01-01', sex: 'male' } }),
      );
      const { rows } = await t.superuser.query('SELECT blind_index FROM cellule.situation WHERE id = ANY($1)', [
        [damaged.id, neighbour.id],
      ]);
      expect(new Set(rows.map((row: { blind_index: number }) => row.blind_index)).size).toBe(1);
    });

    it('a ciphertext moved to another column of the same row fails too', async () => {
      const situation = await createSituation(t, referrer);
      await t.superuser.query('UPDATE cellule.situation SET contact_enc = identity_enc WHERE id = $1', [situation.id]);
      const response = await t.http().get(`/api/situations/${situation.id}`).set(bearer(referrer)).expect(500);
      expect(response.body.type).toBe('https://clsm-cellule.fr/problems/integrity');
    });

    it('crypto-shredding makes a situation and its documents unreadable while others stay readable', async () => {
      const shredded = await createSituation(t, referrer);
      const kept = await createSituation(t, referrer);
      const uploaded = await t
        .http()
        .post(`/api/situations/${shredded.id}/documents`)
        .set(bearer(referrer))
        .attach('file', pdf(), 'a.pdf')
        .expect(201);
      await t.app.get(DataKeyService).destroy(shredded.id);
      const gone = await t.http().get(`/api/situations/${shredded.id}`).set(bearer(coordinator)).expect(410);
      expect(gone.body.type).toBe('https://clsm-cellule.fr/problems/destroyed');
      await t.http().get(`/api/situations/${shredded.id}/documents/${uploaded.body.id}`).set(bearer(coordinator)).expect(410);
      await t.http().get(`/api/situations/${kept.id}`).set(bearer(coordinator)).expect(200);
      const { rows } = await t.superuser.query('SELECT wrapped_dek, destroyed_at FROM cellule.situation_key WHERE situation_id = $1', [
        shredded.id,
      ]);
      expect(rows[0].wrapped_dek).toBeNull();
      expect(rows[0].destroyed_at).toBeInstanceOf(Date);
      // The list still shows the shredded situation's clear metadata, without identity.
      const list = await t.http().get(`/api/situations?reference=${shredded.reference}`).set(bearer(coordinator)).expect(200);
      expect(list.body.items[0]).not.toHaveProperty('identity');
    });
  });

  describe('workflow', () => {
    for (const from of SITUATION_STATUSES) {
      it(`from ${from}: every legal transition succeeds and every other one is a 409`, async () => {
        for (const to of SITUATION_STATUSES) {
          const situation = await createSituation(t, referrer);
          await moveTo(t, coordinator, situation.id, PATH_TO[from]);
          // Consent for review is in force: only the state machine decides here.
          await giveConsent(t, coordinator, situation.id);
          const response = await t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(coordinator)).send(bodyFor(to));
          const expected = TRANSITIONS[from].includes(to) ? 200 : 409;
          expect({ from, to, status: response.status }).toEqual({ from, to, status: expected });
          if (expected === 200) expect(response.body.status).toBe(to);
          else expect(response.headers['content-type']).toContain('application/problem+json');
        }
      });
    }

    it('requires a reason to reject or redirect, a target to redirect and an outcome to close (422)', async () => {
      const situation = await createSituation(t, referrer);
      const attempt = (body: object) => t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(coordinator)).send(body);
      expect((await attempt({ to: 'rejected' })).status).toBe(422);
      expect((await attempt({ to: 'redirected', redirectedTo: 'dac' })).status).toBe(422);
      expect((await attempt({ to: 'redirected', reason: 'Relève du DAC' })).status).toBe(422);
      expect((await attempt({ to: 'admissible', outcome: 'resolved' })).status).toBe(422);
      await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
      expect((await attempt({ to: 'closed' })).status).toBe(422);
      const read = await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
      expect(read.body.status).toBe('admissible');
    });

    it('records who moved the situation, when, from where to where and why (reason encrypted, readable in the history)', async () => {
      const situation = await createSituation(t, referrer);
      await moveTo(t, coordinator, situation.id, [{ to: 'redirected', reason: 'Relève du DAC de Moselle', redirectedTo: 'dac' }]);
      const read = await t.http().get(`/api/situations/${situation.id}`).set(bearer(referrer)).expect(200);
      expect(read.body).toMatchObject({ status: 'redirected', redirectedTo: 'dac' });
      expect(read.body.history).toEqual([
        {
          from: 'submitted',
          to: 'redirected',
          at: expect.any(String),
          actorUserId: coordinator.id,
          actorUserName: TEST_DISPLAY_NAME,
          reason: 'Relève du DAC de Moselle',
          redirectedTo: 'dac',
        },
      ]);
    });

    it('a referrer cannot decide admissibility, and a closed case file cannot be edited', async () => {
      const situation = await createSituation(t, referrer);
      await t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(referrer)).send({ to: 'admissible' }).expect(404);
      await moveTo(t, coordinator, situation.id, PATH_TO.closed);
      await t
        .http()
        .patch(`/api/situations/${situation.id}`)
        .set(bearer(referrer))
        .send({ problemAreas: ['family'] })
        .expect(409);
    });
  });

  describe('edits', () => {
    it('PATCH replaces the field groups sent and keeps the others', async () => {
      const body = intakeBody();
      const situation = await createSituation(t, referrer, body);
      const contact = { district: 'Metz-Nord' };
      const updated = await t
        .http()
        .patch(`/api/situations/${situation.id}`)
        .set(bearer(referrer))
        .send({ contact, problemAreas: ['family'] })
        .expect(200);
      expect(updated.body).toMatchObject({ contact, problemAreas: ['family'], identity: body.identity, narrative: body.narrative });
      await t
        .http()
        .patch(`/api/situations/${situation.id}`)
        .set(bearer(referrer))
        .send({ contact: { phone: 'not a phone!' } })
        .expect(400);
      await t.http().patch(`/api/situations/${situation.id}`).set(bearer(referrer)).send({ status: 'closed' }).expect(400);
    });
  });

  describe('duplicate detection', () => {
    it('tells the coordinator, and only the coordinator, about the same person despite case and accents', async () => {
      const first = await createSituation(
        t,
        referrer,
        intakeBody({
          identity: { birthName: 'Dupont-Martin', firstNames: 'Élodie Marie', birthDate: '1979-11-02', sex: 'female' },
        }),
      );
      const second = await t
        .http()
        .post('/api/situations')
        .set(bearer(otherReferrer))
        .send(
          intakeBody({
            identity: { birthName: 'DUPONT MARTIN', firstNames: 'elodie', birthDate: '1979-11-02', sex: 'female' },
          }),
        )
        .expect(201);
      expect(second.body).not.toHaveProperty('possibleDuplicates');
      expect(JSON.stringify(second.body)).not.toContain(first.id);
      const asCoordinator = await t.http().get(`/api/situations/${second.body.id}`).set(bearer(coordinator)).expect(200);
      expect(asCoordinator.body.possibleDuplicates).toEqual([first.id]);
      const asReferrer = await t.http().get(`/api/situations/${second.body.id}`).set(bearer(otherReferrer)).expect(200);
      expect(asReferrer.body).not.toHaveProperty('possibleDuplicates');
    });

    it('does not fire for a different birth date', async () => {
      await createSituation(
        t,
        referrer,
        intakeBody({ identity: { birthName: 'Lefèvre', firstNames: 'Jules', birthDate: '1990-05-05', sex: 'male' } }),
      );
      const other = await createSituation(
        t,
        referrer,
        intakeBody({ identity: { birthName: 'Lefevre', firstNames: 'Jules', birthDate: '1990-05-06', sex: 'male' } }),
      );
      const view = await t.http().get(`/api/situations/${other.id}`).set(bearer(coordinator)).expect(200);
      expect(view.body.possibleDuplicates).toEqual([]);
    });
  });

  describe('documents', () => {
    it('round-trips a document byte for byte, typed from its content, with its name encrypted', async () => {
      const situation = await createSituation(t, referrer);
      const bytes = pdf();
      const uploaded = await t
        .http()
        .post(`/api/situations/${situation.id}/documents`)
        .set(bearer(referrer))
        .attach('file', bytes, { filename: 'bilan.txt', contentType: 'text/plain' })
        .expect(201);
      expect(uploaded.body).toMatchObject({
        mediaType: 'application/pdf',
        sizeBytes: bytes.length,
        filename: 'bilan.txt',
        uploadedBy: referrer.id,
      });
      const listed = await t.http().get(`/api/situations/${situation.id}/documents`).set(bearer(coordinator)).expect(200);
      expect(listed.body).toEqual([uploaded.body]);
      const downloaded = await t
        .http()
        .get(`/api/situations/${situation.id}/documents/${uploaded.body.id}`)
        .set(bearer(coordinator))
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(downloaded.headers['content-type']).toBe('application/pdf');
      expect(downloaded.headers['content-disposition']).toContain('bilan.txt');
      expect(Buffer.compare(downloaded.body as Buffer, bytes)).toBe(0);
    });

    it('refuses a type it does not accept (415), whatever the declared name and type, and stores nothing', async () => {
      const situation = await createSituation(t, referrer);
      const before = await count('document');
      const response = await t
        .http()
        .post(`/api/situations/${situation.id}/documents`)
        .set(bearer(referrer))
        .attach('file', Buffer.from('#!/bin/sh\necho not a pdf\n'), { filename: 'rapport.pdf', contentType: 'application/pdf' })
        .expect(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      await t.http().post(`/api/situations/${situation.id}/documents`).set(bearer(referrer)).field('other', 'x').expect(400);
      expect(await count('document')).toBe(before);
    });

    it('a document of another situation is not reachable through this one', async () => {
      const first = await createSituation(t, referrer);
      const second = await createSituation(t, referrer);
      const uploaded = await t
        .http()
        .post(`/api/situations/${first.id}/documents`)
        .set(bearer(referrer))
        .attach('file', pdf(), 'a.pdf')
        .expect(201);
      await t.http().get(`/api/situations/${second.id}/documents/${uploaded.body.id}`).set(bearer(referrer)).expect(404);
    });
  });

  describe('interim need-to-know', () => {
    it('another referrer, a member, an administrator and the ethics committee cannot read, list or download', async () => {
      const situation = await createSituation(t, referrer);
      const uploaded = await t
        .http()
        .post(`/api/situations/${situation.id}/documents`)
        .set(bearer(referrer))
        .attach('file', pdf(), 'a.pdf')
        .expect(201);
      for (const outsider of [otherReferrer, member, admin, ethics]) {
        await t.http().get(`/api/situations/${situation.id}`).set(bearer(outsider)).expect(404);
        await t.http().get(`/api/situations/${situation.id}/documents`).set(bearer(outsider)).expect(404);
        await t.http().get(`/api/situations/${situation.id}/documents/${uploaded.body.id}`).set(bearer(outsider)).expect(404);
        await t
          .http()
          .patch(`/api/situations/${situation.id}`)
          .set(bearer(outsider))
          .send({ problemAreas: ['family'] })
          .expect(404);
        const list = await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(outsider));
        if (list.status === 200) expect(list.body.items).toEqual([]);
        else expect(list.status).toBe(404);
      }
    });

    it('admin and ethics get 404 on every situation route', async () => {
      const situation = await createSituation(t, referrer);
      for (const user of [admin, ethics]) {
        const responses = [
          await t.http().post('/api/situations').set(bearer(user)).send(intakeBody()),
          await t.http().get('/api/situations').set(bearer(user)),
          await t.http().get(`/api/situations/${situation.id}`).set(bearer(user)),
          await t.http().patch(`/api/situations/${situation.id}`).set(bearer(user)).send({}),
          await t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(user)).send({ to: 'admissible' }),
          await t.http().post(`/api/situations/${situation.id}/documents`).set(bearer(user)),
          await t.http().get(`/api/situations/${situation.id}/documents`).set(bearer(user)),
        ];
        expect(responses.map((response) => response.status)).toEqual(responses.map(() => 404));
      }
    });
  });

  describe('audit of case data', () => {
    it('create, read, list, transition, upload, document list and download each leave an entry; refusals leave denied ones', async () => {
      const situation = await createSituation(t, referrer);
      await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
      await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(coordinator)).expect(200);
      await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
      const uploaded = await t
        .http()
        .post(`/api/situations/${situation.id}/documents`)
        .set(bearer(referrer))
        .attach('file', pdf(), 'a.pdf')
        .expect(201);
      await t.http().get(`/api/situations/${situation.id}/documents`).set(bearer(referrer)).expect(200);
      await t.http().get(`/api/situations/${situation.id}/documents/${uploaded.body.id}`).set(bearer(referrer)).expect(200);
      await t.http().get(`/api/situations/${situation.id}`).set(bearer(otherReferrer)).expect(404);
      await t.http().get(`/api/situations/${situation.id}`).set(bearer(ethics)).expect(404);
      const rows = await auditRows(situation.id);
      expect(rows.map((row) => [row.action, row.outcome, row.actor_user_id])).toEqual([
        ['situation.create', 'granted', referrer.id],
        ['situation.read', 'granted', referrer.id],
        ['situation.read', 'granted', coordinator.id],
        ['situation.list', 'granted', coordinator.id],
        ['situation.transition', 'granted', coordinator.id],
        ['situation.read', 'granted', coordinator.id],
        ['document.create', 'granted', referrer.id],
        ['document.list', 'granted', referrer.id],
        ['document.download', 'granted', referrer.id],
        ['situation.read', 'denied', otherReferrer.id],
        ['situation.read', 'denied', ethics.id],
      ]);
      const accesses = await t.http().get(`/api/audit/situations/${situation.id}/accesses?limit=50`).set(bearer(ethics)).expect(200);
      expect(accesses.body.total).toBe(rows.length);
      expect(JSON.stringify(accesses.body)).not.toMatch(/Naissance|Recit|Prenom/);
    });
  });
});

describe('documents over the size limit', () => {
  let t: TestApp;
  let referrer: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ MAX_DOCUMENT_BYTES: '4096' });
    const admin = await createAdmin(t);
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  it('are refused with 413 problem+json and nothing is stored', async () => {
    const situation = await createSituation(t, referrer);
    const big = Buffer.concat([pdf(), randomBytes(8192)]);
    const response = await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(referrer))
      .attach('file', big, 'gros.pdf')
      .expect(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const { rows } = await t.superuser.query('SELECT count(*)::int AS n FROM cellule.document WHERE situation_id = $1', [situation.id]);
    expect(rows[0].n).toBe(0);
  });
});

describe('master-key rotation under traffic', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let situationIds: string[];

  beforeAll(async () => {
    // Own database and keyring: rotation re-wraps every data key it finds.
    const keyringDir = await import('node:fs/promises').then((fs) => fs.mkdtemp(path.join(os.tmpdir(), 'clsm-cellule-rotation-')));
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase(), CELLULE_MASTER_KEY_FILE: `${keyringDir}/keyring.json` });
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    situationIds = [];
    for (let i = 0; i < 25; i++) situationIds.push((await createSituation(t, referrer)).id);
  });
  afterAll(() => t.close());

  it('reads succeed during and after rotation, and no data key stays wrapped under the old version', async () => {
    const keyringFile = t.config.crypto.masterKeyFile!;
    expect(JSON.parse(readFileSync(keyringFile, 'utf8')).current).toBe(1);
    const cli = spawn(process.execPath, ['dist/src/cli.js', 'rotate-master-key'], {
      env: { ...t.environment, KEY_ROTATION_GRACE_MS: '300' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    cli.stdout.on('data', (chunk) => (output += chunk));
    cli.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    let running = true;
    void exited.then(() => (running = false));
    const statuses: number[] = [];
    while (running) {
      const batch = await Promise.all(situationIds.slice(0, 5).map((id) => t.http().get(`/api/situations/${id}`).set(bearer(coordinator))));
      statuses.push(...batch.map((response) => response.status));
    }
    expect(await exited).toBe(0);
    expect(output).toContain('rotated to version 2');
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const { rows } = await t.superuser.query('SELECT kek_version, count(*)::int AS n FROM cellule.situation_key GROUP BY kek_version');
    expect(rows).toEqual([{ kek_version: 2, n: situationIds.length }]);
    expect(JSON.parse(readFileSync(keyringFile, 'utf8'))).toEqual({ current: 2, keys: { '2': expect.any(String) } });
    for (const id of situationIds) await t.http().get(`/api/situations/${id}`).set(bearer(coordinator)).expect(200);
    const { rows: audit } = await t.superuser.query(`SELECT actor_role, resource_id FROM audit.event WHERE action = 'crypto.key_rotation'`);
    expect(audit).toEqual([{ actor_role: 'operator', resource_id: '2' }]);
  });
});
