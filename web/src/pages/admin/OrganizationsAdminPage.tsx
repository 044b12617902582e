import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../../api/client';
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from '../../app/admin';
import { useTitle } from '../../app/App';
import { formatDate } from '../../app/labels';

type Organization = Schemas['OrganizationDto'];
const PAGE = 200;

/** Every structure of the CLSM, all pages (an administrator's list, not the directory search). */
export async function loadOrganizations(): Promise<Organization[]> {
  const all: Organization[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data, error } = await api.GET('/api/organizations', { params: { query: { limit: PAGE as never, offset: offset as never } } });
    if (!data) throw error;
    all.push(...data.items);
    if (data.items.length < PAGE || all.length >= data.total) return all;
  }
}

export function KindSelect({
  value,
  onChange,
  label = 'Type de structure',
}: {
  value: OrganizationKind | '';
  onChange: (kind: OrganizationKind) => void;
  label?: string;
}) {
  return (
    <Select label={label} nativeSelectProps={{ required: true, value, onChange: (e) => onChange(e.target.value as OrganizationKind) }}>
      <option value="" disabled>
        Choisir un type
      </option>
      {Object.entries(ORGANIZATION_KIND_LABELS).map(([kind, text]) => (
        <option key={kind} value={kind}>
          {text}
        </option>
      ))}
    </Select>
  );
}

/** Administration: the structures accounts belong to (names and kinds, nothing of a case). */
export function OrganizationsAdminPage() {
  useTitle('Structures');
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [editing, setEditing] = useState<Organization | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setOrganizations(await loadOrganizations());
    } catch (failure) {
      setError(problemText(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <>
      <h1>Structures</h1>
      <p>Les structures partenaires du conseil local de santé mentale auxquelles les comptes sont rattachés.</p>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {organizations && (
        <Table
          caption={`Structures (${organizations.length})`}
          headers={['Nom', 'Type', 'Créée le', 'Action']}
          data={organizations.map((o) => [
            o.name,
            ORGANIZATION_KIND_LABELS[o.kind],
            formatDate(o.createdAt),
            <Button key="edit" size="small" priority="tertiary" onClick={() => (setNotice(null), setEditing(o))}>
              Modifier<span className="fr-sr-only"> la structure {o.name}</span>
            </Button>,
          ])}
        />
      )}
      {editing && (
        <OrganizationForm
          key={editing.id}
          organization={editing}
          onDone={async (message) => {
            setEditing(null);
            setNotice(message);
            await load();
          }}
          onCancel={() => setEditing(null)}
          onError={setError}
        />
      )}
      <OrganizationForm
        onDone={async (message) => {
          setNotice(message);
          await load();
        }}
        onError={setError}
      />
    </>
  );
}

function OrganizationForm({
  organization,
  onDone,
  onCancel,
  onError,
}: {
  organization?: Organization;
  onDone: (message: string) => Promise<void>;
  onCancel?: () => void;
  onError: (message: string | null) => void;
}) {
  const [name, setName] = useState(organization?.name ?? '');
  const [kind, setKind] = useState<OrganizationKind | ''>(organization?.kind ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (organization) heading.current?.focus();
  }, [organization]);
  const title = organization ? `Modifier la structure ${organization.name}` : 'Créer une structure';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    if (!kind) return onError('Choisissez le type de la structure.');
    const body = { name: name.trim(), kind };
    const { data, error } = organization
      ? await api.PATCH('/api/organizations/{id}', { params: { path: { id: organization.id } }, body })
      : await api.POST('/api/organizations', { body });
    if (!data) return onError(problemText(error));
    if (!organization) {
      setName('');
      setKind('');
    }
    await onDone(organization ? `Structure ${data.name} enregistrée.` : `Structure ${data.name} créée.`);
  };

  return (
    <section className="fr-mt-4w" aria-labelledby={organization ? 'modifier-structure' : 'creer-structure'}>
      <h2 id={organization ? 'modifier-structure' : 'creer-structure'} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <form onSubmit={(e) => void submit(e)} aria-label={title}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Nom de la structure"
              nativeInputProps={{ required: true, maxLength: 200, value: name, onChange: (e) => setName(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <KindSelect value={kind} onChange={setKind} />
          </div>
        </div>
        <Button type="submit" className="fr-mr-2w fr-mt-2w">
          {organization ? 'Enregistrer la structure' : 'Créer la structure'}
        </Button>
        {onCancel && (
          <Button type="button" priority="secondary" className="fr-mt-2w" onClick={onCancel}>
            Annuler
          </Button>
        )}
      </form>
    </section>
  );
}
