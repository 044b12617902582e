import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { formatDateTime, SESSION_STATUS_LABELS } from '../app/labels';
import { Link } from '../app/router';

type Session = Schemas['SessionDto'];
type Status = Session['status'];
const PAGE = 200;
const DAY = 24 * 60 * 60 * 1000;
const ZONE = 'Europe/Paris';
const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

/** The calendar day of an instant in the commission's time zone, as YYYY-MM-DD. */
const dayOf = (instant: string | Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
const timeOf = (instant: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, timeStyle: 'short' }).format(new Date(instant));
const pad = (n: number) => String(n).padStart(2, '0');
const monthName = (year: number, month: number) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month, 1)));

/** The weeks of a month, Monday first: each a row of seven days of the month, or null outside it. */
function weeksOf(year: number, month: number): (number | null)[][] {
  const first = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * The sessions as a month grid: a table (caption, weekday headers), each session a link in its day's
 * cell, reachable with the keyboard; previous and next months by buttons. The state filter of the list applies.
 */
export function SessionsCalendar({ status }: { status: Status | '' }) {
  const today = dayOf(new Date());
  const [month, setMonth] = useState(() => ({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) - 1 }));
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    // Only the month shown (a day either side covers the time zone): each session listed is audited.
    const from = new Date(Date.UTC(month.year, month.month, 1) - DAY).toISOString();
    const to = new Date(Date.UTC(month.year, month.month + 1, 1) + DAY).toISOString();
    void (async () => {
      const all: Session[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const { data, error: failure } = await api.GET('/api/sessions', {
          params: { query: { limit: PAGE as never, offset: offset as never, from, to, ...(status ? { status } : {}) } },
        });
        if (stale) return;
        if (!data) return setError(problemText(failure));
        all.push(...data.items);
        if (data.items.length < PAGE || all.length >= data.total) break;
      }
      setError(null);
      setSessions(all);
    })();
    return () => {
      stale = true;
    };
  }, [status, month]);

  const move = (delta: number) =>
    setMonth(({ year, month: m }) => ({ year: year + Math.floor((m + delta) / 12), month: (((m + delta) % 12) + 12) % 12 }));
  const byDay = new Map<string, Session[]>();
  for (const session of sessions ?? []) {
    const day = dayOf(session.scheduledAt);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const title = monthName(month.year, month.month);
  const prefix = `${month.year}-${pad(month.month + 1)}-`;
  const inMonth = [...byDay.entries()].filter(([day]) => day.startsWith(prefix)).reduce((n, [, list]) => n + list.length, 0);

  return (
    <section aria-labelledby="calendrier-titre">
      <h3 id="calendrier-titre">Calendrier des séances</h3>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-2w">
        <Button priority="secondary" onClick={() => move(-1)}>
          Mois précédent
        </Button>
        <Button priority="tertiary" onClick={() => setMonth({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) - 1 })}>
          Mois en cours
        </Button>
        <Button priority="secondary" onClick={() => move(1)}>
          Mois suivant
        </Button>
      </div>
      {error && <Alert severity="error" small description={error} role="alert" />}
      {!sessions && !error && <p role="status">Chargement…</p>}
      {sessions && (
        <>
          <p role="status" aria-live="polite">
            {title.charAt(0).toUpperCase() + title.slice(1)} :{' '}
            {inMonth === 0 ? 'aucune séance' : `${inMonth} séance${inMonth > 1 ? 's' : ''}`}.
          </p>
          <div className="fr-table fr-table--bordered fr-table--layout-fixed">
            <table>
              <caption>Séances de {title}</caption>
              <thead>
                <tr>
                  {WEEKDAYS.map((day) => (
                    <th key={day} scope="col">
                      {day}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeksOf(month.year, month.month).map((week, w) => (
                  <tr key={w}>
                    {week.map((day, d) => {
                      if (day === null) return <td key={d} />;
                      const date = `${prefix}${pad(day)}`;
                      const list = byDay.get(date) ?? [];
                      return (
                        <td key={d} aria-current={date === today ? 'date' : undefined} style={{ verticalAlign: 'top' }}>
                          <time dateTime={date} className={date === today ? 'fr-text--bold' : undefined}>
                            {day}
                          </time>
                          {list.length > 0 && (
                            <ul className="fr-raw-list fr-text--sm fr-mb-0">
                              {list.map((session) => (
                                <li key={session.id} className="fr-mt-1w">
                                  <Link href={`/seances/${session.id}`} className="fr-link fr-link--sm">
                                    <span className="fr-sr-only">Séance du {formatDateTime(session.scheduledAt)}, </span>
                                    {timeOf(session.scheduledAt)} — {session.location}
                                  </Link>
                                  <br />
                                  <span className="fr-hint-text">{SESSION_STATUS_LABELS[session.status]}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
