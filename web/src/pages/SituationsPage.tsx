import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Pagination from '@codegouvfr/react-dsfr/Pagination';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { AREA_LABELS, formatDate, STATUS_LABELS } from '../app/labels';
import { Link } from '../app/router';
import { SituationStatus } from '../components/StatusBadge';

const PAGE_SIZE = 20;
type Status = Schemas['SituationDto']['status'];
type Area = Schemas['SituationDto']['problemAreas'][number];
interface Filters {
  reference: string;
  status: Status | '';
  problemArea: Area | '';
}

/** The situations the reader may see, paged; search on the reference only (never on content). */
export function SituationsPage() {
  useTitle('Situations');
  const [draft, setDraft] = useState<Filters>({ reference: '', status: '', problemArea: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Schemas['SituationPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = {
      limit: PAGE_SIZE as never,
      offset: ((page - 1) * PAGE_SIZE) as never,
      ...(filters.reference ? { reference: filters.reference.trim() } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.problemArea ? { problemArea: filters.problemArea } : {}),
    };
    let stale = false;
    void api.GET('/api/situations', { params: { query } }).then(({ data, error: failure }) => {
      if (stale) return;
      setResult(data ?? null);
      setError(data ? null : problemText(failure));
    });
    return () => {
      stale = true;
    };
  }, [filters, page]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>Situations</h1>
      <form onSubmit={search} className="fr-mb-3w" aria-label="Filtrer les situations">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Référence"
              hintText="Exemple : 2026-0042"
              nativeInputProps={{ value: draft.reference, onChange: (e) => setDraft({ ...draft, reference: e.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select
              label="État"
              nativeSelectProps={{ value: draft.status, onChange: (e) => setDraft({ ...draft, status: e.target.value as Status | '' }) }}
            >
              <option value="">Tous les états</option>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select
              label="Problématique"
              nativeSelectProps={{
                value: draft.problemArea,
                onChange: (e) => setDraft({ ...draft, problemArea: e.target.value as Area | '' }),
              }}
            >
              <option value="">Toutes les problématiques</option>
              {Object.entries(AREA_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <Button type="submit" iconId="fr-icon-search-line">
              Filtrer
            </Button>
          </div>
        </div>
      </form>
      {error && <Alert severity="error" small description={error} role="alert" />}
      {result && (
        <>
          <p role="status">
            {result.total} situation{result.total > 1 ? 's' : ''}
          </p>
          {result.items.length > 0 && (
            <Table
              fixed
              caption="Situations visibles"
              noCaption
              headers={['Référence', 'Personne', 'État', 'Problématiques', 'Déposée le']}
              data={result.items.map((s) => [
                <Link key="ref" href={`/situations/${s.id}`} className="fr-link">
                  {s.reference}
                </Link>,
                s.identity ? `${s.identity.usedName ?? s.identity.birthName} ${s.identity.firstNames}` : '—',
                <SituationStatus key="status" status={s.status} />,
                s.problemAreas.map((area) => AREA_LABELS[area]).join(', '),
                formatDate(s.createdAt),
              ])}
            />
          )}
          {pages > 1 && (
            <Pagination
              count={pages}
              defaultPage={page}
              getPageLinkProps={(n) => ({
                href: '#',
                onClick: (event: { preventDefault(): void }) => {
                  event.preventDefault();
                  setPage(n);
                },
              })}
            />
          )}
        </>
      )}
    </>
  );
}
