import Alert from '@codegouvfr/react-dsfr/Alert';
import Breadcrumb from '@codegouvfr/react-dsfr/Breadcrumb';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { useCallback, useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { AREA_LABELS, formatDate, formatDateTime, GROUP_LABELS, MEASURE_LABELS, SEX_LABELS } from '../app/labels';
import { useUser } from '../app/session';
import { ReferralStatus } from '../components/StatusBadge';

type Referral = Schemas['ReferralDto'];

/** French names of the data set's fields; a field not listed shows its technical name. */
const FIELD_LABELS: Record<string, string> = {
  reference: 'Référence',
  problemAreas: 'Problématiques',
  summary: 'Synthèse pour le DAC',
  identity: 'Identité',
  birthName: 'Nom de naissance',
  usedName: 'Nom d’usage',
  firstNames: 'Prénoms',
  birthDate: 'Date de naissance',
  sex: 'Sexe',
  contact: 'Coordonnées',
  address: 'Adresse',
  district: 'Quartier',
  phone: 'Téléphone',
  email: 'Courriel',
  social: 'Situation sociale',
  legalProtection: 'Mesure de protection',
  measure: 'Mesure',
  representative: 'Représentant',
  referrerContact: 'Professionnel orienteur',
  professionalsInvolved: 'Professionnels impliqués',
  name: 'Nom',
  organisation: 'Structure',
  role: 'Fonction',
  health: 'Santé',
  details: 'Éléments de santé',
  narrative: 'Récit de la situation',
  alreadyTried: 'Déjà tenté',
  expectations: 'Attentes',
};
const VALUE_LABELS: Record<string, string> = { ...AREA_LABELS, ...SEX_LABELS, ...MEASURE_LABELS };

/** Renders the frozen data set as nested definition lists (plain values only; nothing is interpreted). */
function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <>—</>;
  if (Array.isArray(value))
    return (
      <ul>
        {(value as unknown[]).map((item, i) => (
          <li key={i}>
            <Value value={item} />
          </li>
        ))}
      </ul>
    );
  if (typeof value === 'object')
    return (
      <dl>
        {Object.entries(value as Record<string, unknown>).map(([key, inner]) => (
          <div key={key}>
            <dt className="fr-text--bold">{FIELD_LABELS[key] ?? key}</dt>
            <dd className="fr-ml-2w">
              <Value value={inner} />
            </dd>
          </div>
        ))}
      </dl>
    );
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return <>{VALUE_LABELS[text] ?? text}</>;
}

export function ReferralPage({ id }: { id: string }) {
  useTitle('Orientation DAC');
  const user = useUser();
  const [referral, setReferral] = useState<Referral | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declineReason, setDeclineReason] = useState('');
  const load = useCallback(async () => {
    const { data, error: failure, response } = await api.GET('/api/referrals/{id}', { params: { path: { id } } });
    setReferral(data ?? null);
    setError(
      data ? null : response.status === 404 ? 'Cette orientation n’existe pas ou ne vous est pas accessible.' : problemText(failure),
    );
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const move = async (to: Schemas['ReferralStatusDto']['to'], reason?: string) => {
    const { data, error: failure } = await api.POST('/api/referrals/{id}/status', {
      params: { path: { id } },
      body: { to, ...(reason ? { reason } : {}) },
    });
    if (!data) return setError(problemText(failure));
    setReferral(data);
  };

  if (!referral)
    return (
      <>
        <h1>Orientation</h1>
        {error ? <Alert severity="error" description={error} title="Orientation indisponible" /> : <p role="status">Chargement…</p>}
      </>
    );
  const dac = user.roles.includes('dac');
  const shared = (referral.shared ?? {}) as Record<string, unknown>;
  return (
    <>
      <Breadcrumb
        currentPageLabel={`Orientation ${referral.situationReference}`}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Orientations', linkProps: { href: '/orientations' } }]}
      />
      <h1>
        Orientation de la situation {referral.situationReference} <ReferralStatus status={referral.status} />
      </h1>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      <ul>
        <li>Sens : {referral.direction === 'outbound' ? 'de la cellule vers le DAC' : 'du DAC vers la cellule'}</li>
        <li>Envoyée le : {formatDateTime(referral.sentAt)}</li>
        <li>Rubriques transmises : {referral.sharedGroups.map((g) => GROUP_LABELS[g]).join(', ') || 'aucune'}</li>
        {referral.reason && <li>Motif : {referral.reason}</li>}
        {referral.declineReason && <li>Motif du refus : {referral.declineReason}</li>}
      </ul>
      <h2 className="fr-h4">Données transmises (figées à l’envoi)</h2>
      {Object.keys(shared).length === 0 ? <p>Aucune donnée transmise pour le moment.</p> : <Value value={shared} />}
      {referral.meetings && referral.meetings.length > 0 && (
        <>
          <h2 className="fr-h4">Réunions</h2>
          <ul>
            {referral.meetings.map((m) => (
              <li key={m.id}>
                {formatDate(m.heldOn)} — {m.note}
              </li>
            ))}
          </ul>
        </>
      )}
      {dac && (referral.status === 'sent' || referral.status === 'acknowledged') && (
        <section aria-labelledby="reponse-dac" className="fr-mt-4w">
          <h2 id="reponse-dac" className="fr-h4">
            Réponse du DAC
          </h2>
          {referral.status === 'sent' && (
            <Button className="fr-mb-2w" onClick={() => void move('acknowledged')}>
              Accuser réception
            </Button>
          )}
          {referral.status === 'acknowledged' && (
            <>
              <Button className="fr-mb-2w fr-mr-2w" onClick={() => void move('accepted')}>
                Accepter l’orientation
              </Button>
              <Input
                label="Motif du refus"
                textArea
                nativeTextAreaProps={{ value: declineReason, onChange: (e) => setDeclineReason(e.target.value), rows: 2 }}
              />
              <Button priority="secondary" disabled={!declineReason} onClick={() => void move('declined', declineReason)}>
                Refuser l’orientation
              </Button>
            </>
          )}
        </section>
      )}
    </>
  );
}
