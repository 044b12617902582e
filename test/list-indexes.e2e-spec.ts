import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { ListOrderIndexes1765030000000 } from '../migrations/1765030000000-ListOrderIndexes.js';
import { buildAppConfig } from '../src/config/app-config.js';
import { parseEnvironment } from '../src/config/environment.js';
import { migrateDatabase } from '../src/database/migrate.js';
import { FOLD } from '../src/directory/directory-search.service.js';
import { createFreshDatabase, testEnvironment } from './support/test-app.js';

/**
 * Every list the API serves is read from an index in its order, so that a page stays an index scan
 * that stops at its LIMIT as the tables grow, instead of a sequential scan and a sort of every row.
 *
 * Each list below is the service's query (copied, or as its query builder writes it) with sample
 * parameters, the way node-postgres sends it: parameters bound, the optional filters folded away.
 * The planner is told not to scan a table sequentially nor to sort (`enable_seqscan`, `enable_sort`
 * off): if no index gives the order, the plan still sorts, and the test fails. `fragments` are
 * pieces of the query that must still be in its source file, so that a changed query is noticed.
 *
 * A NEW LIST (a paged or capped query with ORDER BY) GOES IN `LISTS`, with the index that serves
 * it; a per-parent batch (`= ANY($1)` over a page of parents: its order spans the parents, so it
 * sorts the few rows found) goes in `BATCHES`, with the index that finds its rows.
 *
 * Left out on purpose, for their few rows: the commission members (a few dozen), the active legal
 * holds, the organisations of the administration (`ORDER BY name`, a few hundred) and a session's
 * agenda items (`ORDER BY position`, a dozen).
 */

/** Sample parameters. */
const USER = '2f6f8a9e-3c1d-4c6b-9a57-0e4f1b2c3d4e';
const ORGANIZATION = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SITUATION = '0b8e2f4a-6c1d-4e3f-a5b7-c9d1e3f5a7b9';
const ITEM = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const REFERRAL = '9e8d7c6b-5a4f-4e3d-b2c1-a0f9e8d7c6b5';
/** The coordination's `listCondition`: it lists every situation (other users' conditions narrow on the situation's columns). */
const COORDINATION = '(TRUE)';

interface ListQuery {
  /** The list, as the API serves it. */
  list: string;
  /** The file that sends the query, and pieces of it that must still be there. */
  source: string;
  fragments: string[];
  sql: string;
  params?: unknown[];
  /** The index that reads the list in its order. */
  index: string;
  /** Only where the index's order is the list's to a tie that cannot occur: the sort it leaves. */
  presortedKey?: string;
}

const SESSIONS = `SELECT s.id, count(*) OVER ()::int AS total FROM cellule.session s
        WHERE ($2::text IS NULL OR s.status = $2)
          AND ($5::timestamptz IS NULL OR s.scheduled_at >= $5) AND ($6::timestamptz IS NULL OR s.scheduled_at < $6)
          AND ($1 OR EXISTS (SELECT 1 FROM cellule.agenda_item i JOIN cellule.situation situation ON situation.id = i.situation_id
                               WHERE i.session_id = s.id AND (${COORDINATION})))
        ORDER BY s.scheduled_at DESC, s.id DESC LIMIT $3 OFFSET $4`;
const RECOMMENDATIONS = `SELECT r.*, situation.reference AS situation_reference
  FROM cellule.recommendation r JOIN cellule.situation situation ON situation.id = r.situation_id
        WHERE (${COORDINATION}) AND ($1::text IS NULL OR r.status = $1) AND ($2::date IS NULL OR r.due_date < $2)
        ORDER BY r.due_date, r.id LIMIT 2000`;
const REFERRALS = (
  condition: string,
) => `SELECT r.* FROM cellule.referral r JOIN cellule.situation situation ON situation.id = r.situation_id
        WHERE ((${condition}) OR r.dac_organization_id = $1)
          AND ($2::uuid IS NULL OR r.situation_id = $2) AND ($3::text IS NULL OR r.direction = $3) AND ($4::text IS NULL OR r.status = $4)
        ORDER BY r.created_at DESC, r.id DESC LIMIT 2000`;
