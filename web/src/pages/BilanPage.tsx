import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import CallOut from '@codegouvfr/react-dsfr/CallOut';
import Input from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDay, formatDays, STATISTICS_TABLE_LABELS } from '../app/labels';
import { BarChart } from '../components/bilan/BarChart';
import { StatValue, SUPPRESSION_MARKS } from '../components/bilan/StatCell';
import { StatTable } from '../components/bilan/StatTable';
import { downloadFromApi } from '../components/bilan/download';

type Statistics = Schemas['StatisticsDto'];
type Period = { from: string; to: string };

/** Today in the service's time zone, as AAAA-MM-JJ. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
const yearToDate = (): Period => ({ from: `${today().slice(0, 4)}-01-01`, to: today() });
const plural = (n: number, word: string) => `${new Intl.NumberFormat('fr-FR').format(n)} ${word}${n > 1 ? 's' : ''}`;

/**
 * The Bilan: the anonymised statistics of the cell over a period (the civil year so far by default),
 * for the coordination and the ethics committee. Every figure comes protected from the API (small
 * counts suppressed); the page shows them as tables, two bar charts, and offers the CSV and the
 * yearly PDF report.
 */
export function BilanPage() {
  useTitle('Bilan');
  const [draft, setDraft] = useState<Period>(yearToDate);
  const [period, setPeriod] = useState<Period>(yearToDate);
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    void api.GET('/api/statistics', { params: { query: period } }).then(({ data, error: failure }) => {
      if (!current) return;
      setStatistics(data ?? null);
      if (!data) setError(problemText(failure, 'Les chiffres n’ont pas pu être calculés. Réessayez.'));
    });
    return () => {
      current = false;
    };
  }, [period]);

  const choose = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to) return setError('Indiquez le premier et le dernier jour de la période.');
    if (draft.from > draft.to) return setError('La date de début doit précéder la date de fin.');
    setPeriod({ ...draft });
  };

  const download = async (kind: 'csv' | 'pdf') => {
    if (!statistics) return;
    setBusy(kind);
    setDownloadError(null);
    try {
      if (kind === 'csv') {
        const query = new URLSearchParams({ from: statistics.from, to: statistics.to, format: 'csv' });
        await downloadFromApi(`/api/statistics?${query.toString()}`, `statistiques-${statistics.from}-${statistics.to}.csv`);
      } else {
        const year = statistics.from.slice(0, 4);
        await downloadFromApi(`/api/statistics/report.pdf?year=${year}`, `bilan-cellule-${year}.pdf`);
      }
    } catch (failure) {
      setDownloadError(failure instanceof Error ? failure.message : 'Le téléchargement a échoué. Réessayez.');
    } finally {
      setBusy(null);
    }
  };

  const k = statistics?.minimumCount ?? 5;
  const table = (key: string) => statistics?.tables.find((t) => t.key === key);
  const byMonth = table('saisinesByMonth');
  const byKind = table('saisinesByReferrerKind');
  const reportYear = statistics?.from.slice(0, 4);

  return (
    <>
      <h1>Bilan</h1>
      <p className="fr-text--lead">
        Les chiffres anonymisés de la cellule pour le bilan annuel du conseil local de santé mentale : aucun dossier n’est lu pour les
        calculer, et les petits effectifs ne sont jamais publiés.
      </p>

      <form onSubmit={choose} aria-label="Choisir la période du bilan" className="fr-mb-3w">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Période</legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label="Du"
              hintText="Premier jour inclus"
              nativeInputProps={{
                type: 'date',
                required: true,
                value: draft.from,
                onChange: (e) => setDraft({ ...draft, from: e.target.value }),
              }}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input
              label="Au"
              hintText="Dernier jour inclus"
              nativeInputProps={{
                type: 'date',
                required: true,
                value: draft.to,
                onChange: (e) => setDraft({ ...draft, to: e.target.value }),
              }}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Button type="submit">Afficher le bilan</Button>
          </div>
        </fieldset>
      </form>

      {error && <Alert severity="error" small description={error} className="fr-mb-3w" role="alert" />}

      <div role="status" aria-live="polite">
        {statistics && (
          <p className="fr-text--bold">
            Du {formatDay(statistics.from)} au {formatDay(statistics.to)} : {plural(statistics.saisines, 'saisine')}.
          </p>
        )}
      </div>

      {statistics && (
        <>
          <CallOut title="Secret statistique" titleAs="h2" iconId="fr-icon-lock-line" className="fr-mb-4w">
            Pour qu’aucune personne ne puisse être reconnue, les effectifs de 1 à {k - 1} ne sont jamais publiés : la case affiche « secret
            statistique »<sup aria-hidden="true">{SUPPRESSION_MARKS.primary}</sup> (secret primaire). D’autres cases sont masquées de la
            même façon<sup aria-hidden="true">{SUPPRESSION_MARKS.secondary}</sup> (secret secondaire) pour qu’un effectif masqué ne puisse
            pas être retrouvé par différence avec les totaux. Un zéro est publié.
          </CallOut>

          <div className="fr-mb-4w">
            <h2>Téléchargements</h2>
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
              <li>
                <Button priority="secondary" iconId="fr-icon-download-line" disabled={busy !== null} onClick={() => void download('csv')}>
                  Télécharger les tableaux de la période (CSV)
                </Button>
              </li>
              <li>
                <Button priority="secondary" iconId="fr-icon-download-line" disabled={busy !== null} onClick={() => void download('pdf')}>
                  Télécharger le rapport annuel {reportYear} (PDF)
                </Button>
              </li>
            </ul>
            <p className="fr-text--sm">
              Le rapport PDF couvre toujours l’année civile {reportYear} entière (jusqu’à aujourd’hui pour l’année en cours), avec les mêmes
              tableaux protégés et des graphiques.
            </p>
            <div role="status" aria-live="polite">
              {busy && <p>Téléchargement en cours…</p>}
            </div>
            {downloadError && <Alert severity="error" small description={downloadError} role="alert" />}
          </div>

          {statistics.withheld ? (
            <Alert
              severity="info"
              title={`Moins de ${k} saisines sur cette période`}
              description={`Seul leur nombre est donné (${plural(statistics.saisines, 'saisine')}) : sur si peu de situations, tout autre chiffre pourrait faire reconnaître une personne. Choisissez une période plus longue.`}
              className="fr-mb-4w"
            />
          ) : (
            <>
              <section aria-labelledby="bilan-saisines" className="fr-mb-4w">
                <h2 id="bilan-saisines">Saisines</h2>
                {byMonth && (
                  <BarChart
                    title="Saisines par mois"
                    tableTitle={STATISTICS_TABLE_LABELS[byMonth.key]}
                    bars={byMonth.rows.map((row, r) => ({ label: row.label, cell: byMonth.cells[r][0] }))}
                  />
                )}
                {byKind && (
                  <BarChart
                    title="Saisines par type de structure"
                    tableTitle={STATISTICS_TABLE_LABELS[byKind.key]}
                    bars={byKind.rows.map((row, r) => ({ label: row.label, cell: byKind.cells[r][0] }))}
                  />
                )}
                <Tables tables={statistics.tables.filter((t) => t.key.startsWith('saisines'))} />
              </section>

              <section aria-labelledby="bilan-commission" className="fr-mb-4w">
                <h2 id="bilan-commission">Instruction et commission</h2>
                <div className="fr-grid-row fr-grid-row--gutters">
                  <div className="fr-col-12 fr-col-md-5">
                    {statistics.tables
                      .filter((t) => t.key === 'admissibility')
                      .map((t) => (
                        <StatTable key={t.key} table={t} />
                      ))}
                  </div>
                  <div className="fr-col-12 fr-col-md-7">
                    <Activity statistics={statistics} />
                  </div>
                </div>
              </section>

              <section aria-labelledby="bilan-suites" className="fr-mb-4w">
                <h2 id="bilan-suites">Préconisations, orientations et clôtures</h2>
                <Tables tables={statistics.tables.filter((t) => !t.key.startsWith('saisines') && t.key !== 'admissibility')} />
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}

/** Tables side by side where there is room: one-way tables in half the width, two-way tables in all of it. */
function Tables({ tables }: { tables: Statistics['tables'] }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {tables.map((t) => (
        <div key={t.key} className={t.columns.length > 1 ? 'fr-col-12' : 'fr-col-12 fr-col-md-6'}>
          <StatTable table={t} />
        </div>
      ))}
    </div>
  );
}

/** Sessions held, situations reviewed and the time from saisine to first session (quartiles in days). */
function Activity({ statistics }: { statistics: Statistics }) {
  const delay = statistics.delayToFirstSession;
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? `non publié (moins de ${statistics.minimumCount} situations)` : formatDays(value);
  return (
    <div className="fr-table fr-table--bordered fr-table--sm fr-mb-2w">
      <table>
        <caption>Activité de la commission</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Valeur</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Séances tenues</th>
            <td>{statistics.sessionsHeld ?? 0}</td>
          </tr>
          <tr>
            <th scope="row">Situations examinées en séance</th>
            <td>{statistics.situationsReviewed ? <StatValue cell={statistics.situationsReviewed} /> : 0}</td>
          </tr>
          <tr>
            <th scope="row">Situations dont la première séance a eu lieu dans la période</th>
            <td>{delay ? <StatValue cell={delay.situations} /> : 0}</td>
          </tr>
          <tr>
            <th scope="row">Délai entre la saisine et la première séance : premier quartile</th>
            <td>{days(delay?.firstQuartile)}</td>
          </tr>
          <tr>
            <th scope="row">Délai entre la saisine et la première séance : médiane</th>
            <td>{days(delay?.median)}</td>
          </tr>
          <tr>
            <th scope="row">Délai entre la saisine et la première séance : troisième quartile</th>
            <td>{days(delay?.thirdQuartile)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
