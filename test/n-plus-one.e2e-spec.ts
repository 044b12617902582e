import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { addItem, type Commission, commission, dateIn, newSession, readySituation, setSessionStatus } from './support/commission.js';
import { bearer, createSituation, giveConsent, moveTo } from './support/situations.js';
import { statementsOf } from './support/sql-statements.js';
import { createFreshDatabase, createUser, login, startTestApp, type TestApp, type TestUser } from './support/test-app.js';

/** How many items a list returned (or several counts: sessions and their agenda items). */
type Size = number | number[];

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

/**
 * No N+1 anywhere: for every list of the API, the statements a request sends to PostgreSQL (counted
 * on the real database, every pool of the process) are the same for a short list as for a long one.
 * Each test asks for a list of a few items, then of more, through `limit` or a filter that keeps
 * more rows before paging, and proves both that the long one holds more and that it costs the same
 * statements. A per-row query anywhere (a decision, a consent, a name, a key) makes it fail.
 */
describe('no N+1: every list sends as many statements for many items as for a few', () => {
  let t: TestApp;
  let c: Commission;
  let ethics: TestUser;
  /** Ready situations (admissible, consents for review and for transmission to the DAC). */
  const ready: { id: string; reference: string }[] = [];
  /** A held session with 8 items (ready[0..7]) and one with 2 (ready[8..9]), chaired by the nurse. */
  let bigSession: string;
  let smallSession: string;
  const itemOf = new Map<string, string>();
  const recommendationOf = new Map<string, string>();
  /** Statement counts per list, printed at the end with N_PLUS_ONE_REPORT=1. */
  const report: string[] = [];

  /** Whitespace folded and numbers masked: the statements' shapes, whatever a page's size or parameters. */
  const shapes = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim().slice(0, 90).replace(/\d+/g, '#'));

  const pending = async () =>
    (await t.superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`))
      .rows[0].n;
  /** No job (a notice, an e-mail, an access change's announcement) may run on the serving pools while a request is counted. */
  async function drained() {
    const deadline = Date.now() + 60_000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pending()).toBe(0);
  }

  const get = (user: TestUser, path: string) => () => t.http().get(path).set(bearer(user)).expect(200);
  const post = (user: TestUser, path: string, body: object = {}) => t.http().post(path).set(bearer(user)).send(body);
  const itemsOf = (body: unknown) => (Array.isArray(body) ? body.length : (body as { items: unknown[] }).items.length);

  /** The statements one request sends, and the number of items it returned. */
  async function measure(request: () => Promise<Response>, size: (body: unknown) => Size = itemsOf) {
    let body: unknown;
    const texts = await statementsOf(async () => (body = (await request()).body));
    return { texts, size: size(body) };
  }

  /** `many` returned more items than `few` (sizes), for the same statements. */
  function expectSame(name: string, few: { texts: string[]; size: Size }, many: { texts: string[]; size: Size }, sizes: [Size, Size]) {
    expect([few.size, many.size]).toEqual(sizes);
    // The same statements, in the same order (on failure, the diff shows the one repeated per row).
    expect(shapes(many.texts)).toEqual(shapes(few.texts));
    expect(many.texts.length).toBe(few.texts.length);
    report.push(
      `${name}: ${few.texts.length} statements for ${JSON.stringify(sizes[0])}, ${many.texts.length} for ${JSON.stringify(sizes[1])}`,
    );
  }

  /**
   * Counts the statements of `few` and of `many`, after one request of `many` unmeasured (what the
   * process keeps, display names and the charter, is then known to both).
   */
  async function sameStatements(
    name: string,
    few: () => Promise<Response>,
    many: () => Promise<Response>,
    sizes: [Size, Size],
    size: (body: unknown) => Size = itemsOf,
  ) {
    await many();
    expectSame(name, await measure(few, size), await measure(many, size), sizes);
  }

  /** A list that is not paged, counted now (the queue drained, after one request unmeasured); the caller then adds rows. */
  async function countNow(request: () => Promise<Response>) {
    await drained();
    await request();
    return measure(request);
  }

  beforeAll(async () => {
    // A database of its own, no checkpoint signed while a request is counted, the job queue drained.
    t = await startTestApp({
      DATABASE_URL: await createFreshDatabase(),
      AUDIT_CHECKPOINT_EVERY: '1000000',
      AUDIT_CHECKPOINT_SECONDS: '86400',
    });
    c = await commission(t);
    ethics = await createUser(t, c.admin, { roles: ['ethics'] });
    for (let index = 0; index < 10; index++) ready.push(await readySituation(t, c));

    // Sessions: six empty ones, oldest; the big one (8 items), then the small one (2 items), newest.
    for (let index = 0; index < 6; index++) await newSession(t, c, { inDays: 1 });
    bigSession = await newSession(t, c, { inDays: 2, chair: c.nurse });
    smallSession = await newSession(t, c, { inDays: 3, chair: c.nurse });
    for (const [index, situation] of ready.entries()) {
      itemOf.set(situation.id, await addItem(t, c, index < 8 ? bigSession : smallSession, situation.id));
    }
    for (const session of [bigSession, smallSession]) await setSessionStatus(t, c, session, 'agenda_published', 'held');
    // Each item reviewed with one préconisation carried by carrierA, the nurse as pilot.
    for (const [index, situation] of ready.entries()) {
      const session = index < 8 ? bigSession : smallSession;
      const outcome = await t
        .http()
        .put(`/api/sessions/${session}/items/${itemOf.get(situation.id)}/outcome`)
        .set(bearer(c.coordinator))
        .send({
          summary: `Synthèse ${index}`,
          recommendations: [{ action: `Action ${index}`, carrierUserId: c.carrierA.id, dueDate: dateIn(10 + index) }],
          pilotUserId: c.nurse.id,
          personResponse: { status: 'not_yet_asked' },
        })
        .expect(200);
      const item = (outcome.body.items as { situationId: string; outcome: { recommendations: { id: string }[] } }[]).find(
        (candidate) => candidate.situationId === situation.id,
      )!;
      recommendationOf.set(situation.id, item.outcome.recommendations[0].id);
    }
    for (const [session, situations] of [
      [bigSession, ready.slice(0, 8)],
      [smallSession, ready.slice(8)],
    ] as const) {
      await t
        .http()
        .put(`/api/sessions/${session}/minutes`)
        .set(bearer(c.coordinator))
        .send({
          items: situations.map((situation) => ({ itemId: itemOf.get(situation.id), text: `Procès-verbal ${situation.reference}` })),
        })
        .expect(200);
    }
    // Two préconisations done (by their carrier), eight open.
    for (const situation of ready.slice(8)) {
      await t
        .http()
        .patch(`/api/recommendations/${recommendationOf.get(situation.id)}`)
        .set(bearer(c.carrierA))
        .send({ status: 'done', note: 'Fait' })
        .expect(200);
    }
    // A referral to the DAC sent for each situation; the DAC acknowledged two of them.
    for (const [index, situation] of ready.entries()) {
      const created = await post(c.coordinator, '/api/referrals', {
        situationId: situation.id,
        dacOrganizationId: c.dacOrganization,
        reason: 'Coordination des soins et du logement',
        summaryForDac: 'Besoin de coordination entre CMP et bailleur.',
      }).expect(201);
      await post(c.coordinator, `/api/referrals/${created.body.id}/status`, { to: 'sent' }).expect(200);
      if (index >= 8) await post(c.dac, `/api/referrals/${created.body.id}/status`, { to: 'acknowledged' }).expect(200);
    }
    await drained();
  }, 300_000);
  afterAll(async () => {
    if (process.env.N_PLUS_ONE_REPORT) console.log(report.join('\n'));
    await t?.close();
  });

  describe('case files', () => {
    it("the coordinator's list of situations sends as many statements for 8 situations as for 2", async () => {
      await sameStatements(
        'GET /api/situations (coordinator)',
        get(c.coordinator, '/api/situations?limit=2'),
        get(c.coordinator, '/api/situations?limit=8'),
        [2, 8],
      );
    });

    it("a member's list of situations (by their relations) sends as many statements for 8 situations as for 2", async () => {
      await sameStatements(
        'GET /api/situations (member)',
        get(c.nurse, '/api/situations?limit=2'),
        get(c.nurse, '/api/situations?limit=8'),
        [2, 8],
      );
    });

    it("a situation's documents send as many statements for 8 documents as for 2", async () => {
      const [many, few] = [ready[0], ready[9]];
      for (const [situation, count] of [
        [many, 8],
        [few, 2],
      ] as const) {
        for (let index = 0; index < count; index++) {
          await t
            .http()
            .post(`/api/situations/${situation.id}/documents`)
            .set(bearer(c.coordinator))
            .attach('file', pdf(), `bilan-${index}.pdf`)
            .expect(201);
        }
      }
      await drained();
      await sameStatements(
        'GET /api/situations/:id/documents',
        get(c.coordinator, `/api/situations/${few.id}/documents`),
        get(c.coordinator, `/api/situations/${many.id}/documents`),
        [2, 8],
      );
    });

    it("a situation's consents, and the person's copy of their file, send as many statements for 8 consents as for 2", async () => {
      const [many, few] = [ready[1], ready[2]];
      for (let index = 0; index < 6; index++) {
        await giveConsent(t, c.coordinator, many.id, { purpose: 'attendance', decision: index % 2 ? 'refused' : 'given' });
      }
      await drained();
      await sameStatements(
        'GET /api/situations/:id/consents',
        get(c.coordinator, `/api/situations/${few.id}/consents`),
        get(c.coordinator, `/api/situations/${many.id}/consents`),
        [2, 8],
      );
      // The person's copy of their file lists the same consents, at the same cost.
      await sameStatements(
        'GET /api/situations/:id/subject-access',
        get(c.coordinator, `/api/situations/${few.id}/subject-access`),
        get(c.coordinator, `/api/situations/${many.id}/subject-access`),
        [2, 8],
        (body) => (body as { consents: unknown[] }).consents.length,
      );
    });
  });

  describe('the commission', () => {
    it("the coordinator's list of sessions sends as many statements for 8 sessions and 10 agenda items as for 1 session and 2 items", async () => {
      const sessionsAndItems = (body: unknown) => {
        const sessions = (body as { items: { items: unknown[] }[] }).items;
        return [sessions.length, sessions.reduce((sum, session) => sum + session.items.length, 0)];
      };
      await sameStatements(
        'GET /api/sessions (coordinator)',
        get(c.coordinator, '/api/sessions?limit=1'),
        get(c.coordinator, '/api/sessions?limit=8'),
        [
          [1, 2],
          [8, 10],
        ],
        sessionsAndItems,
      );
    });

    it("a member's list of sessions sends as many statements for 10 agenda items as for 2", async () => {
      const items = (body: unknown) =>
        (body as { items: { items: unknown[] }[] }).items.reduce((sum, session) => sum + session.items.length, 0);
      await sameStatements(
        'GET /api/sessions (member)',
        get(c.nurse, '/api/sessions?limit=1'),
        get(c.nurse, '/api/sessions?limit=2'),
        [2, 10],
        items,
      );
    });

    it("a session's agenda sends as many statements for 8 items as for 2", async () => {
      const items = (body: unknown) => (body as { items: unknown[] }).items.length;
      await sameStatements(
        'GET /api/sessions/:id',
        get(c.coordinator, `/api/sessions/${smallSession}`),
        get(c.coordinator, `/api/sessions/${bigSession}`),
        [2, 8],
        items,
      );
      await sameStatements(
        'GET /api/sessions/:id (chair)',
        get(c.nurse, `/api/sessions/${smallSession}`),
        get(c.nurse, `/api/sessions/${bigSession}`),
        [2, 8],
        items,
      );
    });

    it("a session's minutes send as many statements for 8 items as for 2", async () => {
      await sameStatements(
        'GET /api/sessions/:id/minutes',
        get(c.coordinator, `/api/sessions/${smallSession}/minutes`),
        get(c.coordinator, `/api/sessions/${bigSession}/minutes`),
        [2, 8],
      );
    });

    it('the earlier versions of an outcome send as many statements for 8 versions as for 2', async () => {
      const [many, few] = [ready[3], ready[8]];
      for (const [situation, session, count] of [
        [many, bigSession, 8],
        [few, smallSession, 2],
      ] as const) {
        for (let index = 0; index < count; index++) {
          await t
            .http()
            .patch(`/api/sessions/${session}/items/${itemOf.get(situation.id)}/outcome`)
            .set(bearer(c.coordinator))
            .send({ summary: `Synthèse corrigée ${index}`, reason: `Correction ${index}` })
            .expect(200);
        }
      }
      await drained();
      await sameStatements(
        'GET /api/sessions/:id/items/:itemId/outcome/versions',
        get(c.coordinator, `/api/sessions/${smallSession}/items/${itemOf.get(few.id)}/outcome/versions`),
        get(c.coordinator, `/api/sessions/${bigSession}/items/${itemOf.get(many.id)}/outcome/versions`),
        [2, 8],
      );
    });

    it("the coordinator's list of préconisations sends as many statements for 8 as for 2", async () => {
      // Filtered, not only paged: the per-row decision runs on every row before paging.
      await sameStatements(
        'GET /api/recommendations (coordinator)',
        get(c.coordinator, '/api/recommendations?status=done'),
        get(c.coordinator, '/api/recommendations?status=open'),
        [2, 8],
      );
      await sameStatements(
        'GET /api/recommendations (coordinator, paged)',
        get(c.coordinator, '/api/recommendations?limit=2'),
        get(c.coordinator, '/api/recommendations?limit=8'),
        [2, 8],
      );
    });

    it("a carrier's list of préconisations sends as many statements for 8 as for 2", async () => {
      await sameStatements(
        'GET /api/recommendations (carrier)',
        // A carrier no longer follows a préconisation once done: their open ones, paged.
        get(c.carrierA, '/api/recommendations?status=open&limit=2'),
        get(c.carrierA, '/api/recommendations?status=open&limit=8'),
        [2, 8],
      );
    });

    it('the earlier versions of a préconisation send as many statements for 8 versions as for 2', async () => {
      const [many, few] = [ready[4], ready[9]];
      for (const [situation, count] of [
        [many, 8],
        [few, 2],
      ] as const) {
        for (let index = 0; index < count; index++) {
          await post(c.coordinator, `/api/recommendations/${recommendationOf.get(situation.id)}/corrections`, {
            dueDate: dateIn(40 + index),
            reason: `Délai ${index}`,
          }).expect(201);
        }
      }
      await drained();
      await sameStatements(
        'GET /api/recommendations/:id/versions',
        get(c.coordinator, `/api/recommendations/${recommendationOf.get(few.id)}/versions`),
        get(c.coordinator, `/api/recommendations/${recommendationOf.get(many.id)}/versions`),
        [2, 8],
      );
    });

    it('the list of commission members sends as many statements for 5 members as for 2', async () => {
      for (const member of [c.carrierA, c.carrierB]) {
        await post(c.coordinator, '/api/commission/members', { userId: member.id, kind: 'permanent' }).expect(201);
      }
      await drained();
      await sameStatements(
        'GET /api/commission/members',
        get(c.coordinator, '/api/commission/members?limit=2'),
        get(c.coordinator, '/api/commission/members?limit=5'),
        [2, 5],
      );
    });
  });

  describe('referrals to the DAC', () => {
    it("the CLSM's list of referrals sends as many statements for 8 referrals as for 2", async () => {
      // Filtered, not only paged: who sees each referral is decided on every row before paging.
      await sameStatements(
        'GET /api/referrals (coordinator)',
        get(c.coordinator, '/api/referrals?status=acknowledged'),
        get(c.coordinator, '/api/referrals?status=sent'),
        [2, 8],
      );
    });

    it("a DAC user's list of referrals sends as many statements for 8 referrals as for 2", async () => {
      await sameStatements(
        'GET /api/referrals (DAC)',
        get(c.dac, '/api/referrals?status=acknowledged'),
        get(c.dac, '/api/referrals?status=sent'),
        [2, 8],
      );
      await sameStatements(
        'GET /api/referrals (DAC, paged)',
        get(c.dac, '/api/referrals?limit=2'),
        get(c.dac, '/api/referrals?limit=8'),
        [2, 8],
      );
    });
  });

  describe('notifications and rights', () => {
    it("a user's notifications send as many statements for 8 notifications as for 2", async () => {
      await sameStatements(
        'GET /api/notifications',
        get(c.carrierA, '/api/notifications?limit=2'),
        get(c.carrierA, '/api/notifications?limit=8'),
        [2, 8],
      );
    });

    it('the register of rights requests sends as many statements for 8 requests as for 2', async () => {
      for (const [index, situation] of ready.slice(0, 8).entries()) {
        await post(c.coordinator, '/api/rights-requests', { kind: 'access', receivedOn: dateIn(-index), situationId: situation.id }).expect(
          201,
        );
      }
      await drained();
      await sameStatements(
        'GET /api/rights-requests',
        get(ethics, '/api/rights-requests?limit=2'),
        get(ethics, '/api/rights-requests?limit=8'),
        [2, 8],
      );
    });

    it('the list of legal holds sends as many statements for 8 holds as for 2', async () => {
      const hold = (situation: { id: string }) =>
        post(c.coordinator, '/api/retention/legal-holds', { situationId: situation.id, reason: 'Réquisition judiciaire' }).expect(201);
      const list = get(ethics, '/api/retention/legal-holds');
      // Not paged: the same list is counted with 2 holds, then with 8.
      for (const situation of ready.slice(0, 2)) await hold(situation);
      const few = await countNow(list);
      for (const situation of ready.slice(2, 8)) await hold(situation);
      expectSame('GET /api/retention/legal-holds', few, await countNow(list), [2, 8]);
    });

    it('what retention will destroy sends as many statements for 8 situations as for 2', async () => {
      const rejected = async (count: number) => {
        for (let index = 0; index < count; index++) {
          const situation = await createSituation(t, c.referrer);
          await moveTo(t, c.coordinator, situation.id, [{ to: 'rejected', reason: 'Hors du champ de la commission' }]);
        }
      };
      const due = get(ethics, '/api/retention/due?until=2099-12-31');
      await rejected(2);
      const few = await countNow(due);
      await rejected(6);
      expectSame('GET /api/retention/due', few, await countNow(due), [2, 8]);
    });
  });

  describe('the audit trail', () => {
    it("the ethics committee's search of the trail sends as many statements for 8 events as for 2", async () => {
      await sameStatements(
        'GET /api/audit/events',
        get(ethics, '/api/audit/events?limit=2'),
        get(ethics, '/api/audit/events?limit=8'),
        [2, 8],
      );
    });

    it('who accessed a situation sends as many statements for 8 accesses as for 2', async () => {
      await sameStatements(
        'GET /api/audit/situations/:id/accesses',
        get(ethics, `/api/audit/situations/${ready[0].id}/accesses?limit=2`),
        get(ethics, `/api/audit/situations/${ready[0].id}/accesses?limit=8`),
        [2, 8],
      );
    });

    it('the anomaly report sends as many statements for 3 bursts of denials as for 1', async () => {
      const from = new Date(Date.now() - 1000).toISOString();
      // Nine denials each: at least five fall in one ten-minute window whatever the clock.
      const deny = async (user: TestUser) => {
        for (let index = 0; index < 9; index++) await t.http().get(`/api/situations/${randomUUID()}`).set(bearer(user)).expect(404);
      };
      await deny(c.referrer);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const to = new Date().toISOString();
      await deny(c.invitee);
      await deny(c.housing);
      await drained();
      const bursts = (body: unknown) => (body as { deniedBursts: unknown[] }).deniedBursts.length;
      await sameStatements(
        'GET /api/audit/anomalies',
        get(ethics, `/api/audit/anomalies?from=${from}&to=${to}`),
        get(ethics, `/api/audit/anomalies?from=${from}`),
        [1, 3],
        bursts,
      );
    });
  });

  describe('directory and administration', () => {
    it('the directory of people sends as many statements for 8 people as for 2', async () => {
      await sameStatements(
        'GET /api/directory/people',
        get(c.referrer, '/api/directory/people?limit=2'),
        get(c.referrer, '/api/directory/people?limit=8'),
        [2, 8],
      );
    });

    it('the directory of structures sends as many statements for 7 structures as for 2', async () => {
      await sameStatements(
        'GET /api/directory/organizations',
        get(c.referrer, '/api/directory/organizations?limit=2'),
        get(c.referrer, '/api/directory/organizations?limit=7'),
        [2, 7],
      );
    });

    it("the administrator's list of structures sends as many statements for 7 as for 2", async () => {
      await sameStatements(
        'GET /api/organizations',
        get(c.admin, '/api/organizations?limit=2'),
        get(c.admin, '/api/organizations?limit=7'),
        [2, 7],
      );
    });

    it("the administrator's list of accounts sends as many statements for 8 accounts as for 2", async () => {
      await sameStatements('GET /api/users', get(c.admin, '/api/users?limit=2'), get(c.admin, '/api/users?limit=8'), [2, 8]);
    });

    it('the list of access changes sends as many statements for 8 changes as for 2', async () => {
      await sameStatements(
        'GET /api/access-changes (ethics)',
        get(ethics, '/api/access-changes?limit=2'),
        get(ethics, '/api/access-changes?limit=8'),
        [2, 8],
      );
      await sameStatements(
        'GET /api/access-changes (admin)',
        get(c.admin, '/api/access-changes?limit=2'),
        get(c.admin, '/api/access-changes?limit=8'),
        [2, 8],
      );
    });

    it("one's signed-in devices send as many statements for 8 sessions as for 2", async () => {
      const signIn = async (user: TestUser, times: number) => {
        let token = user.token;
        for (let index = 0; index < times; index++) token = (await login(t, user.email)).accessToken;
        return { ...user, token };
      };
      const few = await signIn(c.housing, 1);
      const many = await signIn(c.invitee, 7);
      await drained();
      await sameStatements('GET /api/auth/sessions', get(few, '/api/auth/sessions'), get(many, '/api/auth/sessions'), [2, 8]);
    });

    it("one's passkeys send as many statements for 8 passkeys as for 2", async () => {
      // Stored as a registration would store them (a browser's authenticator is needed to register one).
      for (const [user, count] of [
        [c.carrierB, 2],
        [c.refusedMember, 8],
      ] as const) {
        for (let index = 0; index < count; index++) {
          await t.superuser.query(`INSERT INTO clsm.passkey (user_id, credential_id, public_key, name) VALUES ($1, $2, $3, $4)`, [
            user.id,
            randomUUID(),
            randomBytes(32),
            `Clé ${index}`,
          ]);
        }
      }
      await sameStatements(
        'GET /api/auth/mfa/passkeys',
        get(c.carrierB, '/api/auth/mfa/passkeys'),
        get(c.refusedMember, '/api/auth/mfa/passkeys'),
        [2, 8],
      );
    });
  });
});