const NOTIFICATIONS = (where: string) => `SELECT id, kind, message, reference, link, created_at, read_at FROM cellule.notification
        WHERE ${where} ORDER BY created_at DESC, id LIMIT 20 OFFSET 0`;
const RIGHTS_REQUESTS = (where: string) => `
  SELECT r.id, r.kind, r.situation_id, s.reference, to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
         to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.extended, r.status, r.outcome,
         to_char(r.answered_on, 'YYYY-MM-DD') AS answered_on, (r.status <> 'answered' AND r.deadline < $1::date) AS overdue,
         r.created_at, r.updated_at
    FROM cellule.rights_request r LEFT JOIN cellule.situation s ON s.id = r.situation_id WHERE $1::date IS NOT NULL${where} ORDER BY r.deadline, r.id LIMIT 20 OFFSET 0`;
const ACCESS_CHANGES = `SELECT c.*, u.display_name, count(*) OVER ()::int AS total FROM clsm.access_change c JOIN clsm.user_account u ON u.id = c.user_id
        WHERE $1::text IS NULL OR c.status = $1 ORDER BY c.requested_at DESC, c.id DESC LIMIT $2 OFFSET $3`;
const PEOPLE = `SELECT u.id, u.display_name, u.organization_id, o.name AS organization_name, u.professional_category, u.roles, count(*) OVER ()::int AS total
         FROM clsm.user_account u LEFT JOIN clsm.organization o ON o.id = u.organization_id
        WHERE u.active AND cardinality(u.roles) > 0
          AND ($1::text IS NULL OR ${FOLD('u.display_name')} LIKE $1)
          AND ($2::uuid IS NULL OR u.organization_id = $2)
        ORDER BY lower(u.display_name), u.id LIMIT $3 OFFSET $4`;
const ORGANIZATIONS = `SELECT id, name, kind, count(*) OVER ()::int AS total FROM clsm.organization
        WHERE ($1::text IS NULL OR ${FOLD('name')} LIKE $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY lower(name), id LIMIT $3 OFFSET $4`;
/** As TypeORM writes the query builder's (the columns aside). */
const AUDIT = (where: string) =>
  `SELECT "event"."seq", "event"."action" FROM "audit"."event" "event"${where} ORDER BY "event"."seq" DESC LIMIT 50`;
const SITUATIONS = (where: string) =>
  `SELECT "situation"."id" FROM "cellule"."situation" "situation" WHERE ${where} ORDER BY situation.created_at DESC, situation.id DESC LIMIT 20`;

