import type { Cell, CountTable } from '../../src/statistics/suppression.js';

/**
 * An attacker's view of a published table: every suppressed cell is an unknown non-negative
 * integer; the published cells and the additive structure (row sums, column sums, grand total) are
 * constraints. Finds a filling consistent with what is published, then for each suppressed cell
 * another filling where it differs: returns, per suppressed cell, the (one or two) values found. A
 * cell for which no second value exists is recovered.
 */
export function feasibleValues(table: CountTable, bound: number): Map<string, Set<number>> {
  const values: (number | null)[] = [];
  const names: string[] = [];
  const add = (cell: Cell, name: string) => {
    values.push(cell.value);
    names.push(name);
    return values.length - 1;
  };
  const cells = table.cells.map((row, r) => row.map((cell, c) => add(cell, `cell ${table.rows[r].key}/${table.columns[c].key}`)));
  const equations: { terms: number[]; total: number }[] = [];
  if (table.additive) {
    const twoWay = table.columns.length > 1;
    const rowTotals = twoWay ? table.rowTotals!.map((cell, r) => add(cell, `row total ${table.rows[r].key}`)) : [];
    const columnTotals = twoWay ? table.columnTotals!.map((cell, c) => add(cell, `column total ${table.columns[c].key}`)) : [];
    const grand = add(table.total!, 'total');
    if (twoWay) {
      cells.forEach((row, r) => equations.push({ terms: row, total: rowTotals[r] }));
      table.columns.forEach((_, c) => equations.push({ terms: cells.map((row) => row[c]), total: columnTotals[c] }));
      equations.push({ terms: rowTotals, total: grand }, { terms: columnTotals, total: grand });
    } else {
      equations.push({ terms: cells.map((row) => row[0]), total: grand });
    }
  }
  const unknowns = values.flatMap((value, index) => (value === null ? [index] : []));
  // The tightest known total bounds each unknown.
  const limit = new Map(
    unknowns.map((index) => [
      index,
      Math.min(
        bound,
        ...equations.filter(({ terms }) => terms.includes(index)).flatMap(({ total }) => (values[total] === null ? [] : [values[total]])),
      ),
    ]),
  );
  const consistent = (assigned: (number | null)[]) =>
    equations.every(({ terms, total }) => {
      const open = [...terms, total].some((index) => assigned[index] === null);
      const known = terms.reduce((sum, index) => sum + (assigned[index] ?? 0), 0);
      if (!open) return known === assigned[total];
      // Partial: the known terms may not exceed a known total.
      return assigned[total] === null || known <= assigned[total];
    });
  let nodes = 0;
  /** One filling consistent with what is published, where `first` (if given) takes one of `allowed`. */
  const solve = (first?: number, allowed?: (value: number) => boolean): (number | null)[] | undefined => {
    const order = first === undefined ? unknowns : [first, ...unknowns.filter((index) => index !== first)];
    const assigned = [...values];
    const search = (position: number): boolean => {
      if (++nodes > 5_000_000) throw new Error('search space too large for this test table');
      if (position === order.length) return true;
      const index = order[position];
      for (let value = 0; value <= limit.get(index)!; value++) {
        if (position === 0 && allowed && !allowed(value)) continue;
        assigned[index] = value;
        if (consistent(assigned) && search(position + 1)) return true;
      }
      assigned[index] = null;
      return false;
    };
    return search(0) ? assigned : undefined;
  };
  const seen = new Map(unknowns.map((index) => [names[index], new Set<number>()]));
  const some = solve();
  if (!some) throw new Error('the published table admits no filling at all');
  for (const index of unknowns) {
    seen.get(names[index])!.add(some[index]!);
    const other = solve(index, (value) => value !== some[index]);
    if (other) seen.get(names[index])!.add(other[index]!);
  }
  return seen;
}

/** The suppressed cells an attacker can recompute exactly (a single feasible value). */
export function recoverable(table: CountTable, bound: number): string[] {
  return [...feasibleValues(table, bound)].filter(([, possible]) => possible.size <= 1).map(([name]) => name);
}
