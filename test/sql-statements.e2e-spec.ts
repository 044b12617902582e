import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation, intakeBody } from './support/situations.js';
import { statementsOf } from './support/sql-statements.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

/**
 * What a secured request costs the database, counted on the real one: every round trip the
 * service sends (both roles, the request's transaction, the audit writer). Counts, never times.
 */
describe('SQL statements of secured requests', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let referrer: TestUser;
  const situationIds: string[] = [];

  /** Whitespace folded, to find statements by a fragment of their text. */
  const folded = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim());
  const count = (texts: string[], fragment: string) => folded(texts).filter((text) => text.includes(fragment)).length;
  /** At most `limit` statements; on failure, the statements themselves are what the report shows. */
  const atMost = (texts: string[], limit: number) =>
    expect(texts.length <= limit ? [] : folded(texts).map((text) => text.slice(0, 160))).toEqual([]);

  beforeAll(async () => {
    // No checkpoint may be signed while a request is counted.
    // A database of its own, its job queue drained below: no worker may run a job (another file's
    // leftover notice or e-mail) on the serving pools while a request is counted.
    t = await startTestApp({
      DATABASE_URL: await createFreshDatabase(),
      AUDIT_CHECKPOINT_EVERY: '1000000',
      AUDIT_CHECKPOINT_SECONDS: '86400',
    });
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
    for (let index = 0; index < 12; index++) situationIds.push((await createSituation(t, referrer)).id);
    // Warm: the first request of a user fills what the process keeps (the charter accepted).
    await t.http().get(`/api/situations/${situationIds[0]}`).set(bearer(coordinator)).expect(200);
    const pending = async () =>
      (await t.superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`))
        .rows[0].n;
    const deadline = Date.now() + 60_000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await pending()).toBe(0);
  }, 120_000);
  afterAll(() => t.close());

  it("a read of one situation sends at most 5 statements: its transaction opened with the row, its access facts, its key and the reader's relations in one, its history and possible duplicates in one", async () => {
    // Warm, right before (the names beside the ids are kept a minute; the set-up may take longer).
    await t.http().get(`/api/situations/${situationIds[2]}`).set(bearer(coordinator)).expect(200);
    const texts = await statementsOf(() => t.http().get(`/api/situations/${situationIds[1]}`).set(bearer(coordinator)).expect(200));
    const row = folded(texts).filter((text) => text.includes('FROM "cellule"."situation" "situation"'));
    expect(row).toHaveLength(1);
    expect(row[0]).toMatch(/^START TRANSACTION; SELECT/);
    expect(row[0]).toContain('review_consent_valid');
    expect(row[0]).toContain('wrapped_dek');
    expect(row[0]).toContain('FROM cellule.situation_relation');
    expect(count(texts, 'review_consent_valid')).toBe(1);
    expect(count(texts, 'wrapped_dek')).toBe(1);
    expect(count(texts, 'FROM cellule.situation_relation')).toBe(1);
    expect(folded(texts)).not.toContain('START TRANSACTION');
    // The charter acceptance of a user already known to have accepted it is not asked again.
    expect(count(texts, 'SELECT accepted_at FROM cellule.charter_acceptance')).toBe(0);
    // One audit entry, written in one statement, the lock and the tail read in one round trip.
    expect(count(texts, 'INSERT INTO audit.event')).toBe(1);
    expect(count(texts, 'SELECT pg_advisory_xact_lock')).toBe(1);
    // The coordinator sees possible duplicates: read with the history, not in a round trip of their own.
    const history = folded(texts).filter((text) => text.includes('FROM cellule.situation_transition'));
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('FROM cellule.duplicate_warning');
    expect(count(texts, 'duplicate_warning')).toBe(1);
    // The audit entry's insert carries its transaction's COMMIT.
    expect(folded(texts).find((text) => text.includes('INSERT INTO audit.event'))).toMatch(/; COMMIT$/);
    atMost(texts, 5);
  });

  it('a page of situations sends as many statements for 10 rows as for 2 (at most 5), its rows, facts and keys in one, its audit in one insert', async () => {
    const page = (limit: number) => statementsOf(() => t.http().get(`/api/situations?limit=${limit}`).set(bearer(coordinator)).expect(200));
    await t.http().get('/api/situations?limit=10').set(bearer(coordinator)).expect(200);
    const small = await page(2);
    const large = await page(10);
    expect(large.length).toBe(small.length);
    atMost(large, 5);
    // The total comes with the page's rows, not in a count of its own.
    expect(count(large, 'total_count')).toBe(1);
    expect(count(large, 'SELECT COUNT(1)')).toBe(0);
    expect(count(large, 'INSERT INTO audit.event')).toBe(1);
    expect(count(large, 'review_consent_valid')).toBe(1);
    expect(count(large, 'wrapped_dek')).toBe(1);
  });

  it("a creation sends at most 9 statements: its transaction opened with its first write, the facts checked after it with the reader's relations, its audit insert carrying the COMMIT", async () => {
    // Warm, right before: what the process keeps for a minute (the names beside the ids) or until
    // another writer moves it (the audit chain's tail) is what a creation usually finds.
    // People born on other days than the set-up's: no possible duplicate to look at (which costs its
    // candidates' keys and the warning's insert, by design).
    const born = (day: number) => intakeBody({ identity: { ...intakeBody().identity, birthDate: `1961-02-${day}` } });
    await t.http().post('/api/situations').set(bearer(referrer)).send(born(11)).expect(201);
    const texts = await statementsOf(() => t.http().post('/api/situations').set(bearer(referrer)).send(born(12)).expect(201));
    const all = folded(texts);
    expect(all.filter((text) => text.startsWith('START TRANSACTION; INSERT INTO cellule.reference_counter'))).toHaveLength(1);
    expect(all).not.toContain('START TRANSACTION');
    expect(all).not.toContain('COMMIT');
    const facts = all.filter((text) => text.includes('review_consent_valid'));
    expect(facts).toHaveLength(1);
    expect(facts[0]).toContain('FROM cellule.situation_relation');
    expect(count(texts, 'FROM cellule.situation_relation')).toBe(1);
    expect(all.filter((text) => text.includes('INSERT INTO audit.event'))).toEqual([expect.stringMatching(/; COMMIT$/)]);
    atMost(texts, 9);
  });

  it('a page past the last one still gives the total, counted apart since no row carries it', async () => {
    const { body: first } = await t.http().get('/api/situations?limit=1').set(bearer(coordinator)).expect(200);
    const texts = await statementsOf(async () => {
      const { body } = await t.http().get('/api/situations?limit=5&offset=100000').set(bearer(coordinator)).expect(200);
      expect(body).toMatchObject({ items: [], total: (first as { total: number }).total });
    });
    expect(count(texts, 'SELECT COUNT(1)')).toBe(1);
  });

  it('the audit entries of a page of 10 are ten rows of the trail, written together', async () => {
    const before = await t.superuser.query<{ seq: string }>('SELECT max(seq) AS seq FROM audit.event');
    await t.http().get('/api/situations?limit=10').set(bearer(coordinator)).expect(200);
    const rows = await t.superuser.query<{ recorded_at: Date }>(
      `SELECT recorded_at FROM audit.event WHERE seq > $1 AND action = 'situation.list' AND actor_user_id = $2`,
      [before.rows[0].seq, coordinator.id],
    );
    expect(rows.rowCount).toBe(10);
    // One batch: one recorded_at for the ten.
    expect(new Set(rows.rows.map((row) => row.recorded_at.getTime())).size).toBe(1);
  });
});
