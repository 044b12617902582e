import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Input from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import Select from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { AREA_LABELS, SEX_LABELS } from '../app/labels';
import { useRouter } from '../app/router';

type Area = Schemas['CreateSituationDto']['problemAreas'][number];
type Sex = Schemas['IdentityDto']['sex'];
type YesNo = 'oui' | 'non' | '';

function YesNoQuestion({
  legend,
  hint,
  name,
  value,
  onChange,
}: {
  legend: string;
  hint: string;
  name: string;
  value: YesNo;
  onChange: (v: YesNo) => void;
}) {
  return (
    <RadioButtons
      legend={legend}
      hintText={hint}
      name={name}
      orientation="horizontal"
      options={[
        { label: 'Oui', nativeInputProps: { checked: value === 'oui', onChange: () => onChange('oui'), required: true } },
        { label: 'Non', nativeInputProps: { checked: value === 'non', onChange: () => onChange('non') } },
      ]}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend fr-h4">{title}</legend>
      <div className="fr-fieldset__element">{children}</div>
    </fieldset>
  );
}

/** The saisine: emergency screening first (the commission is no emergency service), then the case file. */
export function IntakePage() {
  useTitle('Nouvelle saisine');
  const { navigate } = useRouter();
  const [danger, setDanger] = useState<YesNo>('');
  const [medical, setMedical] = useState<YesNo>('');
  const [suicide, setSuicide] = useState<YesNo>('');
  const [f, setF] = useState({
    birthName: '',
    usedName: '',
    firstNames: '',
    birthDate: '',
    sex: 'unknown' as Sex,
    address: '',
    district: '',
    phone: '',
    referrerName: '',
    referrerOrganisation: '',
    referrerPhone: '',
    referrerEmail: '',
    health: '',
    narrative: '',
    alreadyTried: '',
    expectations: '',
  });
  const [areas, setAreas] = useState<Area[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof f) => ({
    value: f[key],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value }),
  });
  const emergency = danger === 'oui' || medical === 'oui' || suicide === 'oui';
  const screened = danger === 'non' && medical === 'non' && suicide === 'non';
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error: failure } = await api.POST('/api/situations', {
      body: {
        screening: { immediateDanger: danger === 'oui', acuteMedicalNeed: medical === 'oui', suicidalRisk: suicide === 'oui' },
        identity: { birthName: f.birthName, usedName: optional(f.usedName), firstNames: f.firstNames, birthDate: f.birthDate, sex: f.sex },
        contact: { address: optional(f.address), district: optional(f.district), phone: optional(f.phone) },
        social: {
          referrerContact: {
            name: f.referrerName,
            organisation: optional(f.referrerOrganisation),
            phone: optional(f.referrerPhone),
            email: optional(f.referrerEmail),
          },
          professionalsInvolved: [],
        },
        ...(f.health.trim() ? { health: { details: f.health } } : {}),
        narrative: { narrative: f.narrative, alreadyTried: f.alreadyTried, expectations: f.expectations },
        problemAreas: areas,
      },
    });
    setBusy(false);
    if (!data) return setError(problemText(failure));
    navigate(`/situations/${data.id}`);
  };

  return (
    <>
      <h1>Nouvelle saisine</h1>
      <p>
        Les champs sont obligatoires sauf mention contraire. Les informations sont chiffrées et ne sont lues que par les personnes que la
        charte autorise.
      </p>
      <Section title="1. Repérage de l’urgence">
        <p>
          La cellule cas complexes n’est pas un service d’urgence : elle examine une situation en commission, plusieurs jours ou semaines
          après la saisine. Répondez « Oui » ou « Non » à chaque question ; le reste du formulaire s’ouvre quand toutes les réponses sont «
          Non ».
        </p>
        <YesNoQuestion
          legend="La personne ou son entourage est-elle en danger immédiat ?"
          hint="Par exemple : violence en cours ou imminente, menace avec une arme, mise en danger d’un enfant."
          name="danger"
          value={danger}
          onChange={setDanger}
        />
        <YesNoQuestion
          legend="La personne a-t-elle besoin de soins médicaux urgents ?"
          hint="Par exemple : malaise, blessure, intoxication, état de crise qui ne peut pas attendre."
          name="soins"
          value={medical}
          onChange={setMedical}
        />
        <YesNoQuestion
          legend="La personne a-t-elle exprimé des idées suicidaires ou un projet de passage à l’acte ?"
          hint="Propos, écrits ou gestes récents évoquant l’envie de mourir ou un projet de suicide."
          name="suicide"
          value={suicide}
          onChange={setSuicide}
        />
      </Section>
      {emergency && (
        <Alert
          severity="error"
          title="Situation d’urgence : la cellule ne peut pas être saisie"
          description={
            <>
              La cellule cas complexes n’est pas un service d’urgence, et rien de cette saisine n’est enregistré. Agissez maintenant :
              {danger === 'oui' && (
                <>
                  {' '}
                  en cas de danger immédiat, appelez le <strong>15</strong> (SAMU) ou le <strong>112</strong> ;
                </>
              )}
              {medical === 'oui' && (
                <>
                  {' '}
                  pour des soins urgents, appelez le <strong>15</strong> (SAMU) ou le <strong>112</strong> ;
                </>
              )}
              {suicide === 'oui' && (
                <>
                  {' '}
                  en cas de risque suicidaire, appelez le <strong>3114</strong> (prévention du suicide, 24 h/24) ;
                </>
              )}{' '}
              pour une urgence psychiatrique, adressez-vous aux urgences psychiatriques du secteur. Numéros utiles : 15 (SAMU), 112
              (urgences), 3114 (prévention du suicide).
            </>
          }
          role="alert"
        />
      )}
      {screened && (
        <form onSubmit={submit}>
          <Section title="2. Identité de la personne">
            <Input label="Nom de naissance" nativeInputProps={{ required: true, autoComplete: 'off', ...set('birthName') }} />
            <Input label="Nom d’usage (facultatif)" nativeInputProps={{ autoComplete: 'off', ...set('usedName') }} />
            <Input label="Prénoms" nativeInputProps={{ required: true, autoComplete: 'off', ...set('firstNames') }} />
            <Input label="Date de naissance" nativeInputProps={{ type: 'date', required: true, ...set('birthDate') }} />
            <Select label="Sexe" nativeSelectProps={{ value: f.sex, onChange: (e) => setF({ ...f, sex: e.target.value as Sex }) }}>
              {Object.entries(SEX_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Section>
          <Section title="3. Coordonnées (facultatif)">
            <Input label="Adresse" nativeInputProps={{ autoComplete: 'off', ...set('address') }} />
            <Input label="Quartier" nativeInputProps={{ ...set('district') }} />
            <Input label="Téléphone" nativeInputProps={{ type: 'tel', autoComplete: 'off', ...set('phone') }} />
          </Section>
          <Section title="4. Professionnel qui oriente">
            <Input label="Nom du professionnel" nativeInputProps={{ required: true, ...set('referrerName') }} />
            <Input label="Structure (facultatif)" nativeInputProps={{ ...set('referrerOrganisation') }} />
            <Input label="Téléphone du professionnel (facultatif)" nativeInputProps={{ type: 'tel', ...set('referrerPhone') }} />
            <Input label="Courriel du professionnel (facultatif)" nativeInputProps={{ type: 'email', ...set('referrerEmail') }} />
          </Section>
          <Section title="5. Santé (facultatif)">
            <Input
              label="Éléments de santé utiles"
              hintText="Lus uniquement par les professions habilitées (jamais par un bailleur ni un élu)"
              textArea
              nativeTextAreaProps={{ rows: 3, ...set('health') }}
            />
          </Section>
          <Section title="6. La situation">
            <Input label="Description de la situation" textArea nativeTextAreaProps={{ required: true, rows: 5, ...set('narrative') }} />
            <Input label="Ce qui a déjà été tenté" textArea nativeTextAreaProps={{ required: true, rows: 3, ...set('alreadyTried') }} />
            <Input
              label="Attentes vis-à-vis de la cellule"
              textArea
              nativeTextAreaProps={{ required: true, rows: 3, ...set('expectations') }}
            />
            <Checkbox
              legend="Problématiques"
              hintText="Au moins une"
              options={(Object.keys(AREA_LABELS) as Area[]).map((area) => ({
                label: AREA_LABELS[area],
                nativeInputProps: {
                  checked: areas.includes(area),
                  onChange: (e) => setAreas(e.target.checked ? [...areas, area] : areas.filter((a) => a !== area)),
                },
              }))}
            />
          </Section>
          {error && (
            <Alert className="fr-mb-2w" severity="error" title="La saisine n’a pas été enregistrée" description={error} role="alert" />
          )}
          <Button type="submit" disabled={busy || areas.length === 0}>
            Déposer la saisine
          </Button>
        </form>
      )}
    </>
  );
}