const LISTS: ListQuery[] = [
  {
    list: 'situations',
    source: 'src/situations/situations.service.ts',
    fragments: [".orderBy('situation.created_at', 'DESC')", ".addOrderBy('situation.id', 'DESC')"],
    sql: SITUATIONS(COORDINATION),
    index: 'situation_list_idx',
  },
  {
    list: 'situations by status',
    source: 'src/situations/situations.service.ts',
    fragments: ["builder.andWhere('situation.status = :status'"],
    sql: SITUATIONS(`${COORDINATION} AND situation.status = $1`),
    params: ['submitted'],
    index: 'situation_status_list_idx',
  },
  {
    list: "a referrer's situations",
    source: 'src/access/access.service.ts',
    fragments: ["referrerUserId: 'situation.referrer_user_id'"],
    sql: SITUATIONS('((situation.referrer_user_id = $1))'),
    params: [USER],
    index: 'situation_referrer_list_idx',
  },
  {
    list: 'sessions',
    source: 'src/sessions/sessions.service.ts',
    fragments: ['ORDER BY s.scheduled_at DESC, s.id DESC LIMIT $3 OFFSET $4', 'AND ($1 OR EXISTS (SELECT 1 FROM cellule.agenda_item i'],
    sql: SESSIONS,
    params: [true, null, 20, 0, null, null],
    index: 'session_list_idx',
  },
  {
    list: 'sessions of a period, by status',
    source: 'src/sessions/sessions.service.ts',
    fragments: ['AND ($5::timestamptz IS NULL OR s.scheduled_at >= $5) AND ($6::timestamptz IS NULL OR s.scheduled_at < $6)'],
    sql: SESSIONS,
    params: [true, 'planned', 20, 0, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    index: 'session_list_idx',
  },
  {
    list: 'préconisations',
    source: 'src/sessions/recommendations.service.ts',
    fragments: [
      'ORDER BY r.due_date, r.id LIMIT 2000',
      'AND ($1::text IS NULL OR r.status = $1) AND ($2::date IS NULL OR r.due_date < $2)',
    ],
    sql: RECOMMENDATIONS,
    params: [null, null],
    index: 'recommendation_list_idx',
  },
  {
    list: 'préconisations by status',
    source: 'src/sessions/recommendations.service.ts',
    fragments: ['ORDER BY r.due_date, r.id LIMIT 2000'],
    sql: RECOMMENDATIONS,
    params: ['done', null],
    index: 'recommendation_status_list_idx',
  },
  {
    list: 'overdue préconisations',
    source: 'src/sessions/recommendations.service.ts',
    fragments: ["query.status === 'overdue' ? 'open'"],
    sql: RECOMMENDATIONS,
    params: ['open', '2025-06-01'],
    index: 'recommendation_status_list_idx',
  },
  {
    list: 'referrals',
    source: 'src/referrals/referrals.service.ts',
    fragments: ['ORDER BY r.created_at DESC, r.id DESC LIMIT 2000', 'WHERE ((${filter.sql}) OR r.dac_organization_id = $1)'],
    sql: REFERRALS(COORDINATION),
    params: [null, null, null, null],
    index: 'referral_list_idx',
  },
  {
    list: "a situation's referrals",
    source: 'src/referrals/referrals.service.ts',
    fragments: ['AND ($2::uuid IS NULL OR r.situation_id = $2)'],
    sql: REFERRALS(COORDINATION),
    params: [null, SITUATION, null, null],
    index: 'referral_situation_list_idx',
  },
  {
    list: "a DAC's referrals",
    source: 'src/access/access.service.ts',
    fragments: ["return sql ?? 'FALSE';"],
    sql: REFERRALS('FALSE'),
    params: [ORGANIZATION, null, 'inbound', null],
    index: 'referral_dac_list_idx',
  },
  {
    list: 'notifications',
    source: 'src/notifications/notifications.service.ts',
    fragments: [
      'WHERE ${where} ORDER BY created_at DESC, id LIMIT ${query.limit} OFFSET ${query.offset}',
      'const where = `recipient_id = $1',
    ],
    sql: NOTIFICATIONS('recipient_id = $1'),
    params: [USER],
    index: 'notification_recipient_idx',
  },
  {
    list: 'unread notifications',
    source: 'src/notifications/notifications.service.ts',
    fragments: ["' AND read_at IS NULL'"],
    sql: NOTIFICATIONS('recipient_id = $1 AND read_at IS NULL'),
    params: [USER],
    index: 'notification_unread_list_idx',
  },
  {
    list: 'rights requests',
    source: 'src/rights/rights.service.ts',
    fragments: ['ORDER BY r.deadline, r.id LIMIT ${query.limit} OFFSET ${query.offset}', ' WHERE $1::date IS NOT NULL'],
    sql: RIGHTS_REQUESTS(''),
    params: ['2025-06-01'],
    index: 'rights_request_list_idx',
  },
  {
    list: 'rights requests by status',
    source: 'src/rights/rights.service.ts',
    fragments: ['conditions.push(`r.status = $${parameters.length}`)'],
    sql: RIGHTS_REQUESTS(' AND r.status = $2'),
    // Those not answered are read from rights_request_open_list_idx, which the planner proves holds them.
    params: ['2025-06-01', 'answered'],
    index: 'rights_request_list_idx',
  },
  {
    list: 'overdue rights requests',
    source: 'src/rights/rights.service.ts',
    fragments: ["conditions.push(`r.status <> 'answered' AND r.deadline < $1::date`)"],
    sql: RIGHTS_REQUESTS(" AND r.status <> 'answered' AND r.deadline < $1::date"),
    params: ['2025-06-01'],
    index: 'rights_request_open_list_idx',
  },
  {
    list: 'access changes',
    source: 'src/directory/access-changes.service.ts',
    fragments: ['WHERE $1::text IS NULL OR c.status = $1 ORDER BY c.requested_at DESC, c.id DESC LIMIT $2 OFFSET $3'],
    sql: ACCESS_CHANGES,
    params: [null, 20, 0],
    index: 'access_change_list_idx',
  },
  {
    list: 'pending access changes',
    source: 'src/directory/access-changes.service.ts',
    fragments: ['WHERE $1::text IS NULL OR c.status = $1'],
    sql: ACCESS_CHANGES,
    params: ['pending', 20, 0],
    index: 'access_change_pending',
  },
  {
    list: 'directory of people',
    source: 'src/directory/directory-search.service.ts',
    fragments: ['ORDER BY lower(u.display_name), u.id LIMIT $3 OFFSET $4', 'WHERE u.active AND cardinality(u.roles) > 0'],
    sql: PEOPLE,
    params: [null, null, 20, 0],
    index: 'user_account_directory_idx',
  },
  {
    list: 'directory of people, by name',
    source: 'src/directory/directory-search.service.ts',
    fragments: ["AND ($1::text IS NULL OR ${FOLD('u.display_name')} LIKE $1)"],
    sql: PEOPLE,
    params: ['%dupre%', null, 20, 0],
    index: 'user_account_directory_idx',
  },
  {
    list: 'directory of people, in a structure',
    source: 'src/directory/directory-search.service.ts',
    fragments: ['AND ($2::uuid IS NULL OR u.organization_id = $2)'],
    sql: PEOPLE,
    params: [null, ORGANIZATION, 20, 0],
    index: 'user_account_organization_directory_idx',
  },
  {
    // organization_name_key is unique on lower(name): no two rows tie there, the sort by id sorts groups of one.
    list: 'directory of structures',
    source: 'src/directory/directory-search.service.ts',
    fragments: ['ORDER BY lower(name), id LIMIT $3 OFFSET $4'],
    sql: ORGANIZATIONS,
    params: [null, 'dac', 20, 0],
    index: 'organization_name_key',
    presortedKey: '(lower(name))',
  },
  {
    list: 'users (administration)',
    source: 'src/directory/directory.service.ts',
    fragments: [".orderBy('u.email', 'ASC').take(query.limit).skip(query.offset)"],
    sql: `SELECT "u"."id", "u"."email" FROM "clsm"."user_account" "u" WHERE (${FOLD('u.display_name')} LIKE $1 OR ${FOLD('u.email')} LIKE $1) ORDER BY "u"."email" ASC LIMIT 20`,
    params: ['%dupre%'],
    index: 'user_account_email_key',
  },
  {
    list: 'audit trail',
    source: 'src/audit/audit-query.service.ts',
    fragments: [".orderBy('event.seq', 'DESC').take(query.limit).skip(query.offset)"],
    sql: AUDIT(''),
    index: 'event_pkey',
  },
  {
    list: 'audit trail of an actor',
    source: 'src/audit/audit-query.service.ts',
    fragments: ["builder.andWhere('event.actor_user_id = :actorId'"],
    sql: AUDIT(' WHERE event.actor_user_id = $1'),
    params: [USER],
    index: 'event_actor_seq_idx',
  },
  {
    list: "audit trail of a situation (and a situation's accesses)",
    source: 'src/audit/audit-query.service.ts',
    fragments: ["builder.andWhere('event.situation_id = :situationId'"],
    sql: AUDIT(' WHERE event.situation_id = $1'),
    params: [SITUATION],
    index: 'event_situation_seq_idx',
  },
  {
    list: 'audit trail of an action',
    source: 'src/audit/audit-query.service.ts',
    fragments: ["builder.andWhere('event.action = :action'"],
    sql: AUDIT(' WHERE event.action = $1 AND event.outcome = $2'),
    params: ['situation.export', 'granted'],
    index: 'event_action_seq_idx',
  },
  {
    list: "a situation's consents",
    source: 'src/consent/consent.service.ts',
    fragments: ['SELECT * FROM cellule.consent WHERE situation_id = $1 ORDER BY recorded_at, id'],
    sql: 'SELECT * FROM cellule.consent WHERE situation_id = $1 ORDER BY recorded_at, id',
    params: [SITUATION],
    index: 'consent_situation_list_idx',
  },
  {
    list: "a situation's documents",
    source: 'src/situations/documents.service.ts',
    fragments: ["where: { situationId }, order: { uploadedAt: 'ASC', id: 'ASC' }"],
    sql: `SELECT "d"."id" FROM "cellule"."document" "d" WHERE (("d"."situation_id" = $1)) ORDER BY "d"."uploaded_at" ASC, "d"."id" ASC`,
    params: [SITUATION],
    index: 'document_situation_list_idx',
  },
  {
    list: "a situation's transitions (subject access)",
    source: 'src/rights/subject-access.service.ts',
    fragments: ['SELECT * FROM cellule.situation_transition WHERE situation_id = $1 ORDER BY at, id'],
    sql: 'SELECT * FROM cellule.situation_transition WHERE situation_id = $1 ORDER BY at, id',
    params: [SITUATION],
    index: 'situation_transition_list_idx',
  },
  {
    list: "a situation's measures (subject access)",
    source: 'src/rights/subject-access.service.ts',
    fragments: ['SELECT * FROM cellule.situation_measure WHERE situation_id = $1 ORDER BY placed_at, id'],
    sql: 'SELECT * FROM cellule.situation_measure WHERE situation_id = $1 ORDER BY placed_at, id',
    params: [SITUATION],
    index: 'situation_measure_list_idx',
  },
  {
    list: "a situation's préconisations (subject access)",
    source: 'src/rights/subject-access.service.ts',
    fragments: ['WHERE r.situation_id = $1 ORDER BY r.created_at, r.id'],
    sql: `SELECT r.id, r.item_id, r.action_enc, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.closed_at,
              coalesce(o.name, e.organization_name) AS carrier_organization, coalesce(o.kind, e.organization_kind) AS carrier_kind
         FROM cellule.recommendation r
         LEFT JOIN clsm.directory_organization o ON o.id = r.carrier_organization_id
         LEFT JOIN clsm.directory_entry e ON e.user_id = r.carrier_user_id
        WHERE r.situation_id = $1 ORDER BY r.created_at, r.id`,
    params: [SITUATION],
    index: 'recommendation_situation_list_idx',
  },
  {
    list: "a situation's referrals (subject access)",
    source: 'src/rights/subject-access.service.ts',
    fragments: ['FROM cellule.referral r JOIN clsm.directory_organization o ON o.id = r.dac_organization_id'],
    sql: `SELECT r.id, r.direction, r.status, r.shared_groups, r.sent_at, r.decided_at, r.closed_at, r.created_at, o.name AS dac
         FROM cellule.referral r JOIN clsm.directory_organization o ON o.id = r.dac_organization_id
        WHERE r.situation_id = $1 ORDER BY r.created_at, r.id`,
    params: [SITUATION],
    index: 'referral_situation_list_idx',
  },
];

interface BatchQuery {
  batch: string;
  source: string;
  fragments: string[];
  sql: string;
  params: unknown[];
  /** The indexes that find the rows (one per part of a UNION ALL). */
  indexes: string[];
}

const BATCHES: BatchQuery[] = [
  {
    batch: 'the préconisations of agenda items (sessions, minutes)',
    source: 'src/sessions/recommendations.service.ts',
    fragments: ['WHERE r.item_id = ANY($1) ORDER BY r.due_date, r.id'],
    sql: `SELECT r.*, situation.reference AS situation_reference
  FROM cellule.recommendation r JOIN cellule.situation situation ON situation.id = r.situation_id WHERE r.item_id = ANY($1) ORDER BY r.due_date, r.id`,
    params: [[ITEM, SITUATION]],
    indexes: ['recommendation_item_idx'],
  },
  {
    batch: 'the events of referrals',
    source: 'src/referrals/referral-events.service.ts',
    fragments: ['SELECT * FROM cellule.referral_event WHERE referral_id = ANY($1) ORDER BY at, id'],
    sql: 'SELECT * FROM cellule.referral_event WHERE referral_id = ANY($1) ORDER BY at, id',
    params: [[REFERRAL, SITUATION]],
    indexes: ['referral_event_list_idx'],
  },
  {
    batch: 'the meetings of referrals',
    source: 'src/referrals/referral-views.service.ts',
    fragments: ['FROM cellule.referral_meeting WHERE referral_id = ANY($1) ORDER BY held_on, id'],
    sql: 'SELECT id, referral_id, held_on, note_enc FROM cellule.referral_meeting WHERE referral_id = ANY($1) ORDER BY held_on, id',
    params: [[REFERRAL, SITUATION]],
    indexes: ['referral_meeting_list_idx'],
  },
  {
    batch: "a situation's timeline (transitions, measures, duplicates)",
    source: 'src/situations/situations.service.ts',
    fragments: ['FROM cellule.situation_measure WHERE situation_id = $1', 'FROM cellule.duplicate_warning WHERE situation_id = $1 AND $2'],
    sql: `SELECT 'transition' AS source, id, at FROM cellule.situation_transition WHERE situation_id = $1
       UNION ALL
       SELECT 'measure', id, placed_at FROM cellule.situation_measure WHERE situation_id = $1
       UNION ALL
       SELECT 'duplicate', other_situation_id, detected_at FROM cellule.duplicate_warning WHERE situation_id = $1 AND $2
       ORDER BY at, id`,
    params: [SITUATION, true],
    indexes: ['situation_transition_list_idx', 'situation_measure_list_idx', 'duplicate_warning_pkey'],
  },
  {
    batch: "a situation's agenda items (ordered by their sessions' dates)",
    source: 'src/sessions/agenda.service.ts',
    fragments: ['WHERE i.situation_id = $1 AND s.status = ANY($2) ORDER BY s.scheduled_at, i.id'],
    sql: `SELECT i.id, i.session_id FROM cellule.agenda_item i JOIN cellule.session s ON s.id = i.session_id
        WHERE i.situation_id = $1 AND s.status = ANY($2) ORDER BY s.scheduled_at, i.id`,
    params: [SITUATION, ['planned', 'held']],
    indexes: ['agenda_item_situation_idx'],
  },
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Sort Key'?: string[];
  'Presorted Key'?: string[];
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];
const outline = (node: PlanNode, depth = 0): string =>
  [
    '  '.repeat(depth) +
      node['Node Type'] +
      (node['Scan Direction'] === 'Backward' ? ' Backward' : '') +
      (node['Index Name'] ? ` using ${node['Index Name']}` : '') +
      (node['Relation Name'] ? ` on ${node['Relation Name']}` : '') +
      (node['Sort Key'] ? ` by ${node['Sort Key'].join(', ')}` : '') +
      (node['Presorted Key'] ? ` (presorted by ${node['Presorted Key'].join(', ')})` : ''),
    ...(node.Plans ?? []).map((child) => outline(child, depth + 1)),
  ].join('\n');
const readsWith = (nodes: PlanNode[], index: string) =>
  nodes.some((node) => ['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'].includes(node['Node Type']) && node['Index Name'] === index);
const sorts = (nodes: PlanNode[]) => nodes.filter((node) => node['Node Type'].endsWith('Sort'));

describe('the indexes of the lists', () => {
  let superuser: pg.Pool;

  beforeAll(async () => {
    // A database of its own: the schema of the migrations alone, no other test's rows or statistics.
    const environment = parseEnvironment(testEnvironment({ DATABASE_URL: await createFreshDatabase() }));
    const config = buildAppConfig(environment, environment.DATABASE_URL!, undefined);
    await migrateDatabase(config);
    superuser = new pg.Pool({ connectionString: config.database.adminUrl, max: 1 });
  });
  afterAll(() => superuser.end());

  /**
   * The plan of a query in `client`'s transaction, when the planner may not scan a table
   * sequentially, nor sort unless `sorting` (a batch sorts the few rows it finds).
   */
  async function planIn(client: pg.PoolClient, sql: string, params: unknown[] = [], sorting = false): Promise<PlanNode> {
    await client.query('SAVEPOINT plan');
    try {
      await client.query('SET LOCAL enable_seqscan = off');
      if (!sorting) await client.query('SET LOCAL enable_sort = off');
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON, COSTS OFF) ${sql}`, params);
      return rows[0]['QUERY PLAN'][0].Plan;
    } finally {
      await client.query('ROLLBACK TO SAVEPOINT plan');
    }
  }

  async function plan(sql: string, params?: unknown[], sorting = false): Promise<PlanNode> {
    const client = await superuser.connect();
    try {
      await client.query('BEGIN');
      return await planIn(client, sql, params, sorting);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  const sourceOf = (file: string) => readFileSync(file, 'utf8');

  it.each(LISTS)('$list: read in its order from $index, no sort, no sequential scan', async (list) => {
    const nodes = flatten(await plan(list.sql, list.params));
    const shown = `${list.list}:\n${outline(nodes[0])}`;
    expect({ shown, readsWithIndex: readsWith(nodes, list.index) }).toEqual({ shown, readsWithIndex: true });
    expect({ shown, seqScans: nodes.filter((node) => node['Node Type'] === 'Seq Scan').length }).toEqual({ shown, seqScans: 0 });
    const allowed = (node: PlanNode) =>
      list.presortedKey !== undefined &&
      node['Node Type'] === 'Incremental Sort' &&
      node['Presorted Key']?.join(', ') === list.presortedKey;
    expect({ shown, sorts: sorts(nodes).filter((node) => !allowed(node)).length }).toEqual({ shown, sorts: 0 });
  });

  it.each(BATCHES)('$batch: its rows found through an index, no sequential scan', async (batch) => {
    const nodes = flatten(await plan(batch.sql, batch.params, true));
    const shown = `${batch.batch}:\n${outline(nodes[0])}`;
    expect({ shown, readsWith: batch.indexes.filter((index) => readsWith(nodes, index)) }).toEqual({ shown, readsWith: batch.indexes });
    expect({ shown, seqScans: nodes.filter((node) => node['Node Type'] === 'Seq Scan').length }).toEqual({ shown, seqScans: 0 });
  });

  it('the queries checked are still those their services send (their fragments are in their source files)', () => {
    const missing = [
      ...LISTS.map((list) => ({ name: list.list, ...list })),
      ...BATCHES.map((batch) => ({ name: batch.batch, ...batch })),
    ].flatMap(({ name, source, fragments }) =>
      fragments.filter((fragment) => !sourceOf(source).includes(fragment)).map((fragment) => `${name} (${source}): ${fragment}`),
    );
    expect(missing).toEqual([]);
  });

  it("without the migration ListOrderIndexes, the lists it serves sort or read past what they filter out; its down() and up() restore each other's indexes", async () => {
    const migration = new ListOrderIndexes1765030000000();
    const client = await superuser.connect();
    const runner = { query: (sql: string) => client.query(sql) } as unknown as QueryRunner;
    const indexes = async () =>
      (
        await client.query<{ name: string; definition: string }>(
          `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname IN ('clsm', 'cellule', 'audit') ORDER BY 1`,
        )
      ).rows;
    try {
      await client.query('BEGIN');
      const after = await indexes();
      await migration.down(runner);
      const before = await indexes();
      const names = new Set(before.map((index) => index.name));
      // What it replaced is back.
      for (const replaced of [
        'recommendation_situation_idx',
        'referral_situation_idx',
        'referral_event_referral_idx',
        'notification_unread_idx',
        'rights_request_open_idx',
        'user_account_organization_idx',
        'document_situation_idx',
        'situation_transition_situation_idx',
      ])
        expect(names).toContain(replaced);
      // Every list read from one of its indexes now sorts, or reads an index it filters (the audit
      // trail backwards from its end, the unread notifications among all the recipient's).
      const served = LISTS.filter((list) => !names.has(list.index));
      expect(served.length).toBeGreaterThan(0);
      const unsorted: string[] = [];
      for (const list of served) if (sorts(flatten(await planIn(client, list.sql, list.params))).length === 0) unsorted.push(list.list);
      expect(unsorted).toEqual([
        'unread notifications',
        'audit trail of an actor',
        "audit trail of a situation (and a situation's accesses)",
        'audit trail of an action',
      ]);
      await migration.up(runner);
      expect(await indexes()).toEqual(after);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
