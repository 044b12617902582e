import type { Schemas } from '../../api/client';
import { STATISTICS_TABLE_LABELS } from '../../app/labels';
import { StatValue } from './StatCell';

type Table = Schemas['StatTableDto'];

/**
 * One protected table of the API as an accessible HTML table: a caption, column headers and row
 * headers scoped, margins in a « Total » row and column when the table adds up.
 */
export function StatTable({ table }: { table: Table }) {
  const twoWay = table.columns.length > 1;
  const caption = STATISTICS_TABLE_LABELS[table.key] ?? table.title;
  return (
    <div className="fr-table fr-table--bordered fr-table--sm fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowTitle}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            {twoWay && table.rowTotals && <th scope="col">Total</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {table.cells[r].map((cell, c) => (
                <td key={table.columns[c].key}>
                  <StatValue cell={cell} />
                </td>
              ))}
              {twoWay && table.rowTotals && (
                <td>
                  <StatValue cell={table.rowTotals[r]} />
                </td>
              )}
            </tr>
          ))}
          {(table.total || (twoWay && table.columnTotals)) && (
            <tr>
              <th scope="row">Total</th>
              {twoWay
                ? table.columnTotals?.map((cell, c) => (
                    <td key={table.columns[c].key}>
                      <StatValue cell={cell} />
                    </td>
                  ))
                : null}
              {table.total && (
                <td>
                  <StatValue cell={table.total} />
                </td>
              )}
            </tr>
          )}
        </tbody>
      </table>
      {table.note && <p className="fr-text--sm fr-mt-1w">{table.note}</p>}
    </div>
  );
}
