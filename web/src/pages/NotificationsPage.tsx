import Alert from '@codegouvfr/react-dsfr/Alert';
import Badge from '@codegouvfr/react-dsfr/Badge';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDateTime } from '../app/labels';
import { Link } from '../app/router';
import { notificationsChanged } from '../components/Notifications';

type Notification = Schemas['NotificationDto'];
const PAGE = 20;

/** The signed-in person's own notifications: what happened, where to look; never a name of the person concerned. */
export function NotificationsPage() {
  useTitle('Notifications');
  const [page, setPage] = useState<Schemas['NotificationPageDto'] | null>(null);
  const [offset, setOffset] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const query = { limit: PAGE as never, offset: offset as never, ...(unreadOnly ? { unread: 'true' as const } : {}) };
    const { data, error: failure } = await api.GET('/api/notifications', { params: { query } });
    if (data) setPage(data);
    else setError(problemText(failure));
  }, [offset, unreadOnly]);
  useEffect(() => void load(), [load]);

  const markRead = async (notification: Notification) => {
    setError(null);
    const { data, error: failure } = await api.POST('/api/notifications/{id}/read', { params: { path: { id: notification.id } } });
    if (!data) return setError(problemText(failure));
    setNotice('Notification marquée comme lue.');
    notificationsChanged();
    await load();
  };
  const markAllRead = async () => {
    setError(null);
    const { data, error: failure } = await api.POST('/api/notifications/read-all');
    if (!data) return setError(problemText(failure));
    setNotice(
      data.marked > 1
        ? `${data.marked} notifications marquées comme lues.`
        : data.marked === 1
          ? 'Une notification marquée comme lue.'
          : 'Aucune notification à marquer.',
    );
    notificationsChanged();
    await load();
  };

  const items = page?.items ?? [];
  return (
    <>
      <h1>Notifications</h1>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {page && (
        <>
          <p>
            {page.unread === 0
              ? 'Aucune notification non lue.'
              : `${page.unread} notification${page.unread > 1 ? 's' : ''} non lue${page.unread > 1 ? 's' : ''}.`}
          </p>
          <div className="fr-grid-row fr-grid-row--middle fr-mb-2w">
            <Checkbox
              small
              className="fr-mr-4w fr-mb-0"
              options={[
                {
                  label: 'Seulement les non lues',
                  nativeInputProps: { checked: unreadOnly, onChange: (e) => (setOffset(0), setUnreadOnly(e.target.checked)) },
                },
              ]}
            />
            {page.unread > 0 && (
              <Button priority="secondary" size="small" onClick={() => void markAllRead()}>
                Tout marquer comme lu
              </Button>
            )}
          </div>
          {items.length === 0 ? (
            <p>Aucune notification.</p>
          ) : (
            <Table
              caption="Mes notifications"
              headers={['Date', 'Message', 'Dossier', 'État', 'Action']}
              data={items.map((n) => [
                formatDateTime(n.createdAt),
                <Link key="message" href={n.link} className="fr-link">
                  {n.message}
                </Link>,
                n.reference ?? '—',
                n.readAt ? (
                  <Badge key="state" small severity="success" noIcon>
                    Lue
                  </Badge>
                ) : (
                  <Badge key="state" small severity="new" noIcon>
                    Non lue
                  </Badge>
                ),
                n.readAt ? (
                  '—'
                ) : (
                  <Button key="read" size="small" priority="tertiary" onClick={() => void markRead(n)}>
                    Marquer comme lue
                    <span className="fr-sr-only">
                      {' '}
                      : {n.message}, {formatDateTime(n.createdAt)}
                    </span>
                  </Button>
                ),
              ])}
            />
          )}
          <Pager offset={offset} limit={PAGE} total={page.total} noun="notifications" onChange={setOffset} />
        </>
      )}
    </>
  );
}

/** Previous/next buttons over an offset-paged list. */
export function Pager({
  offset,
  limit,
  total,
  noun,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  noun: string;
  onChange: (offset: number) => void;
}) {
  if (total <= limit) return null;
  return (
    <nav aria-label={`Pages des ${noun}`} className="fr-mt-2w">
      <p>
        {noun.charAt(0).toUpperCase() + noun.slice(1)} {offset + 1} à {Math.min(offset + limit, total)} sur {total}
      </p>
      <Button
        priority="secondary"
        size="small"
        className="fr-mr-2w"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        Page précédente
      </Button>
      <Button priority="secondary" size="small" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        Page suivante
      </Button>
    </nav>
  );
}
