import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { protect, type CountTable } from '../src/statistics/suppression.js';
import { feasibleValues, recoverable } from './support/disclosure.js';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

const K = 5;

/** Every published cell of a table, interior and margins. */
const publishedCells = (table: CountTable) => [
  ...table.cells.flat(),
  ...(table.rowTotals ?? []),
  ...(table.columnTotals ?? []),
  ...(table.total ? [table.total] : []),
];

describe('small-count suppression (primary and secondary) on crafted tables', () => {
  const crafted = {
    key: 'crafted',
    title: 'Tableau construit',
    rowTitle: 'Ligne',
    columnTitle: 'Colonne',
    rows: ['a', 'b', 'c', 'd'].map((key) => ({ key, label: key })),
    columns: ['x', 'y', 'z'].map((key) => ({ key, label: key })),
    counts: [
      [12, 3, 9],
      [7, 8, 2],
      [10, 6, 11],
      [0, 5, 14],
    ],
  };

  it('suppresses every count from 1 to the threshold minus one, interior and margins, as primary', () => {
    const table = protect(crafted, K);
    expect(table.cells[0][1]).toEqual({ value: null, suppressed: 'primary' });
    expect(table.cells[1][2]).toEqual({ value: null, suppressed: 'primary' });
    // A zero is not a small count: published.
    expect(table.cells[3][0]).toEqual({ value: 0 });
    for (const cell of publishedCells(table)) if (cell.value !== null) expect(cell.value === 0 || cell.value >= K).toBe(true);
    const margins = protect(
      {
        ...crafted,
        counts: [
          [2, 1],
          [9, 12],
        ],
        rows: crafted.rows.slice(0, 2),
        columns: crafted.columns.slice(0, 2),
      },
      K,
    );
    // Row a totals 3: a small count in a margin is suppressed too.
    expect(margins.rowTotals![0].suppressed).toBe('primary');
  });

  it('with the primary suppressions alone a small count is recomputed from the margins (what secondary suppression prevents)', () => {
    const table = protect(crafted, K);
    const naive: CountTable = {
      ...table,
      cells: crafted.counts.map((row) =>
        row.map((value) => (value > 0 && value < K ? { value: null, suppressed: 'primary' as const } : { value })),
      ),
      rowTotals: crafted.counts.map((row) => ({ value: row.reduce((a, b) => a + b, 0) })),
      columnTotals: [0, 1, 2].map((c) => ({ value: crafted.counts.reduce((sum, row) => sum + row[c], 0) })),
      total: { value: 87 },
    };
    expect(recoverable(naive, 40)).toEqual(expect.arrayContaining(['cell a/y', 'cell b/z']));
  });

  it('adds secondary suppressions until no suppressed cell can be recovered from the row, column and grand totals', () => {
    const table = protect(crafted, K);
    const secondary = publishedCells(table).filter((cell) => cell.suppressed === 'secondary');
    expect(secondary.length).toBeGreaterThan(0);
    const feasible = feasibleValues(table, 40);
    expect(feasible.size).toBe(publishedCells(table).filter((cell) => cell.value === null).length);
    expect(recoverable(table, 40)).toEqual([]);
    // An attacker must consider at least two values for each.
    for (const possible of feasible.values()) expect(possible.size).toBe(2);
  });

  it('protects a one-way table whose single small count would otherwise follow from its total', () => {
    const table = protect(
      {
        key: 'one',
        title: 'Une dimension',
        rowTitle: 'Mois',
        rows: ['m1', 'm2', 'm3', 'm4'].map((key) => ({ key, label: key })),
        counts: [[9], [2], [11], [6]],
      },
      K,
    );
    expect(table.cells[1][0].suppressed).toBe('primary');
    expect(table.cells.flat().filter((cell) => cell.suppressed === 'secondary')).toHaveLength(1);
    // The smallest non-zero other cell is chosen as the complement.
    expect(table.cells[3][0].suppressed).toBe('secondary');
    expect(table.total).toEqual({ value: 28 });
    expect(recoverable(table, 30)).toEqual([]);
  });

  it('keeps a table whose margins are themselves small safe, and leaves tables without small counts intact', () => {
    const small = protect(
      {
        ...crafted,
        counts: [
          [1, 0, 2],
          [0, 6, 7],
          [0, 0, 0],
          [5, 0, 9],
        ],
      },
      K,
    );
    expect(recoverable(small, 30)).toEqual([]);
    const intact = protect(
      {
        ...crafted,
        counts: [
          [5, 6, 0],
          [7, 8, 9],
          [10, 0, 11],
          [12, 13, 14],
        ],
      },
      K,
    );
    expect(publishedCells(intact).every((cell) => cell.suppressed === undefined)).toBe(true);
  });

  it('does not add margins to a table whose rows overlap (problem areas): primary suppression only', () => {
    const table = protect(
      {
        key: 'areas',
        title: 'Problématiques',
        rowTitle: 'Problématique',
        rows: ['p', 'q', 'r'].map((key) => ({ key, label: key })),
        counts: [[8], [3], [7]],
        additive: false,
      },
      K,
    );
    expect(table.total).toBeNull();
    expect(table.cells.map((row) => row[0])).toEqual([{ value: 8 }, { value: null, suppressed: 'primary' }, { value: 7 }]);
  });
});

