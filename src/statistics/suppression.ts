/**
 * Statistical disclosure control of count tables, in the manner of official statistics (INSEE's
 * guide to statistical confidentiality, tau-Argus):
 * - primary suppression: every cell (interior or margin) counting from 1 to `minimum - 1`;
 * - secondary suppression: further cells, until no suppressed value can be recomputed from the
 *   published cells and the table's additive structure (row sums, column sums, grand total).
 *
 * Recoverability is decided exactly, by linear algebra on the table's equations: a suppressed cell
 * is safe when the published values leave it free (its unit vector is not in the row space of the
 * equations restricted to the suppressed cells). Complements are chosen among non-zero cells first
 * (a suppressed zero protects little: zeros are often known), smallest first (least loss).
 */

export type Suppression = 'primary' | 'secondary';

export interface Cell {
  value: number | null;
  suppressed?: Suppression;
}

export interface Label {
  key: string;
  label: string;
}

/** A published count table. One column and no row totals for a one-way table. */
export interface CountTable {
  key: string;
  title: string;
  rowTitle: string;
  columnTitle: string | null;
  rows: Label[];
  columns: Label[];
  cells: Cell[][];
  /** Per row; only for two-way tables (for a one-way table they equal the cells). */
  rowTotals: Cell[] | null;
  /** Per column; null when the cells do not add up (a situation counted in several rows). */
  columnTotals: Cell[] | null;
  /** The grand total; null when the cells do not add up. */
  total: Cell | null;
  /** The cells add up to the margins (false: several rows may count the same situation). */
  additive: boolean;
  note?: string;
}

export interface RawTable {
  key: string;
  title: string;
  rowTitle: string;
  columnTitle?: string;
  rows: Label[];
  /** Omitted: a one-way table with a single "count" column. */
  columns?: Label[];
  counts: number[][];
  /** Default true. */
  additive?: boolean;
  note?: string;
}

/** Indices of a table's published values: interior cells, row totals, column totals, grand total. */
interface Layout {
  values: number[];
  interior: boolean[];
  equations: { terms: number[]; total: number }[];
  cell: (row: number, column: number) => number;
  rowTotal: (row: number) => number | undefined;
  columnTotal: (column: number) => number | undefined;
  grand: number | undefined;
}

function layout(counts: number[][], columns: number, additive: boolean): Layout {
  const rows = counts.length;
  const values: number[] = [];
  const interior: boolean[] = [];
  const push = (value: number, inner: boolean) => {
    values.push(value);
    interior.push(inner);
    return values.length - 1;
  };
  const cells = counts.map((row) => row.map((value) => push(value, true)));
  const equations: Layout['equations'] = [];
  if (!additive) {
    return {
      values,
      interior,
      equations,
      cell: (r, c) => cells[r][c],
      rowTotal: () => undefined,
      columnTotal: () => undefined,
      grand: undefined,
    };
  }
  const twoWay = columns > 1;
  const rowTotals = twoWay ? counts.map((row) => push(sum(row), false)) : [];
  const columnTotals = Array.from({ length: columns }, (_, c) => push(sum(counts.map((row) => row[c])), false));
  const grand = twoWay ? push(sum(counts.map(sum)), false) : columnTotals[0];
  if (twoWay) {
    for (let r = 0; r < rows; r++) equations.push({ terms: cells[r], total: rowTotals[r] });
    equations.push({ terms: rowTotals, total: grand });
    equations.push({ terms: columnTotals, total: grand });
  }
  for (let c = 0; c < columns; c++) equations.push({ terms: cells.map((row) => row[c]), total: columnTotals[c] });
  return {
    values,
    interior,
    equations,
    cell: (r, c) => cells[r][c],
    rowTotal: (r) => (twoWay ? rowTotals[r] : undefined),
    columnTotal: (c) => columnTotals[c],
    grand,
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The suppressed values that the published ones determine exactly. Each equation
 * `sum(terms) - total = 0` restricted to the suppressed unknowns is a row of a matrix; a suppressed
 * value is determined iff its unit vector lies in that matrix's row space.
 */
export function determinedCells(
  values: number[],
  equations: { terms: number[]; total: number }[],
  suppressed: ReadonlySet<number>,
): number[] {
  const unknowns = [...suppressed].sort((a, b) => a - b);
  const column = new Map(unknowns.map((index, position) => [index, position]));
  const matrix: number[][] = [];
  for (const equation of equations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const term of equation.terms) {
      const position = column.get(term);
      if (position !== undefined) {
        row[position] += 1;
        any = true;
      }
    }
    const position = column.get(equation.total);
    if (position !== undefined) {
      row[position] -= 1;
      any = true;
    }
    if (any) matrix.push(row);
  }
  const basis = echelon(matrix);
  return unknowns.filter((_, position) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[position] = 1;
    return reducesToZero(unit, basis);
  });
}

