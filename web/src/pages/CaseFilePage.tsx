import Alert from '@codegouvfr/react-dsfr/Alert';
import Breadcrumb from '@codegouvfr/react-dsfr/Breadcrumb';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Notice from '@codegouvfr/react-dsfr/Notice';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { AREA_LABELS, formatDate, formatDateTime, MEASURE_LABELS, NEXT_STATUSES, SEX_LABELS, STATUS_LABELS } from '../app/labels';
import { useLatest } from '../app/latest';
import { useRouter } from '../app/router';
import { useUser } from '../app/session';
import { ConsentPanel } from '../components/ConsentPanel';
import { MemberPicker, type Person } from '../components/DirectoryPickers';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { SituationReferrals } from '../components/SituationReferrals';
import { SituationStatus } from '../components/StatusBadge';

type Situation = Schemas['SituationDto'];
const TABS = [
  { tabId: 'dossier', label: 'Dossier' },
  { tabId: 'historique', label: 'Historique' },
  { tabId: 'consentements', label: 'Consentements' },
  { tabId: 'documents', label: 'Documents' },
  { tabId: 'orientations', label: 'Orientations DAC' },
];

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="fr-mb-2w">
      {rows.map(([label, value]) => (
        <div key={label} className="fr-mb-1w">
          <dt className="fr-text--bold fr-mb-0">{label}</dt>
          <dd className="fr-ml-0" style={{ whiteSpace: 'pre-wrap' }}>
            {value === undefined || value === '' ? '—' : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const contactPerson = (p?: Schemas['ContactPersonDto']) =>
  p ? [p.name, p.role, p.organisation, p.phone, p.email].filter(Boolean).join(' — ') : undefined;

/** The case file by field group: only the groups the service returned (the reader's category may see them). */
function FieldGroups({ situation }: { situation: Situation }) {
  const hidden = (['identity', 'contact', 'social', 'health', 'narrative'] as const).filter((group) => situation[group] === undefined);
  return (
    <>
      {situation.identity && (
        <section aria-labelledby="groupe-identite">
          <h2 id="groupe-identite" className="fr-h4">
            Identité
          </h2>
          <Fields
            rows={[
              ['Nom de naissance', situation.identity.birthName],
              ['Nom d’usage', situation.identity.usedName],
              ['Prénoms', situation.identity.firstNames],
              ['Date de naissance', formatDate(situation.identity.birthDate)],
              ['Sexe', SEX_LABELS[situation.identity.sex]],
            ]}
          />
        </section>
      )}
      {situation.contact && (
        <section aria-labelledby="groupe-coordonnees">
          <h2 id="groupe-coordonnees" className="fr-h4">
            Coordonnées
          </h2>
          <Fields
            rows={[
              ['Adresse', situation.contact.address],
              ['Quartier', situation.contact.district],
              ['Téléphone', situation.contact.phone],
            ]}
          />
        </section>
      )}
      {situation.social && (
        <section aria-labelledby="groupe-social">
          <h2 id="groupe-social" className="fr-h4">
            Situation sociale
          </h2>
          <Fields
            rows={[
              [
                'Mesure de protection',
                situation.social.legalProtection
                  ? `${MEASURE_LABELS[situation.social.legalProtection.measure]} — ${contactPerson(situation.social.legalProtection.representative)}`
                  : 'Aucune',
              ],
              ['Professionnel orienteur', contactPerson(situation.social.referrerContact)],
              ['Professionnels impliqués', situation.social.professionalsInvolved.map(contactPerson).join('\n')],
            ]}
          />
        </section>
      )}
      {situation.health && (
        <section aria-labelledby="groupe-sante">
          <h2 id="groupe-sante" className="fr-h4">
            Santé
          </h2>
          <Fields rows={[['Éléments de santé', situation.health.details]]} />
        </section>
      )}
      {situation.narrative && (
        <section aria-labelledby="groupe-recit">
          <h2 id="groupe-recit" className="fr-h4">
            Récit de la situation
          </h2>
          <Fields
            rows={[
              ['Situation', situation.narrative.narrative],
              ['Déjà tenté', situation.narrative.alreadyTried],
              ['Attentes', situation.narrative.expectations],
            ]}
          />
        </section>
      )}
      {hidden.length > 0 && (
        <Notice
          className="fr-mt-2w"
          title={`${hidden.length} rubrique${hidden.length > 1 ? 's' : ''} du dossier ne vous ${hidden.length > 1 ? 'sont' : 'est'} pas accessible${hidden.length > 1 ? 's' : ''} selon la charte éthique.`}
        />
      )}
    </>
  );
}

function History({ situation }: { situation: Situation }) {
  const history = situation.history ?? [];
  if (history.length === 0) return <p>Aucun changement d’état pour le moment.</p>;
  return (
    <Table
      caption="Historique des changements d’état"
      headers={['Date', 'De', 'Vers', 'Motif']}
      data={history.map((h) => [formatDateTime(h.at), STATUS_LABELS[h.from], STATUS_LABELS[h.to], h.reason ?? '—'])}
    />
  );
}

const OUTCOMES: Record<NonNullable<Schemas['TransitionDto']['outcome']>, string> = {
  resolved: 'Situation résolue',
  partially_resolved: 'Partiellement résolue',
  not_resolved: 'Non résolue',
  person_declined: 'La personne a refusé',
  moved_away: 'La personne a déménagé',
  deceased: 'Décès',
  redirected: 'Réorientée',
};

function TransitionForm({ situation, onDone }: { situation: Situation; onDone: () => void }) {
  const next = NEXT_STATUSES[situation.status];
  const [to, setTo] = useState<Situation['status'] | ''>('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<keyof typeof OUTCOMES | ''>('');
  const [redirectedTo, setRedirectedTo] = useState<'dac' | 'other_service' | ''>('');
  const [error, setError] = useState<string | null>(null);
  if (next.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const { data, error: failure } = await api.POST('/api/situations/{id}/transitions', {
      params: { path: { id: situation.id } },
      body: { to, ...(reason ? { reason } : {}), ...(outcome ? { outcome } : {}), ...(redirectedTo ? { redirectedTo } : {}) },
    });
    if (!data) return setError(problemText(failure));
    setTo('');
    setReason('');
    setError(null);
    onDone();
  };

  return (
    <form onSubmit={submit} className="fr-mt-4w" aria-labelledby="changer-etat">
      <h2 id="changer-etat" className="fr-h4">
        Changer l’état de la situation
      </h2>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      <Select
        label="Nouvel état"
        nativeSelectProps={{ value: to, required: true, onChange: (e) => setTo(e.target.value as Situation['status']) }}
      >
        <option value="" disabled>
          Choisir un état
        </option>
        {next.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      {to === 'redirected' && (
        <Select
          label="Réorientée vers"
          nativeSelectProps={{ value: redirectedTo, required: true, onChange: (e) => setRedirectedTo(e.target.value as 'dac') }}
        >
          <option value="" disabled>
            Choisir
          </option>
          <option value="dac">Le DAC</option>
          <option value="other_service">Un autre service</option>
        </Select>
      )}
      {to === 'closed' && (
        <Select
          label="Issue"
          nativeSelectProps={{ value: outcome, required: true, onChange: (e) => setOutcome(e.target.value as 'resolved') }}
        >
          <option value="" disabled>
            Choisir
          </option>
          {Object.entries(OUTCOMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      )}
      <Input
        label="Motif"
        hintText="Obligatoire pour une non-recevabilité, une réorientation ou une clôture"
        textArea
        nativeTextAreaProps={{ value: reason, onChange: (e) => setReason(e.target.value), rows: 3 }}
      />
      <Button type="submit" disabled={!to}>
        Enregistrer le changement d’état
      </Button>
    </form>
  );
}

/** The coordination designates the référent (pilot) of the situation among the commission's members. */
function PilotForm({ situation }: { situation: Situation }) {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [picker, setPicker] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person) return setError('Choisissez d’abord un membre de la commission dans les résultats de la recherche.');
    const { data, error: failure } = await api.POST('/api/situations/{id}/pilot', {
      params: { path: { id: situation.id } },
      body: { userId: person.id },
    });
    if (!data) {
      setNotice(null);
      return setError(problemText(failure));
    }
    setError(null);
    setNotice(`${person.displayName} est désormais référent de la situation ${situation.reference}.`);
    setPerson(null);
    setPicker((n) => n + 1);
  };

  return (
    <section aria-labelledby="referent" className="fr-mt-4w">
      <h2 id="referent" className="fr-h4">
        Référent
      </h2>
      <div role="status">{notice && <Alert className="fr-mb-2w" severity="success" small description={notice} />}</div>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      <form onSubmit={submit} aria-labelledby="designer-referent">
        <h3 id="designer-referent" className="fr-h5">
          Désigner le référent
        </h3>
        <p className="fr-hint-text">Un membre de la commission suit la situation ; le précédent référent, s’il y en a un, perd ce rôle.</p>
        <MemberPicker key={picker} name="referent" value={person} onChange={setPerson} />
        <Button type="submit">Désigner le référent</Button>
      </form>
    </section>
  );
}

export function CaseFilePage({ id, tab }: { id: string; tab: string }) {
  useTitle(`Dossier — ${TABS.find((t) => t.tabId === tab)?.label ?? 'Dossier'}`);
  const user = useUser();
  const { navigate } = useRouter();
  const [situation, setSituation] = useState<Situation | null>(null);
  const [consents, setConsents] = useState<Schemas['ConsentDto'][] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const latest = useLatest();
  const load = useCallback(async () => {
    const current = latest();
    const [{ data, error: failure, response }, consentList] = await Promise.all([
      api.GET('/api/situations/{id}', { params: { path: { id } } }),
      api.GET('/api/situations/{id}/consents', { params: { path: { id } } }),
    ]);
    if (!current()) return;
    setSituation(data ?? null);
    setError(data ? null : response.status === 404 ? 'Cette situation n’existe pas ou ne vous est pas accessible.' : problemText(failure));
    setConsents(consentList.data ?? null);
  }, [id, latest]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <>
        <h1>Situation</h1>
        <Alert severity="error" description={error} title="Dossier indisponible" />
      </>
    );
  if (!situation) return <p role="status">Chargement du dossier…</p>;
  const coordinator = user.roles.includes('coordinator');

  return (
    <>
      <Breadcrumb
        currentPageLabel={`Situation ${situation.reference}`}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Situations', linkProps: { href: '/situations' } }]}
      />
      <h1>
        Situation {situation.reference} <SituationStatus status={situation.status} />
      </h1>
      <p>
        Déposée le {formatDate(situation.createdAt)} — problématiques : {situation.problemAreas.map((a) => AREA_LABELS[a]).join(', ')}
      </p>
      {situation.possibleDuplicates && situation.possibleDuplicates.length > 0 && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description={`Doublon possible : ${situation.possibleDuplicates.length} autre${situation.possibleDuplicates.length > 1 ? 's' : ''} situation${situation.possibleDuplicates.length > 1 ? 's' : ''} en cours concerne${situation.possibleDuplicates.length > 1 ? 'nt' : ''} peut-être la même personne.`}
        />
      )}
      <Tabs
        selectedTabId={tab}
        tabs={TABS}
        onTabChange={(tabId) => navigate(tabId === 'dossier' ? `/situations/${id}` : `/situations/${id}/${tabId}`)}
      >
        {tab === 'dossier' && (
          <>
            <FieldGroups situation={situation} />
            {coordinator && <TransitionForm situation={situation} onDone={() => void load()} />}
            {coordinator && <PilotForm situation={situation} />}
          </>
        )}
        {tab === 'historique' && <History situation={situation} />}
        {tab === 'consentements' && <ConsentPanel situationId={id} consents={consents} onChange={() => void load()} />}
        {tab === 'documents' && <DocumentsPanel situationId={id} />}
        {tab === 'orientations' && <SituationReferrals situation={situation} consents={consents} />}
      </Tabs>
    </>
  );
}
