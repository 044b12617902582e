import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** Dispatched after a notification is marked read, so that the header's count follows. */
const CHANGED = 'clsm:notifications-changed';
export const notificationsChanged = () => window.dispatchEvent(new Event(CHANGED));

/** The caller's unread notifications, refreshed on each navigation and when some are marked read. */
export function useUnreadNotifications(enabled: boolean, path: string): number | null {
  const [unread, setUnread] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    if (!enabled) return setUnread(null);
    let current = true;
    void api.GET('/api/notifications', { params: { query: { unread: 'true', limit: 1 as never } } }).then(({ data }) => {
      if (current && data) setUnread(data.unread);
    });
    return () => {
      current = false;
    };
  }, [enabled, path, version]);
  return unread;
}

/** The header's entry: the count is part of the link's name. */
export const notificationsLabel = (unread: number | null) =>
  !unread ? 'Notifications' : `Notifications (${unread} non lue${unread > 1 ? 's' : ''})`;
