import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { DECISION_LABELS, formatDate, MEASURE_LABELS, PURPOSE_ALLOWS, PURPOSE_LABELS } from '../app/labels';
import { OrganizationsPicker, type Organization } from './DirectoryPickers';
import { DocumentUpload } from './DocumentsPanel';

type Consent = Schemas['ConsentDto'];
type Purpose = Consent['purpose'];
type Measure = Schemas['RepresentativeDto']['measure'];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** Who expressed it and how: shared by recording and withdrawing. */
interface Expression {
  givenBy: 'person' | 'legal_representative';
  representativeName: string;
  measure: Measure;
  method: 'signed_form' | 'oral_statement';
  documentId: string;
  recordedBy: string;
  recordedOn: string;
}
const blankExpression = (): Expression => ({
  givenBy: 'person',
  representativeName: '',
  measure: 'curatelle',
  method: 'oral_statement',
  documentId: '',
  recordedBy: '',
  recordedOn: today(),
});
function expressionBody(e: Expression) {
  return {
    givenBy: e.givenBy,
    ...(e.givenBy === 'legal_representative' ? { representative: { name: e.representativeName, measure: e.measure } } : {}),
    method: e.method,
    ...(e.method === 'signed_form' ? { documentId: e.documentId } : { statement: { recordedBy: e.recordedBy, recordedOn: e.recordedOn } }),
  };
}

function ExpressionFields({
  situationId,
  value,
  onChange,
  prefix,
}: {
  situationId: string;
  value: Expression;
  onChange: (e: Expression) => void;
  prefix: string;
}) {
  return (
    <>
      <RadioButtons
        legend="Exprimé par"
        name={`${prefix}-par`}
        options={[
          {
            label: 'La personne elle-même',
            nativeInputProps: { checked: value.givenBy === 'person', onChange: () => onChange({ ...value, givenBy: 'person' }) },
          },
          {
            label: 'Son représentant légal',
            nativeInputProps: {
              checked: value.givenBy === 'legal_representative',
              onChange: () => onChange({ ...value, givenBy: 'legal_representative' }),
            },
          },
        ]}
      />
      {value.givenBy === 'legal_representative' && (
        <>
          <Input
            label="Nom du représentant légal"
            nativeInputProps={{
              required: true,
              value: value.representativeName,
              onChange: (e) => onChange({ ...value, representativeName: e.target.value }),
            }}
          />
          <Select
            label="Mesure de protection"
            nativeSelectProps={{ value: value.measure, onChange: (e) => onChange({ ...value, measure: e.target.value as Measure }) }}
          >
            {Object.entries(MEASURE_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </Select>
        </>
      )}
      <RadioButtons
        legend="Forme"
        name={`${prefix}-forme`}
        options={[
          {
            label: 'Déclaration orale recueillie par un professionnel',
            nativeInputProps: {
              checked: value.method === 'oral_statement',
              onChange: () => onChange({ ...value, method: 'oral_statement' }),
            },
          },
          {
            label: 'Formulaire signé (preuve à déposer)',
            nativeInputProps: { checked: value.method === 'signed_form', onChange: () => onChange({ ...value, method: 'signed_form' }) },
          },
        ]}
      />
      {value.method === 'oral_statement' ? (
        <>
          <Input
            label="Recueillie par"
            hintText="Fonction et structure du professionnel"
            nativeInputProps={{
              required: true,
              value: value.recordedBy,
              onChange: (e) => onChange({ ...value, recordedBy: e.target.value }),
            }}
          />
          <Input
            label="Recueillie le"
            nativeInputProps={{
              type: 'date',
              required: true,
              value: value.recordedOn,
              onChange: (e) => onChange({ ...value, recordedOn: e.target.value }),
            }}
          />
        </>
      ) : value.documentId ? (
        <Alert className="fr-mb-2w" severity="success" small description="Preuve déposée." />
      ) : (
        <DocumentUpload
          situationId={situationId}
          label="Preuve du consentement (formulaire signé)"
          onUploaded={(d) => onChange({ ...value, documentId: d.id })}
        />
      )}
    </>
  );
}

function RecordForm({ situationId, onDone }: { situationId: string; onDone: () => void }) {
  const [purpose, setPurpose] = useState<Purpose>('review');
  const [decision, setDecision] = useState<'given' | 'refused'>('given');
  const [expression, setExpression] = useState<Expression>(blankExpression());
  const [givenOn, setGivenOn] = useState(today());
  const [validUntil, setValidUntil] = useState('');
  const [refused, setRefused] = useState<Organization[]>([]);
  const [pickerKey, setPickerKey] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refusedOrganizationIds = refused.map((o) => o.id);
    const { data, error: failure } = await api.POST('/api/situations/{id}/consents', {
      params: { path: { id: situationId } },
      body: {
        purpose,
        decision,
        givenOn,
        ...expressionBody(expression),
        ...(validUntil ? { validUntil } : {}),
        ...(refusedOrganizationIds.length ? { refusedOrganizationIds } : {}),
      },
    });
    if (!data) return setError(problemText(failure));
    setError(null);
    setExpression(blankExpression());
    setRefused([]);
    setPickerKey((n) => n + 1);
    onDone();
  };

  return (
    <form onSubmit={submit} aria-labelledby="enregistrer-consentement" className="fr-mt-4w">
      <h3 id="enregistrer-consentement" className="fr-h5">
        Enregistrer un consentement
      </h3>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      <Select label="Finalité" nativeSelectProps={{ value: purpose, onChange: (e) => setPurpose(e.target.value as Purpose) }}>
        {Object.entries(PURPOSE_LABELS).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </Select>
      <RadioButtons
        legend="Décision"
        name="decision"
        orientation="horizontal"
        options={[
          { label: 'Consentement donné', nativeInputProps: { checked: decision === 'given', onChange: () => setDecision('given') } },
          { label: 'Consentement refusé', nativeInputProps: { checked: decision === 'refused', onChange: () => setDecision('refused') } },
        ]}
      />
      <ExpressionFields situationId={situationId} value={expression} onChange={setExpression} prefix="recueil" />
      <Input
        label="Date du consentement"
        nativeInputProps={{ type: 'date', required: true, value: givenOn, onChange: (e) => setGivenOn(e.target.value) }}
      />
      <Input
        label="Valable jusqu’au (facultatif)"
        nativeInputProps={{ type: 'date', value: validUntil, onChange: (e) => setValidUntil(e.target.value) }}
      />
      <OrganizationsPicker
        key={pickerKey}
        label="Structures refusées par la personne (facultatif)"
        hint="Leurs membres n’auront pas accès au dossier"
        value={refused}
        onChange={setRefused}
      />
      <Button type="submit">Enregistrer le consentement</Button>
    </form>
  );
}

function WithdrawForm({ situationId, consent, onDone }: { situationId: string; consent: Consent; onDone: () => void }) {
  const [expression, setExpression] = useState<Expression>(blankExpression());
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error: failure } = await api.POST('/api/situations/{id}/consents/{consentId}/withdraw', {
      params: { path: { id: situationId, consentId: consent.id } },
      body: expressionBody(expression),
    });
    if (!data) return setError(problemText(failure));
    onDone();
  };
  return (
    <form onSubmit={submit} aria-labelledby={`retrait-${consent.id}`} className="fr-mt-4w">
      <h3 id={`retrait-${consent.id}`} className="fr-h5">
        Retrait du consentement : {PURPOSE_LABELS[consent.purpose]}
      </h3>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
      <ExpressionFields situationId={situationId} value={expression} onChange={setExpression} prefix={`retrait-${consent.id}`} />
      <Button type="submit" priority="secondary">
        Enregistrer le retrait
      </Button>
    </form>
  );
}

