import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Pagination from '@codegouvfr/react-dsfr/Pagination';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDateTime, SESSION_STATUS_LABELS } from '../app/labels';
import { Link, useRouter } from '../app/router';
import { useUser } from '../app/session';
import { MemberPicker, type Person } from '../components/DirectoryPickers';
import { SessionsCalendar } from '../components/SessionsCalendar';
import { SessionStatus } from '../components/StatusBadge';

const PAGE_SIZE = 20;
type Status = Schemas['SessionDto']['status'];

/** The commission's sessions, newest first, paged and filtered by state; the coordination creates one. */
export function SessionsPage() {
  useTitle('Séances');
  const user = useUser();
  const coordinator = user.roles.includes('coordinator');
  const [draft, setDraft] = useState<Status | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Schemas['SessionPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<'list' | 'calendar'>('list');

  useEffect(() => {
    let stale = false;
    const query = { limit: PAGE_SIZE as never, offset: ((page - 1) * PAGE_SIZE) as never, ...(status ? { status } : {}) };
    void api.GET('/api/sessions', { params: { query } }).then(({ data, error: failure }) => {
      if (stale) return;
      setResult(data ?? null);
      setError(data ? null : problemText(failure));
    });
    return () => {
      stale = true;
    };
  }, [status, page]);

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setStatus(draft);
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>Séances de la commission</h1>
      {coordinator && <NewSession />}
      <h2>Séances</h2>
      <SegmentedControl
        className="fr-mb-3w"
        legend="Affichage des séances"
        name="affichage-seances"
        segments={[
          { label: 'Liste', nativeInputProps: { checked: view === 'list', onChange: () => setView('list') } },
          { label: 'Calendrier', nativeInputProps: { checked: view === 'calendar', onChange: () => setView('calendar') } },
        ]}
      />
      <form onSubmit={filter} className="fr-mb-3w" aria-label="Filtrer les séances">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="État de la séance"
              nativeSelectProps={{ value: draft, onChange: (e) => setDraft(e.target.value as Status | '') }}
            >
              <option value="">Tous les états</option>
              {Object.entries(SESSION_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
            <Button type="submit" iconId="fr-icon-search-line">
              Filtrer
            </Button>
          </div>
        </div>
      </form>
      {view === 'calendar' && <SessionsCalendar status={status} />}
      {view === 'list' && error && <Alert severity="error" small description={error} />}
      {view === 'list' && result && (
        <>
          <p role="status">
            {result.total} séance{result.total > 1 ? 's' : ''}
          </p>
          {result.items.length > 0 && (
            <Table
              caption="Séances"
              noCaption
              headers={['Date', 'Lieu', 'État', 'Présidence', 'Points']}
              data={result.items.map((s) => [
                <Link key="link" href={`/seances/${s.id}`} className="fr-link">
                  {formatDateTime(s.scheduledAt)}
                </Link>,
                s.location,
                <SessionStatus key="status" status={s.status} />,
                s.chairUserId ? (s.chairUserName ?? 'Compte retiré de l’annuaire') : 'Non désignée',
                String(s.items.length),
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

/** A new session: its date and time, its place, and the member who chairs it, chosen by name. */
function NewSession() {
  const { navigate } = useRouter();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('14:00');
  const [location, setLocation] = useState('');
  const [chair, setChair] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // The browser's local time (the commission's, Europe/Paris) with its offset.
    const scheduledAt = new Date(`${date}T${time}`).toISOString();
    const { data, error: failure } = await api.POST('/api/sessions', {
      body: { scheduledAt, location: location.trim(), ...(chair ? { chairUserId: chair.id } : {}) },
    });
    setBusy(false);
    if (data) navigate(`/seances/${data.id}`);
    else setError(problemText(failure));
  };

  return (
    <section className="fr-mb-4w" aria-labelledby="nouvelle-seance">
      <h2 id="nouvelle-seance">Nouvelle séance</h2>
      <form onSubmit={(e) => void create(e)}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Date de la séance"
              nativeInputProps={{ type: 'date', required: true, value: date, onChange: (e) => setDate(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Heure"
              nativeInputProps={{ type: 'time', required: true, value: time, onChange: (e) => setTime(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Lieu"
              hintText="Salle, adresse ou lien de visioconférence"
              nativeInputProps={{ required: true, maxLength: 300, value: location, onChange: (e) => setLocation(e.target.value) }}
            />
          </div>
        </div>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Présidence de la séance (elle approuve le procès-verbal)</legend>
          <div className="fr-fieldset__element">
            <MemberPicker value={chair} onChange={setChair} name="presidence" />
            {chair && <p>Présidence : {chair.displayName}</p>}
          </div>
        </fieldset>
        {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
        <Button type="submit" disabled={busy}>
          Créer la séance
        </Button>
      </form>
    </section>
  );
}