const EPSILON = 1e-9;

/** Row echelon form (rows with their pivot column). */
function echelon(matrix: number[][]): { row: number[]; pivot: number }[] {
  const rows = matrix.map((row) => [...row]);
  const basis: { row: number[]; pivot: number }[] = [];
  const width = rows[0]?.length ?? 0;
  for (let columnIndex = 0; columnIndex < width && rows.length > 0; columnIndex++) {
    const index = rows.findIndex((row) => Math.abs(row[columnIndex]) > EPSILON);
    if (index < 0) continue;
    const [pivotRow] = rows.splice(index, 1);
    const scale = pivotRow[columnIndex];
    const normalised = pivotRow.map((value) => value / scale);
    for (const row of rows) {
      const factor = row[columnIndex];
      if (Math.abs(factor) > EPSILON) for (let k = 0; k < width; k++) row[k] -= factor * normalised[k];
    }
    basis.push({ row: normalised, pivot: columnIndex });
  }
  return basis;
}

function reducesToZero(vector: number[], basis: { row: number[]; pivot: number }[]): boolean {
  const work = [...vector];
  for (const { row, pivot } of basis) {
    const factor = work[pivot];
    if (Math.abs(factor) > EPSILON) for (let k = 0; k < work.length; k++) work[k] -= factor * row[k];
  }
  return work.every((value) => Math.abs(value) < EPSILON);
}

/** Protects one table: primary then secondary suppression, as described above. */
export function protect(raw: RawTable, minimum: number): CountTable {
  const columns = raw.columns ?? [{ key: 'count', label: 'Effectif' }];
  const additive = raw.additive ?? true;
  const shape = layout(raw.counts, columns.length, additive);
  const marks = new Map<number, Suppression>();
  shape.values.forEach((value, index) => {
    if (value > 0 && value < minimum) marks.set(index, 'primary');
  });
  if (additive) {
    // Secondary suppression, one complement at a time, until nothing suppressed is determined.
    for (;;) {
      const determined = determinedCells(shape.values, shape.equations, new Set(marks.keys()));
      if (determined.length === 0) break;
      const target = determined[0];
      const candidates = shape.equations
        .filter((equation) => equation.terms.includes(target) || equation.total === target)
        .flatMap((equation) => [...equation.terms, equation.total])
        .filter((index) => !marks.has(index));
      if (candidates.length === 0) {
        // Cannot happen for a consistent table (the target is then free); fail closed anyway.
        shape.values.forEach((_, index) => marks.has(index) || marks.set(index, 'secondary'));
        break;
      }
      const rank = (index: number) => [shape.values[index] === 0 ? 1 : 0, shape.interior[index] ? 0 : 1, shape.values[index], index];
      candidates.sort((a, b) => compare(rank(a), rank(b)));
      marks.set(candidates[0], 'secondary');
    }
  }
  const published = (index: number): Cell => {
    const mark = marks.get(index);
    return mark ? { value: null, suppressed: mark } : { value: shape.values[index] };
  };
  const twoWay = columns.length > 1;
  return {
    key: raw.key,
    title: raw.title,
    rowTitle: raw.rowTitle,
    columnTitle: raw.columnTitle ?? null,
    rows: raw.rows,
    columns,
    cells: raw.counts.map((row, r) => row.map((_, c) => published(shape.cell(r, c)))),
    rowTotals: additive && twoWay ? raw.counts.map((_, r) => published(shape.rowTotal(r)!)) : null,
    columnTotals: additive && twoWay ? columns.map((_, c) => published(shape.columnTotal(c)!)) : null,
    total: additive ? published(shape.grand!) : null,
    additive,
    ...(raw.note ? { note: raw.note } : {}),
  };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** A single count (no margins): suppressed when small. */
export function protectCount(value: number, minimum: number): Cell {
  return value > 0 && value < minimum ? { value: null, suppressed: 'primary' } : { value };
}