/** Consent: what it currently allows, each record (who, how, when), recording, proof, withdrawal. */
export function ConsentPanel({
  situationId,
  consents,
  onChange,
}: {
  situationId: string;
  consents: Consent[] | null;
  onChange: () => void;
}) {
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  if (!consents) return <Alert severity="info" small description="Les consentements de cette situation ne vous sont pas accessibles." />;
  const inForce = new Set(consents.filter((c) => c.inForce).map((c) => c.purpose));
  return (
    <>
      <h2 className="fr-h4">Ce que le consentement permet aujourd’hui</h2>
      <ul className="fr-mb-3w">
        {(Object.keys(PURPOSE_LABELS) as Purpose[]).map((purpose) => (
          <li key={purpose}>
            <strong>{PURPOSE_LABELS[purpose]} :</strong>{' '}
            {inForce.has(purpose) ? `oui — ${PURPOSE_ALLOWS[purpose]}.` : 'non — aucun consentement en vigueur.'}
          </li>
        ))}
      </ul>
      <h2 className="fr-h4">Consentements enregistrés</h2>
      {consents.length === 0 ? (
        <p>Aucun consentement enregistré.</p>
      ) : (
        <Table
          caption="Consentements enregistrés"
          noCaption
          headers={['Finalité', 'Décision', 'Par', 'Forme', 'Date', 'En vigueur', 'Action']}
          data={consents.map((c) => [
            PURPOSE_LABELS[c.purpose],
            DECISION_LABELS[c.decision],
            c.givenBy === 'person' ? 'La personne' : `Représentant légal${c.representative ? ` (${c.representative.name})` : ''}`,
            c.method === 'signed_form'
              ? 'Formulaire signé'
              : `Déclaration orale${c.statement ? `, recueillie par ${c.statement.recordedBy}` : ''}`,
            formatDate(c.givenOn),
            c.inForce ? 'Oui' : 'Non',
            c.inForce && c.decision === 'given' ? (
              <Button key="withdraw" size="small" priority="tertiary" onClick={() => setWithdrawing(c)}>
                Retirer
              </Button>
            ) : (
              '—'
            ),
          ])}
        />
      )}
      {withdrawing && (
        <WithdrawForm
          situationId={situationId}
          consent={withdrawing}
          onDone={() => {
            setWithdrawing(null);
            onChange();
          }}
        />
      )}
      <RecordForm situationId={situationId} onDone={onChange} />
    </>
  );
}
