import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { CATEGORY_LABELS, formatDateTime, ROLE_LABELS } from '../app/labels';
import { usePeopleNames } from '../components/DirectoryPickers';

type AccessChange = Schemas['AccessChangeDto'];
type AuditEvent = Schemas['AuditEventDto'];
type Role = keyof typeof ROLE_LABELS;

/** Why someone had access (the purpose the audit trail records), in words. */
const PURPOSE_LABELS: Record<string, string> = {
  agenda_item: 'Point d’ordre du jour d’une séance',
  session: 'Séance de la commission',
  pilot: 'Référent de la situation',
  recommendation_carrier: 'Porteur d’une préconisation',
  convened_member: 'Membre convoqué',
  invitee: 'Invité à une séance',
  referral: 'Saisine ou orientation DAC',
  duplicate_check: 'Contrôle des doublons',
  retention: 'Durée de conservation',
  role: 'Rôle',
  coordination: 'Mission de coordination',
};
const OUTCOME_LABELS: Record<AuditEvent['outcome'], string> = { granted: 'Accordé', denied: 'Refusé', error: 'Erreur' };
const ACTION_LABELS: Record<string, string> = {
  'situation.read': 'Lecture du dossier',
  'situation.list': 'Liste des situations',
  'situation.create': 'Dépôt de la saisine',
  'situation.update': 'Modification du dossier',
  'situation.transition': 'Changement d’état',
  'document.download': 'Téléchargement d’un document',
  'document.upload': 'Dépôt d’un document',
  'consent.record': 'Consentement enregistré',
};
const roleLabel = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : '—');

/** The ethics committee: access changes awaiting its approval, and who consulted a case file. No case content. */
export function EthicsPage() {
  useTitle('Comité d’éthique');
  return (
    <>
      <h1>Comité d’éthique</h1>
      <p>Ces écrans ne montrent jamais le contenu d’un dossier : seulement qui a eu accès, à quel titre et quand.</p>
      <AccessChanges />
      <WhoConsulted />
    </>
  );
}

function AccessChanges() {
  const [changes, setChanges] = useState<AccessChange[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const { data, error: failure } = await api.GET('/api/access-changes', { params: { query: { status: 'pending', limit: 200 as never } } });
    setChanges(data?.items ?? null);
    if (!data) setError(problemText(failure));
  }, []);
  useEffect(() => void load(), [load]);

  const decide = async (change: AccessChange, approve: boolean) => {
    setError(null);
    setNotice(null);
    const reason = reasons[change.id]?.trim();
    if (!approve && !reason) return setError('Indiquez le motif du refus.');
    const { data, error: failure } = await api.POST(approve ? '/api/access-changes/{id}/approve' : '/api/access-changes/{id}/refuse', {
      params: { path: { id: change.id } },
      body: reason ? { reason } : {},
    });
    if (!data) return setError(problemText(failure));
    setNotice(`Demande d’accès pour ${change.userDisplayName} ${approve ? 'approuvée' : 'refusée'}.`);
    await load();
  };

  return (
    <section className="fr-mb-6w" aria-labelledby="demandes-acces">
      <h2 id="demandes-acces">Demandes d’accès en attente</h2>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {changes && changes.length === 0 && <p>Aucune demande en attente.</p>}
      {changes && changes.length > 0 && (
        <Table
          caption="Demandes d’accès en attente"
          noCaption
          headers={['Personne', 'Rôles demandés', 'Catégorie professionnelle', 'Demandée le', 'Décision']}
          data={changes.map((change) => [
            change.userDisplayName,
            change.addRoles.map((role) => ROLE_LABELS[role]).join(', ') || '—',
            change.professionalCategory ? CATEGORY_LABELS[change.professionalCategory] : '—',
            formatDateTime(change.requestedAt),
            <div key="decision">
              <Input
                label={`Motif pour ${change.userDisplayName}`}
                hintText="Obligatoire pour refuser"
                nativeInputProps={{ value: reasons[change.id] ?? '', onChange: (e) => setReasons({ ...reasons, [change.id]: e.target.value }) }}
              />
              <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                <Button onClick={() => void decide(change, true)} nativeButtonProps={{ 'aria-label': `Approuver la demande de ${change.userDisplayName}` }}>
                  Approuver
                </Button>
                <Button priority="secondary" onClick={() => void decide(change, false)} nativeButtonProps={{ 'aria-label': `Refuser la demande de ${change.userDisplayName}` }}>
                  Refuser
                </Button>
              </div>
            </div>,
          ])}
        />
      )}
    </section>
  );
}

function WhoConsulted() {
  const people = usePeopleNames();
  const [reference, setReference] = useState('');
  const [events, setEvents] = useState<{ reference: string; items: AuditEvent[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const wanted = reference.trim().toUpperCase();
    const { data, error: failure } = await api.GET('/api/audit/events', { params: { query: { situationReference: wanted, limit: 200 as never } } });
    if (!data) {
      setEvents(null);
      return setError(problemText(failure, 'Vérifiez la référence (exemple : CC-2026-0042).'));
    }
    setEvents({ reference: wanted, items: data.items, total: data.total });
  };
  return (
    <section aria-labelledby="qui-a-consulte">
      <h2 id="qui-a-consulte">Qui a consulté ce dossier ?</h2>
      <form onSubmit={(e) => void search(e)} aria-label="Rechercher les accès à un dossier" className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Référence du dossier"
              hintText="Exemple : CC-2026-0042"
              nativeInputProps={{ required: true, value: reference, onChange: (e) => setReference(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6 fr-mb-3w">
            <Button type="submit" iconId="fr-icon-search-line">
              Rechercher
            </Button>
          </div>
        </div>
      </form>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {events && (
        <>
          <p role="status">
            {events.total === 0
              ? `Aucun accès enregistré pour le dossier ${events.reference}.`
              : `${events.total} événement${events.total > 1 ? 's' : ''} pour le dossier ${events.reference}${events.total > events.items.length ? ` (les ${events.items.length} plus récents)` : ''}.`}
          </p>
          {events.items.length > 0 && (
            <Table
              caption={`Accès au dossier ${events.reference}`}
              headers={['Date et heure', 'Personne', 'Rôle', 'Action', 'Finalité', 'Résultat']}
              data={events.items.map((e) => [
                formatDateTime(e.recordedAt),
                e.actor.userId ? (people.get(e.actor.userId)?.displayName ?? 'Compte inconnu de l’annuaire') : 'Service',
                roleLabel(e.actor.role),
                ACTION_LABELS[e.action] ?? e.action,
                e.purpose ? (PURPOSE_LABELS[e.purpose.type] ?? e.purpose.type) : '—',
                OUTCOME_LABELS[e.outcome],
              ])}
            />
          )}
        </>
      )}
    </section>
  );
}