describe('GET /api/statistics', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let ethics: TestUser;
  let referrer: TestUser;
  const crafted: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(async () => {
    // Crafted rows are removed so that other test files never meet them.
    if (crafted.length > 0) {
      await t.superuser.query('DELETE FROM cellule.situation_transition WHERE situation_id = ANY($1)', [crafted]);
      await t.superuser.query('DELETE FROM cellule.situation_key WHERE situation_id = ANY($1)', [crafted]);
      await t.superuser.query('DELETE FROM cellule.situation WHERE id = ANY($1)', [crafted]);
    }
    await t.close();
  });

  const organization = async (kind: string) =>
    (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique(kind), kind })
        .expect(201)
    ).body.id as string;

  /**
   * A situation recorded on `day` with these clear columns only. Its data key is destroyed and its
   * ciphertexts are random bytes: the statistics must never need them (a crypto-shredded situation
   * is still counted).
   */
  async function craft(
    day: string,
    values: { decade: number; sex: string | null; organizationId: string | null; areas: string[]; closed?: string },
  ) {
    const id = randomUUID();
    crafted.push(id);
    const year = Number(day.slice(0, 4));
    const reference = `CC-${year}-${String(crafted.length).padStart(4, '0')}${Math.floor(Math.random() * 1e4)}`;
    await t.superuser.query(
      `INSERT INTO cellule.situation (id, reference, year, status, problem_areas, birth_decade, sex, referrer_user_id, referrer_organization_id, blind_index,
         closure_outcome, identity_enc, contact_enc, social_enc, health_enc, narrative_enc, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, '\\x00', '\\x00', '\\x00', '\\x00', '\\x00', $11::date + time '10:00', $11::date + time '10:00')`,
      [
        id,
        reference,
        year,
        values.closed ? 'closed' : 'submitted',
        values.areas,
        values.decade,
        values.sex,
        referrer.id,
        values.organizationId,
        values.closed ?? null,
        day,
      ],
    );
    await t.superuser.query(
      `INSERT INTO cellule.situation_key (situation_id, kek_version, wrapped_dek, destroyed_at) VALUES ($1, 1, NULL, now())`,
      [id],
    );
    if (values.closed) {
      await t.superuser.query(
        `INSERT INTO cellule.situation_transition (id, situation_id, from_status, to_status, actor_user_id, at, closure_outcome) VALUES ($1, $2, 'follow_up', 'closed', $3, $4::date + time '12:00', $5)`,
        [randomUUID(), id, coordinator.id, day, values.closed],
      );
    }
    return id;
  }

  it('publishes the bilan tables with no count below the threshold and no suppressed count recoverable, from clear columns only', async () => {
    const ccas = await organization('ccas');
    const sector = await organization('psychiatry_sector');
    // 2003: 16 saisines. Decade × sex: 1960s female 6, male 2 (small); 1980s female 5, male 3 (small).
    const plan: [string, number, string, string, string[], string?][] = [
      ...Array.from({ length: 6 }, (): [string, number, string, string, string[]] => ['2003-01-15', 1960, 'female', ccas, ['housing']]),
      ...Array.from({ length: 2 }, (): [string, number, string, string, string[]] => [
        '2003-02-10',
        1960,
        'male',
        sector,
        ['housing', 'isolation'],
      ]),
      ...Array.from({ length: 5 }, (): [string, number, string, string, string[], string] => [
        '2003-03-05',
        1980,
        'female',
        ccas,
        ['family'],
        'resolved',
      ]),
      ...Array.from({ length: 3 }, (): [string, number, string, string, string[], string] => [
        '2003-03-20',
        1980,
        'male',
        sector,
        ['isolation'],
        'moved_away',
      ]),
    ];
    for (const [day, decade, sex, organizationId, areas, closed] of plan) await craft(day, { decade, sex, organizationId, areas, closed });

    for (const user of [coordinator, ethics]) {
      const response = await t.http().get('/api/statistics?from=2003-01-01&to=2003-12-31').set(bearer(user)).expect(200);
      const body = response.body as { saisines: number; withheld: boolean; minimumCount: number; tables: CountTable[] };
      expect(body).toMatchObject({ saisines: 16, withheld: false, minimumCount: K });
      expect(body.tables.map((table) => table.key)).toEqual(
        expect.arrayContaining([
          'saisinesByMonth',
          'saisinesByReferrerKind',
          'saisinesByProblemArea',
          'saisinesByBirthDecadeAndSex',
          'admissibility',
          'closuresByOutcome',
          'recommendationsByStatusAndCarrierKind',
          'dacReferralsByDirectionAndStatus',
        ]),
      );
      for (const table of body.tables) {
        for (const cell of publishedCells(table)) {
          if (cell.value !== null)
            expect({ table: table.key, small: cell.value > 0 && cell.value < K }).toEqual({ table: table.key, small: false });
          else expect(['primary', 'secondary']).toContain(cell.suppressed);
        }
        if (table.additive)
          expect({ table: table.key, recoverable: recoverable(table, 16) }).toEqual({ table: table.key, recoverable: [] });
      }
      const ageSex = body.tables.find((table) => table.key === 'saisinesByBirthDecadeAndSex')!;
      expect(ageSex.rows.map((row) => row.key)).toEqual(['1960', '1980']);
      expect(ageSex.total).toEqual({ value: 16 });
      expect(ageSex.cells[0][ageSex.columns.findIndex((column) => column.key === 'male')]).toEqual({ value: null, suppressed: 'primary' });
      expect(ageSex.cells[0][ageSex.columns.findIndex((column) => column.key === 'female')].suppressed).toBe('secondary');
      const months = body.tables.find((table) => table.key === 'saisinesByMonth')!;
      expect(months.rows).toHaveLength(12);
      expect(months.rows[0]).toEqual({ key: '2003-01', label: 'janvier 2003' });
      // February's 2 is suppressed; January's 6, the smallest other month, with it; March's 8 is shown.
      expect(months.cells[1][0]).toEqual({ value: null, suppressed: 'primary' });
      expect(months.cells[0][0]).toEqual({ value: null, suppressed: 'secondary' });
      expect(months.cells[2][0]).toEqual({ value: 8 });
      const kinds = body.tables.find((table) => table.key === 'saisinesByReferrerKind')!;
      expect(kinds.cells[kinds.rows.findIndex((row) => row.key === 'ccas')][0]).toEqual({ value: 11 });
      expect(kinds.cells[kinds.rows.findIndex((row) => row.key === 'psychiatry_sector')][0]).toEqual({ value: 5 });
      const areas = body.tables.find((table) => table.key === 'saisinesByProblemArea')!;
      expect(areas.additive).toBe(false);
      expect(areas.cells[areas.rows.findIndex((row) => row.key === 'isolation')][0]).toEqual({ value: 5 });
      expect(areas.cells[areas.rows.findIndex((row) => row.key === 'housing')][0]).toEqual({ value: 8 });
      expect(areas.cells[areas.rows.findIndex((row) => row.key === 'family')][0]).toEqual({ value: 5 });
      // Closures: resolved 5, moved away 3 (small), total 8: the small one cannot follow from the total.
      const closures = body.tables.find((table) => table.key === 'closuresByOutcome')!;
      expect(closures.cells[closures.rows.findIndex((row) => row.key === 'moved_away')][0]).toEqual({ value: null, suppressed: 'primary' });
      expect(closures.cells[closures.rows.findIndex((row) => row.key === 'resolved')][0]).toEqual({ value: null, suppressed: 'secondary' });
      expect(closures.total).toEqual({ value: 8 });
    }
    // Counted without any data key: every crafted situation's key is destroyed.
    const { rows } = await t.superuser.query(
      'SELECT count(*)::int AS n FROM cellule.situation_key WHERE situation_id = ANY($1) AND wrapped_dek IS NOT NULL',
      [crafted],
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers nothing but the number of saisines when they are fewer than the threshold', async () => {
    for (let i = 0; i < 3; i++) await craft('2004-06-01', { decade: 1970, sex: 'female', organizationId: null, areas: ['other'] });
    const response = await t.http().get('/api/statistics?from=2004-01-01&to=2004-12-31').set(bearer(coordinator)).expect(200);
    expect(response.body).toMatchObject({ saisines: 3, withheld: true, tables: [], delayToFirstSession: null, situationsReviewed: null });
  });

  it('gives the same protected cells as CSV, suppressed cells empty and marked', async () => {
    const response = await t.http().get('/api/statistics?from=2003-01-01&to=2003-12-31&format=csv').set(bearer(ethics)).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('tableau;ligne;colonne;effectif;secret');
    expect(lines).toContain('"Clôtures par issue";"Déménagement";"Effectif";;"primary"');
    expect(lines).toContain('"Saisines par mois";"mars 2003";"Effectif";"8";""');
    for (const line of lines.slice(1)) {
      const value = line.split(';')[3];
      if (value) expect(Number(value.replaceAll('"', '')) === 0 || Number(value.replaceAll('"', '')) >= K).toBe(true);
    }
  });

  it('renders the yearly report as a French PDF with the same protected tables', async () => {
    const response = await t
      .http()
      .get('/api/statistics/report.pdf?year=2003')
      .set(bearer(ethics))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The text drawn: every content stream inflated, its hex strings decoded (WinAnsi).
    const text: string[] = [];
    const raw = pdf.toString('latin1');
    for (const match of raw.matchAll(/stream\r?\n/g)) {
      const start = match.index + match[0].length;
      const end = raw.indexOf('endstream', start);
      try {
        const inflated = inflateSync(pdf.subarray(start, end)).toString('latin1');
        for (const hex of inflated.matchAll(/<([0-9a-fA-F]+)>/g)) text.push(Buffer.from(hex[1], 'hex').toString('latin1'));
      } catch {
        // Not a compressed content stream (fonts, images).
      }
    }
    const drawn = text.join('');
    expect(drawn).toContain('bilan 2003');
    expect(drawn).toContain('Saisines par mois');
    expect(drawn).toContain('Clôtures par issue');
    expect(drawn).toContain('Secret statistique');
    await t.http().get('/api/statistics/report.pdf?year=1999').set(bearer(ethics)).expect(400);
    await t.http().get('/api/statistics/report.pdf').set(bearer(referrer)).expect(404);
  });

  it('is refused to the other roles, audited without its filters, and validates the period', async () => {
    await t.http().get('/api/statistics').set(bearer(referrer)).expect(404);
    await t.http().get('/api/statistics').set(bearer(admin)).expect(404);
    const before = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE action = 'statistics.read' AND actor_user_id = $1`,
      [ethics.id],
    );
    await t.http().get('/api/statistics?from=2003-01-01&to=2003-06-30').set(bearer(ethics)).expect(200);
    const after = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE action = 'statistics.read' AND actor_user_id = $1`,
      [ethics.id],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    const inverted = await t.http().get('/api/statistics?from=2003-06-01&to=2003-01-01').set(bearer(coordinator)).expect(400);
    expect(inverted.body.detail).toMatch(/précéder/);
    await t.http().get('/api/statistics?from=2003-02-30').set(bearer(coordinator)).expect(400);
  });

  it('records the sex in clear at intake and on rectification of the identity, for the statistics only', async () => {
    const situation = await createSituation(t, referrer);
    const { rows } = await t.superuser.query('SELECT sex FROM cellule.situation WHERE id = $1', [situation.id]);
    expect(rows[0].sex).toBe('female');
    const read = await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
    await t
      .http()
      .patch(`/api/situations/${situation.id}`)
      .set(bearer(coordinator))
      .send({ identity: { ...read.body.identity, sex: 'male' } })
      .expect(200);
    const after = await t.superuser.query('SELECT sex FROM cellule.situation WHERE id = $1', [situation.id]);
    expect(after.rows[0].sex).toBe('male');
  });
});
