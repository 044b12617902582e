import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../app/labels';
import { BREAK_LABELS, endOfDay, startOfDay } from './labels';

type Verification = Schemas['VerificationReportDto'];
type Anomalies = Schemas['AnomalyReportDto'];
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** The chain's full verification, on demand (it reads the whole trail): intact or the first broken entry, and the last signed checkpoint. */
export function ChainVerification() {
  const [report, setReport] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await api.GET('/api/audit/verify');
    setBusy(false);
    setReport(data ?? null);
    if (!data) setError(problemText(failure, 'La vérification a échoué. Réessayez.'));
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="integrite-journal">
      <h2 id="integrite-journal">Intégrité du journal d’audit</h2>
      <p>
        Chaque entrée du journal est chaînée à la précédente ; des points de contrôle signés en attestent régulièrement. La vérification
        complète relit tout le journal.
      </p>
      <Button disabled={busy} onClick={() => void verify()} className="fr-mb-2w">
        Vérifier l’intégrité du journal
      </Button>
      {error && <Alert severity="error" small description={error} role="alert" />}
      <div role="status" aria-live="polite">
        {busy && <p>Vérification en cours…</p>}
        {report &&
          (report.valid ? (
            <Alert
              severity="success"
              title="Journal intact"
              description={`${plural(report.entriesVerified, 'entrée vérifiée')} et ${plural(report.checkpointsVerified, 'point de contrôle signé vérifié')}.`}
            />
          ) : (
            <Alert
              severity="error"
              title="Journal altéré"
              description={
                report.firstBroken
                  ? `Première entrée en cause : n° ${report.firstBroken.seq} (${BREAK_LABELS[report.firstBroken.kind]}). Prévenez l’administrateur sans attendre.`
                  : 'Prévenez l’administrateur sans attendre.'
              }
            />
          ))}
        {report && (
          <p className="fr-mt-2w">
            {report.lastCheckpoint
              ? `Dernier point de contrôle signé : entrée n° ${report.lastCheckpoint.seq}, signé le ${formatDateTime(report.lastCheckpoint.signedAt)}.`
              : 'Aucun point de contrôle signé pour l’instant.'}
          </p>
        )}
      </div>
    </section>
  );
}

const CHAIN_STATE_LABELS: Record<Anomalies['auditChain']['state'], string> = {
  unverified: 'pas encore établi',
  intact: 'intact',
  broken: 'altéré',
};

/** The anomaly report over a period (30 days by default): bursts of denials, unusual volumes, accesses outside a window or after a withdrawal. */
export function AnomalyReport() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<Anomalies | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (period: { from?: string; to?: string }) => {
    setError(null);
    const { data, error: failure } = await api.GET('/api/audit/anomalies', { params: { query: period } });
    setReport(data ?? null);
    if (!data) setError(problemText(failure));
  }, []);
  useEffect(() => void load({}), [load]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to && from > to) return setError('La date de début doit précéder la date de fin.');
    void load({ ...(from ? { from: startOfDay(from) } : {}), ...(to ? { to: endOfDay(to) } : {}) });
  };
  const name = (userId: string | null, userName: string | null | undefined) =>
    userId ? (userName ?? 'Compte inconnu de l’annuaire') : 'Compte inconnu';
  const count = report
    ? report.deniedBursts.length +
      report.unusualVolume.length +
      report.accessOutsideSessionWindow.length +
      report.accessAfterConsentWithdrawal.length
    : 0;
  const lastDay = report ? new Date(new Date(report.to).getTime() - 1).toISOString() : null;

  return (
    <section className="fr-mb-6w" aria-labelledby="anomalies">
      <h2 id="anomalies">Rapport d’anomalies</h2>
      <form onSubmit={submit} aria-label="Période du rapport d’anomalies" className="fr-mb-2w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Début de la période"
              hintText="Par défaut : il y a 30 jours"
              nativeInputProps={{ type: 'date', value: from, onChange: (e) => setFrom(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Fin de la période"
              hintText="Par défaut : aujourd’hui"
              nativeInputProps={{ type: 'date', value: to, onChange: (e) => setTo(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
            <Button type="submit" priority="secondary">
              Afficher le rapport
            </Button>
          </div>
        </div>
      </form>
      {error && <Alert severity="error" small description={error} role="alert" />}
      {report && (
        <div role="status" aria-live="polite">
          <p>
            Du {formatDate(report.from)} au {formatDate(lastDay)} : {count === 0 ? 'aucune anomalie.' : plural(count, 'anomalie') + '.'}{' '}
            État de la chaîne : {CHAIN_STATE_LABELS[report.auditChain.state]}
            {report.auditChain.checkedAt ? ` (établi le ${formatDateTime(report.auditChain.checkedAt)})` : ''}
            {report.auditChain.firstBroken
              ? `, première entrée en cause n° ${report.auditChain.firstBroken.seq} (${BREAK_LABELS[report.auditChain.firstBroken.kind]})`
              : ''}
            .
          </p>
        </div>
      )}
      {report && report.deniedBursts.length > 0 && (
        <Table
          caption="Refus répétés (cinq refus ou plus en dix minutes)"
          headers={['Personne ou adresse', 'À partir de', 'Refus']}
          data={report.deniedBursts.map((b) => [
            b.actorUserId ? name(b.actorUserId, b.actorUserName) : `Adresse ${b.clientAddress ?? 'inconnue'}`,
            formatDateTime(b.windowStart),
            String(b.denials),
          ])}
        />
      )}
      {report && report.unusualVolume.length > 0 && (
        <Table
          caption="Volumes de lecture inhabituels"
          headers={['Personne', 'Jour', 'Lectures', 'Moyenne habituelle par jour']}
          data={report.unusualVolume.map((v) => [
            name(v.actorUserId, v.actorUserName),
            formatDate(v.day),
            String(v.reads),
            v.usualDailyReads.toLocaleString('fr-FR', { maximumFractionDigits: 1 }),
          ])}
        />
      )}
      {report && report.accessOutsideSessionWindow.length > 0 && (
        <Table
          caption="Accès hors de la fenêtre d’une séance"
          headers={['Personne', 'Date et heure', 'Entrée du journal']}
          data={report.accessOutsideSessionWindow.map((a) => [
            name(a.actorUserId, a.actorUserName),
            formatDateTime(a.recordedAt),
            `n° ${a.seq}`,
          ])}
        />
      )}
      {report && report.accessAfterConsentWithdrawal.length > 0 && (
        <Table
          caption="Tentatives d’accès après un retrait du consentement"
          headers={['Personne', 'Date et heure', 'Entrée du journal']}
          data={report.accessAfterConsentWithdrawal.map((a) => [
            name(a.actorUserId, a.actorUserName),
            formatDateTime(a.recordedAt),
            `n° ${a.seq}`,
          ])}
        />
      )}
    </section>
  );
}
