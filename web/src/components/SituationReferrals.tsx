import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Input from '@codegouvfr/react-dsfr/Input';
import Select from '@codegouvfr/react-dsfr/Select';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { formatDate, GROUP_LABELS } from '../app/labels';
import { useLatest } from '../app/latest';
import { Link } from '../app/router';
import { useOrganizationsOfKind } from './DirectoryPickers';
import { ReferralStatus } from './StatusBadge';

type Group = Schemas['CreateReferralDto']['sharedGroups'][number];

/** Referrals of one situation; creating one is blocked, with the reason, while consent is missing. */
export function SituationReferrals({
  situation,
  consents,
}: {
  situation: Schemas['SituationDto'];
  consents: Schemas['ConsentDto'][] | null;
}) {
  const [referrals, setReferrals] = useState<Schemas['ReferralDto'][] | null>(null);
  const [dacOrganizationId, setDac] = useState('');
  const [reason, setReason] = useState('');
  const [summaryForDac, setSummary] = useState('');
  const [groups, setGroups] = useState<Group[]>(['identity', 'contact']);
  const [error, setError] = useState<string | null>(null);
  const dacs = useOrganizationsOfKind('dac');
  const [notice, setNotice] = useState<string | null>(null);

  const latest = useLatest();
  const load = useCallback(async () => {
    const current = latest();
    const { data } = await api.GET('/api/referrals', { params: { query: { situationId: situation.id, limit: 200 as never } } });
    if (current()) setReferrals(data?.items ?? []);
  }, [situation.id, latest]);
  useEffect(() => {
    void load();
  }, [load]);

  const consentInForce = consents?.some((c) => c.purpose === 'dac_transmission' && c.inForce && c.decision === 'given') ?? false;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error: failure } = await api.POST('/api/referrals', {
      body: { situationId: situation.id, dacOrganizationId, reason, summaryForDac, sharedGroups: groups },
    });
    if (!data) return setError(problemText(failure));
    setError(null);
    setDac('');
    setReason('');
    setSummary('');
    setNotice('Orientation créée en brouillon : vérifiez-la puis envoyez-la au DAC.');
    void load();
  };
  const send = async (referral: Schemas['ReferralDto']) => {
    const { data, error: failure } = await api.POST('/api/referrals/{id}/status', {
      params: { path: { id: referral.id } },
      body: { to: 'sent' },
    });
    if (!data) return setError(problemText(failure));
    setNotice('Orientation envoyée au DAC. Les données transmises sont figées à cet instant.');
    void load();
  };
  const toggle = (group: Group, on: boolean) => setGroups((current) => (on ? [...current, group] : current.filter((g) => g !== group)));

  return (
    <>
      <h2 className="fr-h4">Orientations vers le DAC</h2>
      <div role="status">{notice && <Alert className="fr-mb-2w" severity="success" small description={notice} />}</div>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      {referrals && referrals.length === 0 && <p>Aucune orientation pour cette situation.</p>}
      {referrals && referrals.length > 0 && (
        <ul className="fr-mb-3w">
          {referrals.map((r) => (
            <li key={r.id} className="fr-mb-1w">
              <Link href={`/orientations/${r.id}`} className="fr-link">
                Orientation {r.sentAt ? `envoyée le ${formatDate(r.sentAt)}` : 'en brouillon'}
              </Link>{' '}
              <ReferralStatus status={r.status} />{' '}
              {r.status === 'draft' && (
                <Button size="small" onClick={() => void send(r)}>
                  Envoyer au DAC
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="fr-h5">Nouvelle orientation</h3>
      {!consentInForce ? (
        <Alert
          severity="warning"
          title="Orientation impossible pour le moment"
          description="La personne (ou son représentant légal) n’a pas donné de consentement en vigueur pour la transmission au DAC. Enregistrez-le dans l’onglet Consentements avant d’orienter la situation."
        />
      ) : (
        <form onSubmit={create}>
          <Select
            label="DAC destinataire"
            state={dacs.failed ? 'error' : 'default'}
            stateRelatedMessage={dacs.failed ? 'La liste des DAC n’a pas pu être chargée. Rechargez la page.' : undefined}
            nativeSelectProps={{ required: true, value: dacOrganizationId, onChange: (e) => setDac(e.target.value) }}
          >
            <option value="" disabled>
              {dacs.organizations === null && !dacs.failed ? 'Chargement des DAC…' : 'Choisir un DAC'}
            </option>
            {(dacs.organizations ?? []).map((dac) => (
              <option key={dac.id} value={dac.id}>
                {dac.name}
              </option>
            ))}
          </Select>
          {dacs.organizations?.length === 0 && (
            <Alert
              className="fr-mb-2w"
              severity="info"
              small
              description="Aucun DAC n’est enregistré dans l’annuaire : demandez à l’administration de la cellule de l’ajouter."
            />
          )}
          <Input
            label="Motif de l’orientation (interne à la cellule)"
            textArea
            nativeTextAreaProps={{ required: true, value: reason, onChange: (e) => setReason(e.target.value), rows: 3 }}
          />
          <Input
            label="Synthèse transmise au DAC"
            textArea
            nativeTextAreaProps={{ required: true, value: summaryForDac, onChange: (e) => setSummary(e.target.value), rows: 4 }}
          />
          <Checkbox
            legend="Rubriques transmises"
            hintText="Seules les rubriques cochées sont copiées, telles qu’elles sont au moment de l’envoi"
            options={(Object.keys(GROUP_LABELS) as Group[]).map((group) => ({
              label: GROUP_LABELS[group],
              nativeInputProps: { checked: groups.includes(group), onChange: (e) => toggle(group, e.target.checked) },
            }))}
          />
          <Button type="submit">Créer l’orientation</Button>
        </form>
      )}
    </>
  );
}
