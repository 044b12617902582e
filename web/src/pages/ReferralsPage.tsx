import Alert from '@codegouvfr/react-dsfr/Alert';
import Table from '@codegouvfr/react-dsfr/Table';
import { useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDate } from '../app/labels';
import { Link } from '../app/router';
import { useUser } from '../app/session';
import { ReferralStatus } from '../components/StatusBadge';

/** Outbound and inbound referrals; a DAC liaison sees only its own structure's. */
export function ReferralsPage() {
  const user = useUser();
  const dac = user.roles.includes('dac');
  useTitle(dac ? 'Orientations reçues' : 'Orientations DAC');
  const [referrals, setReferrals] = useState<Schemas['ReferralDto'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/api/referrals').then(({ data, error: failure }) => {
      setReferrals(data?.items ?? null);
      if (!data) setError(problemText(failure));
    });
  }, []);
  return (
    <>
      <h1>{dac ? 'Orientations reçues par votre DAC' : 'Orientations vers et depuis le DAC'}</h1>
      {error && <Alert severity="error" small description={error} />}
      {referrals && referrals.length === 0 && <p>Aucune orientation.</p>}
      {referrals && referrals.length > 0 && (
        <Table
          caption="Orientations"
          noCaption
          headers={['Situation', 'Sens', 'État', 'Envoyée le']}
          data={referrals.map((r) => [
            <Link key="link" href={`/orientations/${r.id}`} className="fr-link">
              {r.situationReference}
            </Link>,
            r.direction === 'outbound' ? 'Vers le DAC' : 'Reçue du DAC',
            <ReferralStatus key="status" status={r.status} />,
            formatDate(r.sentAt),
          ])}
        />
      )}
    </>
  );
}
