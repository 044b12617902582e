import Alert from '@codegouvfr/react-dsfr/Alert';
import Badge from '@codegouvfr/react-dsfr/Badge';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDate } from '../app/labels';
import { Link } from '../app/router';
import { useUser } from '../app/session';

type Recommendation = Schemas['RecommendationViewDto'];
type Closing = Schemas['CloseRecommendationDto']['status'];
const PAGE = 200;
/** An id the directory no longer names (an account or structure removed since). */
const GONE = 'Retiré de l’annuaire';
const CLOSING_LABELS: Record<Closing, string> = { done: 'Réalisée', abandoned: 'Abandonnée', transferred: 'Transférée' };

/** Open préconisations by due date, overdue ones marked, filtered by carrier; each carrier updates theirs. */
export function FollowUpPage() {
  useTitle('Suivi des préconisations');
  const user = useUser();
  const coordinator = user.roles.includes('coordinator');
  const [items, setItems] = useState<Recommendation[] | null>(null);
  const [carrier, setCarrier] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const all: Recommendation[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { data, error: failure } = await api.GET('/api/recommendations', {
        params: { query: { status: 'open', limit: PAGE as never, offset: offset as never } },
      });
      if (!data) return setError(problemText(failure));
      all.push(...data.items);
      if (data.items.length < PAGE || all.length >= data.total) break;
    }
    setItems(all.sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
  }, []);
  useEffect(() => void load(), [load]);

  const carrierKey = (r: Recommendation) => (r.carrierOrganizationId ? `o:${r.carrierOrganizationId}` : `u:${r.carrierUserId}`);
  const carrierLabel = (r: Recommendation) =>
    [r.carrierOrganizationId && (r.carrierOrganizationName ?? GONE), r.carrierUserId && (r.carrierUserName ?? GONE)]
      .filter(Boolean)
      .join(' — ');
  const carriers = new Map(
    (items ?? []).map((r) => [carrierKey(r), r.carrierOrganizationId ? (r.carrierOrganizationName ?? GONE) : (r.carrierUserName ?? GONE)]),
  );
  const shown = (items ?? []).filter((r) => !carrier || carrierKey(r) === carrier);
  const mine = (r: Recommendation) =>
    coordinator || r.carrierUserId === user.id || (!!r.carrierOrganizationId && r.carrierOrganizationId === user.organizationId);

  return (
    <>
      <h1>Suivi des préconisations</h1>
      <p>Les préconisations en cours, par échéance. Celles dont l’échéance est passée sont signalées.</p>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {items && (
        <>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-md-6">
              <Select label="Porteur" nativeSelectProps={{ value: carrier, onChange: (e) => setCarrier(e.target.value) }}>
                <option value="">Tous les porteurs</option>
                {[...carriers.entries()]
                  .sort((a, b) => a[1].localeCompare(b[1], 'fr'))
                  .map(([key, label]) => (
                    <option key={key} value={key}>
                      {label}
                    </option>
                  ))}
              </Select>
            </div>
          </div>
          <p>
            {shown.length} préconisation{shown.length > 1 ? 's' : ''} en cours, dont {shown.filter((r) => r.overdue).length} en retard
          </p>
          {shown.length > 0 && (
            <Table
              caption="Préconisations en cours"
              noCaption
              headers={['Échéance', 'Situation', 'Action', 'Porteur', 'Mise à jour']}
              data={shown.map((r) => [
                <span key="due">
                  {formatDate(r.dueDate)}{' '}
                  {r.overdue && (
                    <Badge small severity="error">
                      En retard
                    </Badge>
                  )}
                </span>,
                <Link key="situation" href={`/situations/${r.situationId}`} className="fr-link">
                  {r.situationReference}
                </Link>,
                r.action,
                carrierLabel(r),
                mine(r) ? (
                  <CloseForm
                    key="close"
                    recommendation={r}
                    onClosed={async (status) => {
                      setNotice(`Préconisation « ${r.action} » : ${CLOSING_LABELS[status].toLowerCase()}.`);
                      await load();
                    }}
                    onError={setError}
                  />
                ) : (
                  '—'
                ),
              ])}
            />
          )}
        </>
      )}
    </>
  );
}

function CloseForm({
  recommendation,
  onClosed,
  onError,
}: {
  recommendation: Recommendation;
  onClosed: (status: Closing) => Promise<void>;
  onError: (message: string | null) => void;
}) {
  const [status, setStatus] = useState<Closing>('done');
  const [note, setNote] = useState('');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    const { data, error } = await api.PATCH('/api/recommendations/{id}', {
      params: { path: { id: recommendation.id } },
      body: { status, note: note.trim() },
    });
    if (data) await onClosed(status);
    else onError(problemText(error));
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label={`Mettre à jour « ${recommendation.action} »`}>
      <Select label="Nouvel état" nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value as Closing) }}>
        {Object.entries(CLOSING_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Input label="Note" nativeInputProps={{ required: true, maxLength: 5000, value: note, onChange: (e) => setNote(e.target.value) }} />
      <Button type="submit" size="small">
        Enregistrer
      </Button>
    </form>
  );
}
