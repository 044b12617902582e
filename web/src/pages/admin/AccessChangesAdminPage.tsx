import Alert from '@codegouvfr/react-dsfr/Alert';
import Badge from '@codegouvfr/react-dsfr/Badge';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../../api/client';
import { ACCESS_CHANGE_STATUS_LABELS, type AccessChangeStatus } from '../../app/admin';
import { useTitle } from '../../app/App';
import { CATEGORY_LABELS, formatDateTime, ROLE_LABELS } from '../../app/labels';
import { Link } from '../../app/router';
import { Pager } from '../NotificationsPage';

const PAGE = 20;
const SEVERITY: Record<AccessChangeStatus, 'info' | 'success' | 'error' | 'warning'> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'info',
};

/** Administration: the access changes submitted to the ethics committee, and what it decided. */
export function AccessChangesAdminPage() {
  useTitle('Demandes d’accès');
  const [status, setStatus] = useState<AccessChangeStatus | ''>('pending');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Schemas['AccessChangePageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api
      .GET('/api/access-changes', { params: { query: { limit: PAGE as never, offset: offset as never, ...(status ? { status } : {}) } } })
      .then(({ data, error: failure }) => {
        if (data) setPage(data);
        else setError(problemText(failure));
      });
  }, [status, offset]);

  return (
    <>
      <h1>Demandes d’accès</h1>
      <p>
        Un changement qui élargit l’accès d’un compte (rôle sur les dossiers, comité d’éthique, catégorie professionnelle qui lit davantage)
        attend l’approbation du comité d’éthique. On le demande depuis la fiche d’un compte, dans{' '}
        <Link href="/administration/comptes" className="fr-link">
          Comptes
        </Link>
        .
      </p>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="État des demandes"
            nativeSelectProps={{ value: status, onChange: (e) => (setOffset(0), setStatus(e.target.value as AccessChangeStatus | '')) }}
          >
            <option value="">Toutes</option>
            <option value="pending">En attente</option>
            <option value="approved">Approuvées</option>
            <option value="refused">Refusées</option>
            <option value="withdrawn">Retirées</option>
          </Select>
        </div>
      </div>
      {page && (
        <>
          <p>{page.total === 0 ? 'Aucune demande.' : `${page.total} demande${page.total > 1 ? 's' : ''}.`}</p>
          {page.items.length > 0 && (
            <Table
              caption="Demandes d’accès"
              headers={[
                'Compte',
                'Rôles demandés',
                'Catégorie demandée',
                'Nouvelle structure',
                'Demandée le',
                'État',
                'Décidée le',
                'Motif',
              ]}
              data={page.items.map((c) => [
                c.userDisplayName,
                c.addRoles.length ? c.addRoles.map((role) => ROLE_LABELS[role]).join(', ') : '—',
                c.professionalCategory ? CATEGORY_LABELS[c.professionalCategory] : '—',
                c.organizationId ? (c.organizationName ?? 'Structure inconnue de l’annuaire') : '—',
                formatDateTime(c.requestedAt),
                <Badge key="status" small severity={SEVERITY[c.status]} noIcon>
                  {ACCESS_CHANGE_STATUS_LABELS[c.status]}
                </Badge>,
                formatDateTime(c.decidedAt),
                c.decisionReason ?? '—',
              ])}
            />
          )}
          <Pager offset={offset} limit={PAGE} total={page.total} noun="demandes" onChange={setOffset} />
        </>
      )}
    </>
  );
}
