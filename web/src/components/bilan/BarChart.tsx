import type { Schemas } from '../../api/client';

type Cell = Schemas['StatCellDto'];

/**
 * A horizontal bar chart drawn with plain HTML and CSS (no chart library). It repeats figures that a
 * table of the page holds: the bars are hidden from assistive technologies and the caption says
 * where the figures are. A suppressed cell has no bar, only « secret ».
 */
export function BarChart({ title, tableTitle, bars }: { title: string; tableTitle: string; bars: { label: string; cell: Cell }[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.cell.value ?? 0));
  return (
    <figure className="fr-mb-4w fr-mx-0">
      <figcaption className="fr-text--bold fr-mb-1w">
        {title}{' '}
        <span className="fr-text--regular fr-text--sm">(graphique ; les mêmes chiffres figurent dans le tableau « {tableTitle} »)</span>
      </figcaption>
      <div
        aria-hidden="true"
        style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, 16rem) 1fr', gap: '0.25rem 1rem', alignItems: 'center' }}
      >
        {bars.map((bar) => (
          <div key={bar.label} style={{ display: 'contents' }}>
            <span className="fr-text--sm fr-mb-0">{bar.label}</span>
            <span style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
              {bar.cell.value !== null ? (
                <>
                  <span
                    style={{
                      display: 'inline-block',
                      height: '1.25rem',
                      width: `${(bar.cell.value / max) * 85}%`,
                      minWidth: bar.cell.value > 0 ? '2px' : 0,
                      background: 'var(--background-action-high-blue-france)',
                    }}
                  />
                  <span className="fr-text--sm fr-mb-0">{bar.cell.value}</span>
                </>
              ) : (
                <span className="fr-text--sm fr-mb-0">
                  <em>secret</em>
                </span>
              )}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
