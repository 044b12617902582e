import type { Schemas } from '../../api/client';
import { SUPPRESSION_LABELS } from '../../app/labels';

type Cell = Schemas['StatCellDto'];

/** The mark beside « secret statistique », explained in the page's notice (1: primary, 2: secondary). */
export const SUPPRESSION_MARKS = { primary: '1', secondary: '2' } as const;

/**
 * A published count, or « secret statistique » for a suppressed cell: the visible mark refers to the
 * page's explanation, and screen readers hear which kind of secret it is.
 */
export function StatValue({ cell }: { cell: Cell }) {
  if (cell.value !== null) return <>{new Intl.NumberFormat('fr-FR').format(cell.value)}</>;
  const kind = cell.suppressed ?? 'primary';
  return (
    <span className="bilan-secret">
      <em>secret statistique</em>
      <sup aria-hidden="true">{SUPPRESSION_MARKS[kind]}</sup>
      <span className="fr-sr-only"> ({SUPPRESSION_LABELS[kind]})</span>
    </span>
  );
}
