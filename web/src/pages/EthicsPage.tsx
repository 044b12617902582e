import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { CATEGORY_LABELS, formatDateTime, ROLE_LABELS } from '../app/labels';
import { AuditSearch } from '../components/ethics/AuditSearch';
import { AnomalyReport, ChainVerification } from '../components/ethics/AuditIntegrity';

type AccessChange = Schemas['AccessChangeDto'];

/**
 * The ethics committee: access changes awaiting its approval, who consulted a case file (by reference,
 * person and period, exported as CSV), the anomaly report and the chain's integrity. No case content.
 */
export function EthicsPage() {
  useTitle('Comité d’éthique');
  return (
    <>
      <h1>Comité d’éthique</h1>
      <p>Ces écrans ne montrent jamais le contenu d’un dossier : seulement qui a eu accès, à quel titre et quand.</p>
      <AccessChanges />
      <AuditSearch />
      <AnomalyReport />
      <ChainVerification />
    </>
  );
}

const PENDING_PAGE = 200;

function AccessChanges() {
  const [changes, setChanges] = useState<AccessChange[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    // Every pending change, page after page, newest first: none may wait unseen.
    const all: AccessChange[] = [];
    for (let offset = 0; ; offset += PENDING_PAGE) {
      const { data, error: failure } = await api.GET('/api/access-changes', {
        params: { query: { status: 'pending', limit: PENDING_PAGE as never, offset: offset as never } },
      });
      if (!data) {
        setChanges(null);
        return setError(problemText(failure));
      }
      all.push(...data.items);
      if (data.items.length < PENDING_PAGE || all.length >= data.total) break;
    }
    setChanges(all);
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
          headers={['Personne', 'Rôles demandés', 'Catégorie professionnelle', 'Nouvelle structure', 'Demandée le', 'Décision']}
          data={changes.map((change) => [
            change.userDisplayName,
            change.addRoles.map((role) => ROLE_LABELS[role]).join(', ') || '—',
            change.professionalCategory ? CATEGORY_LABELS[change.professionalCategory] : '—',
            change.organizationId ? (change.organizationName ?? 'Structure inconnue de l’annuaire') : '—',
            formatDateTime(change.requestedAt),
            <div key="decision">
              <Input
                label={`Motif pour ${change.userDisplayName}`}
                hintText="Obligatoire pour refuser"
                nativeInputProps={{
                  value: reasons[change.id] ?? '',
                  onChange: (e) => setReasons({ ...reasons, [change.id]: e.target.value }),
                }}
              />
              <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                <Button
                  onClick={() => void decide(change, true)}
                  nativeButtonProps={{ 'aria-label': `Approuver la demande de ${change.userDisplayName}` }}
                >
                  Approuver
                </Button>
                <Button
                  priority="secondary"
                  onClick={() => void decide(change, false)}
                  nativeButtonProps={{ 'aria-label': `Refuser la demande de ${change.userDisplayName}` }}
                >
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
