import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Pagination from '@codegouvfr/react-dsfr/Pagination';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { api, authorizationHeader, problemText, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../app/labels';
import { PersonPicker, type Person } from '../DirectoryPickers';
import { ACTION_LABELS, actionLabel, endOfDay, OUTCOME_LABELS, purposeLabel, roleLabel, startOfDay } from './labels';

type AuditEvent = Schemas['AuditEventDto'];
type Outcome = AuditEvent['outcome'];
const PAGE_SIZE = 50;
/** The API exports at most this many events per request: the export asks page after page. */
const EXPORT_PAGE = 200;

/** The filters of one search, as typed; the query sent to the API is derived from them. */
interface Filters {
  reference: string;
  person: Person | null;
  from: string;
  to: string;
  action: string;
  outcome: Outcome | '';
}
const EMPTY: Filters = { reference: '', person: null, from: '', to: '', action: '', outcome: '' };

function toQuery(filters: Filters) {
  return {
    ...(filters.reference ? { situationReference: filters.reference } : {}),
    ...(filters.person ? { actorId: filters.person.id } : {}),
    ...(filters.from ? { from: startOfDay(filters.from) } : {}),
    ...(filters.to ? { to: endOfDay(filters.to) } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
  };
}

/** The search in words, for the result's caption and status (never an identifier). */
function describe(filters: Filters): string {
  const parts = [filters.reference ? `au dossier ${filters.reference}` : 'du journal'];
  if (filters.person) parts.push(`par ${filters.person.displayName}`);
  if (filters.from && filters.to) parts.push(`du ${formatDate(filters.from)} au ${formatDate(filters.to)}`);
  else if (filters.from) parts.push(`depuis le ${formatDate(filters.from)}`);
  else if (filters.to) parts.push(`jusqu’au ${formatDate(filters.to)}`);
  return parts.join(' ');
}

/**
 * "Who consulted this case file": the audit trail searched by case reference, by the person who acted
 * (chosen by name in the directory), by period, action and result; the result as a table with names,
 * roles, purposes and times, and its CSV export. Never any case content.
 */
export function AuditSearch() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [searched, setSearched] = useState<Filters | null>(null);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ items: AuditEvent[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (filters: Filters, wantedPage: number) => {
    setError(null);
    setExportNotice(null);
    const { data, error: failure } = await api.GET('/api/audit/events', {
      params: { query: { ...toQuery(filters), limit: PAGE_SIZE as never, offset: ((wantedPage - 1) * PAGE_SIZE) as never } },
    });
    if (!data) {
      setResult(null);
      return setError(problemText(failure, 'Vérifiez les critères (référence du dossier : exemple CC-2026-0042).'));
    }
    setSearched(filters);
    setPage(wantedPage);
    setResult({ items: data.items, total: data.total });
  };

  const search = (event: FormEvent) => {
    event.preventDefault();
    const filters = { ...draft, reference: draft.reference.trim().toUpperCase() };
    if (filters.from && filters.to && filters.from > filters.to) return setError('La date de début doit précéder la date de fin.');
    void run(filters, 1);
  };

  /** Every event the current search finds, as CSV (the API's export, page after page, one header). */
  const exportCsv = async () => {
    if (!searched) return;
    setBusy(true);
    setError(null);
    setExportNotice(null);
    try {
      const lines: string[] = [];
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const query = new URLSearchParams({ ...toQuery(searched), format: 'csv', limit: String(EXPORT_PAGE), offset: String(offset) });
        const response = await fetch(`/api/audit/events?${query.toString()}`, { headers: authorizationHeader() });
        if (!response.ok) throw await response.json().catch(() => ({ detail: 'L’export a échoué.' }));
        const [header, ...rows] = (await response.text()).split('\r\n').filter((line) => line !== '');
        if (lines.length === 0) lines.push(header);
        lines.push(...rows);
        if (rows.length < EXPORT_PAGE) break;
      }
      const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'journal-audit.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExportNotice(
        `${lines.length - 1} événement${lines.length - 1 > 1 ? 's' : ''} exporté${lines.length - 1 > 1 ? 's' : ''} (fichier journal-audit.csv).`,
      );
    } catch (failure) {
      setError(problemText(failure, 'L’export a échoué. Réessayez.'));
    } finally {
      setBusy(false);
    }
  };

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const name = (userId: string | null, userName: string | null | undefined) =>
    userId ? (userName ?? 'Compte inconnu de l’annuaire') : 'Service';
  const caption = searched?.reference ? `Accès au dossier ${searched.reference}` : 'Événements du journal d’audit';

  return (
    <section className="fr-mb-6w" aria-labelledby="qui-a-consulte">
      <h2 id="qui-a-consulte">Qui a consulté ce dossier ?</h2>
      <p>
        Recherchez dans le journal d’audit par dossier, par personne et par période. Les critères se combinent ; sans critère, les
        événements les plus récents s’affichent.
      </p>
      <form onSubmit={search} aria-label="Rechercher dans le journal d’audit" className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Référence du dossier"
              hintText="Exemple : CC-2026-0042"
              nativeInputProps={{ value: draft.reference, onChange: (e) => setDraft({ ...draft, reference: e.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Du"
              hintText="Premier jour inclus"
              nativeInputProps={{ type: 'date', value: draft.from, onChange: (e) => setDraft({ ...draft, from: e.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Au"
              hintText="Dernier jour inclus"
              nativeInputProps={{ type: 'date', value: draft.to, onChange: (e) => setDraft({ ...draft, to: e.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="Action"
              nativeSelectProps={{ value: draft.action, onChange: (e) => setDraft({ ...draft, action: e.target.value }) }}
            >
              <option value="">Toutes les actions</option>
              {Object.entries(ACTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="Résultat"
              nativeSelectProps={{ value: draft.outcome, onChange: (e) => setDraft({ ...draft, outcome: e.target.value as Outcome | '' }) }}
            >
              <option value="">Tous les résultats</option>
              {Object.entries(OUTCOME_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-12">
            <fieldset className="fr-fieldset fr-mb-0">
              <legend className="fr-fieldset__legend">Personne qui a agi</legend>
              <div className="fr-fieldset__element">
                <PersonPicker
                  label="Rechercher la personne par son nom"
                  name="acteur"
                  value={draft.person}
                  onChange={(person) => setDraft({ ...draft, person })}
                />
                {draft.person && (
                  <p>
                    Personne retenue : {draft.person.displayName}{' '}
                    <Button type="button" size="small" priority="tertiary" onClick={() => setDraft({ ...draft, person: null })}>
                      Retirer la personne
                    </Button>
                  </p>
                )}
              </div>
            </fieldset>
          </div>
        </div>
        <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
          <Button type="submit" iconId="fr-icon-search-line">
            Rechercher
          </Button>
          <Button type="button" priority="secondary" onClick={() => setDraft(EMPTY)}>
            Effacer les critères
          </Button>
        </div>
      </form>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      <div role="status" aria-live="polite">
        {exportNotice && <Alert severity="success" small description={exportNotice} className="fr-mb-2w" />}
      </div>
      {result && searched && (
        <>
          <p role="status">
            {result.total === 0
              ? `Aucun événement ${describe(searched)}.`
              : `${result.total} événement${result.total > 1 ? 's' : ''} ${describe(searched)}, du plus récent au plus ancien.`}
          </p>
          {result.total > 0 && (
            <Button
              iconId="fr-icon-download-line"
              priority="secondary"
              disabled={busy}
              onClick={() => void exportCsv()}
              className="fr-mb-2w"
            >
              Exporter cette recherche en CSV
            </Button>
          )}
          {result.items.length > 0 && (
            <Table
              caption={caption}
              headers={['Date et heure', 'Personne', 'Rôle', 'Action', 'Finalité', 'Résultat']}
              data={result.items.map((e) => [
                formatDateTime(e.recordedAt),
                name(e.actor.userId, e.actor.userName),
                roleLabel(e.actor.role),
                actionLabel(e.action),
                purposeLabel(e.purpose),
                OUTCOME_LABELS[e.outcome],
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
                  void run(searched, n);
                },
              })}
            />
          )}
        </>
      )}
    </section>
  );
}
