import Alert from '@codegouvfr/react-dsfr/Alert';
import Badge from '@codegouvfr/react-dsfr/Badge';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Input from '@codegouvfr/react-dsfr/Input';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../../api/client';
import { useTitle } from '../../app/App';
import { CATEGORY_LABELS, formatDate, ROLE_LABELS } from '../../app/labels';
import { useUser } from '../../app/session';
import { Pager } from '../NotificationsPage';
import { loadOrganizations } from './OrganizationsAdminPage';

type Account = Schemas['UserDto'];
type Role = Account['roles'][number];
type Category = Account['professionalCategory'];
const PAGE = 20;
/** Administrators are created from the command line only: the screens never offer the role. */
const ASSIGNABLE_ROLES = (Object.keys(ROLE_LABELS) as Role[]).filter((role) => role !== 'admin');
const PENDING = 'La part qui élargit l’accès est en attente de l’approbation du comité d’éthique.';

/** Administration: accounts, their state, second factor, single sign-on identifier and access. Nothing of a case. */
export function AccountsAdminPage() {
  useTitle('Comptes');
  const me = useUser();
  const [organizations, setOrganizations] = useState<Map<string, string>>(new Map());
  const [page, setPage] = useState<Schemas['UserPageDto'] | null>(null);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data, error: failure } = await api.GET('/api/users', {
      params: { query: { limit: PAGE as never, offset: offset as never, ...(search ? { q: search } : {}) } },
    });
    if (data) setPage(data);
    else setError(problemText(failure));
  }, [offset, search]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    loadOrganizations().then(
      (all) => setOrganizations(new Map(all.map((o) => [o.id, o.name]))),
      (failure) => setError(problemText(failure)),
    );
  }, []);

  const changed = async (account: Account, message: string) => {
    setError(null);
    setNotice(message);
    setSelected(account);
    await load();
  };

  return (
    <>
      <h1>Comptes</h1>
      <p>Les comptes des professionnels : création, désactivation, second facteur, identifiant de connexion unique et accès.</p>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}

      <form
        role="search"
        aria-label="Rechercher un compte"
        className="fr-grid-row fr-grid-row--bottom fr-mb-2w"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setSearch(query.trim());
        }}
      >
        <div className="fr-col-12 fr-col-md-6 fr-mr-2w">
          <Input
            label="Rechercher un compte"
            hintText="Une partie du nom ou de l’adresse électronique"
            nativeInputProps={{ type: 'search', maxLength: 100, value: query, onChange: (e) => setQuery(e.target.value) }}
          />
        </div>
        <Button type="submit" className="fr-mb-3w">
          Rechercher
        </Button>
      </form>

      {page && (
        <>
          <p>
            {page.total === 0
              ? 'Aucun compte trouvé.'
              : `${page.total} compte${page.total > 1 ? 's' : ''}${search ? ' trouvé' + (page.total > 1 ? 's' : '') : ''}.`}
          </p>
          {page.items.length > 0 && (
            <Table
              caption="Comptes"
              headers={['Nom', 'Adresse électronique', 'Structure', 'Rôles', 'État', 'Second facteur', 'Action']}
              data={page.items.map((a) => [
                a.displayName,
                a.email,
                a.organizationId ? (a.organizationName ?? '…') : '—',
                a.roles.length ? a.roles.map((role) => ROLE_LABELS[role]).join(', ') : 'Aucun',
                a.active ? (
                  <Badge key="state" small severity="success" noIcon>
                    Actif
                  </Badge>
                ) : (
                  <Badge key="state" small severity="error" noIcon>
                    Désactivé
                  </Badge>
                ),
                a.secondFactorEnrolled ? 'Configuré' : 'À configurer',
                a.id === me.id ? (
                  'Votre compte'
                ) : (
                  <Button key="manage" size="small" priority="tertiary" onClick={() => (setNotice(null), setSelected(a))}>
                    Gérer<span className="fr-sr-only"> le compte de {a.displayName}</span>
                  </Button>
                ),
              ])}
            />
          )}
          <Pager offset={offset} limit={PAGE} total={page.total} noun="comptes" onChange={setOffset} />
        </>
      )}

      {selected && (
        <ManageAccount
          key={selected.id}
          account={selected}
          organizationName={selected.organizationName ?? undefined}
          organizations={organizations}
          onChanged={changed}
          onError={setError}
          onClose={() => setSelected(null)}
        />
      )}
      <CreateAccount organizations={organizations} onCreated={changed} onError={setError} />
    </>
  );
}

function RolesField({ legend, value, onChange }: { legend: string; value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <Checkbox
      legend={legend}
      hintText="L’administration, le comité d’éthique et les rôles sur les dossiers ne se cumulent pas."
      options={ASSIGNABLE_ROLES.map((role) => ({
        label: ROLE_LABELS[role],
        nativeInputProps: {
          checked: value.includes(role),
          onChange: (e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role)),
        },
      }))}
    />
  );
}

function CategorySelect({ value, onChange }: { value: Category | ''; onChange: (category: Category) => void }) {
  return (
    <Select
      label="Catégorie professionnelle"
      hint="Elle décide des parties d’un dossier que la personne peut lire."
      nativeSelectProps={{ required: true, value, onChange: (e) => onChange(e.target.value as Category) }}
    >
      <option value="" disabled>
        Choisir une catégorie
      </option>
      {Object.entries(CATEGORY_LABELS).map(([category, text]) => (
        <option key={category} value={category}>
          {text}
        </option>
      ))}
    </Select>
  );
}

/** The structures by name; '' for none. */
function StructureSelect({
  organizations,
  value,
  onChange,
}: {
  organizations: Map<string, string>;
  value: string;
  onChange: (organizationId: string) => void;
}) {
  return (
    <Select label="Structure" nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      <option value="">Aucune structure</option>
      {[...organizations.entries()]
        .sort((a, b) => a[1].localeCompare(b[1], 'fr'))
        .map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
    </Select>
  );
}

function CreateAccount({
  organizations,
  onCreated,
  onError,
}: {
  organizations: Map<string, string>;
  onCreated: (account: Account, message: string) => Promise<void>;
  onError: (message: string | null) => void;
}) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [category, setCategory] = useState<Category | ''>('');
  const [professionalId, setProfessionalId] = useState('');
  const [password, setPassword] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onError(null);
    if (roles.length === 0) return onError('Choisissez au moins un rôle.');
    if (!category) return onError('Choisissez la catégorie professionnelle.');
    const { data, error } = await api.POST('/api/users', {
      body: {
        displayName: displayName.trim(),
        email: email.trim(),
        organizationId: organizationId || undefined,
        roles,
        professionalCategory: category,
        professionalId: professionalId.trim() || undefined,
        password,
      },
    });
    if (!data) return onError(problemText(error));
    setDisplayName('');
    setEmail('');
    setOrganizationId('');
    setRoles([]);
    setCategory('');
    setProfessionalId('');
    setPassword('');
    await onCreated(data, `Compte de ${data.displayName} créé.${data.pendingAccessChangeId ? ` ${PENDING}` : ''}`);
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="creer-compte">
      <h2 id="creer-compte">Créer un compte</h2>
      <form onSubmit={(e) => void submit(e)} aria-label="Créer un compte">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Nom affiché"
              nativeInputProps={{ required: true, maxLength: 200, value: displayName, onChange: (e) => setDisplayName(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Adresse électronique"
              nativeInputProps={{
                type: 'email',
                required: true,
                maxLength: 254,
                autoComplete: 'off',
                value: email,
                onChange: (e) => setEmail(e.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <StructureSelect organizations={organizations} value={organizationId} onChange={setOrganizationId} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <CategorySelect value={category} onChange={setCategory} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Identifiant professionnel (facultatif)"
              hintText="RPPS ou ADELI, pour la connexion par Pro Santé Connect"
              nativeInputProps={{
                maxLength: 64,
                pattern: '[0-9A-Za-z]{1,64}',
                value: professionalId,
                onChange: (e) => setProfessionalId(e.target.value),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Mot de passe provisoire"
              hintText="Au moins 12 caractères, à transmettre à la personne par un autre canal"
              nativeInputProps={{
                type: 'password',
                required: true,
                minLength: 12,
                maxLength: 256,
                autoComplete: 'new-password',
                value: password,
                onChange: (e) => setPassword(e.target.value),
              }}
            />
          </div>
        </div>
        <RolesField legend="Rôles" value={roles} onChange={setRoles} />
        <Button type="submit">Créer le compte</Button>
      </form>
    </section>
  );
}

function ManageAccount({
  account,
  organizationName,
  organizations,
  onChanged,
  onError,
  onClose,
}: {
  account: Account;
  organizationName: string | undefined;
  organizations: Map<string, string>;
  onChanged: (account: Account, message: string) => Promise<void>;
  onError: (message: string | null) => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [professionalId, setProfessionalId] = useState(account.professionalId ?? '');
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [category, setCategory] = useState<Category>(account.professionalCategory);
  const [organizationId, setOrganizationId] = useState(account.organizationId ?? '');
  useEffect(() => heading.current?.focus(), []);
  const name = account.displayName;

  const patch = async (body: Schemas['UpdateUserDto'], message: (updated: Account) => string) => {
    onError(null);
    const { data, error } = await api.PATCH('/api/users/{id}', { params: { path: { id: account.id } }, body });
    if (!data) return onError(problemText(error));
    await onChanged(data, message(data));
  };
  const resetSecondFactor = async () => {
    onError(null);
    const { data, error } = await api.POST('/api/users/{id}/second-factor/reset', { params: { path: { id: account.id } } });
    if (!data) return onError(problemText(error));
    await onChanged(
      data,
      `Second facteur de ${name} réinitialisé : ses sessions sont fermées et un nouveau second facteur lui sera demandé à la prochaine connexion.`,
    );
  };
  const saveProfessionalId = (event: FormEvent) => {
    event.preventDefault();
    const value = professionalId.trim();
    void patch({ professionalId: value || null }, () =>
      value ? `Identifiant professionnel ${value} lié au compte de ${name}.` : `Connexion unique retirée du compte de ${name}.`,
    );
  };
  const saveAccess = (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return onError('Choisissez au moins un rôle.');
    const moves = organizationId !== (account.organizationId ?? '');
    void patch({ roles, professionalCategory: category, ...(moves ? { organizationId: organizationId || null } : {}) }, (updated) =>
      updated.pendingAccessChangeId
        ? `Demande de modification des accès de ${name} transmise. ${PENDING}`
        : `Accès de ${name} enregistrés.`,
    );
  };

  return (
    <section className="fr-mt-4w fr-p-3w" style={{ border: '1px solid var(--border-default-grey)' }} aria-labelledby="gerer-compte">
      <h2 id="gerer-compte" tabIndex={-1} ref={heading}>
        Compte de {name}
      </h2>
      <dl className="fr-mb-2w">
        <dt className="fr-text--bold">Adresse électronique</dt>
        <dd>{account.email}</dd>
        <dt className="fr-text--bold">Structure</dt>
        <dd>{organizationName ?? 'Aucune'}</dd>
        <dt className="fr-text--bold">Catégorie professionnelle</dt>
        <dd>{CATEGORY_LABELS[account.professionalCategory]}</dd>
        <dt className="fr-text--bold">Rôles</dt>
        <dd>{account.roles.length ? account.roles.map((role) => ROLE_LABELS[role]).join(', ') : 'Aucun'}</dd>
        <dt className="fr-text--bold">État</dt>
        <dd>{account.active ? 'Actif' : 'Désactivé'}</dd>
        <dt className="fr-text--bold">Second facteur</dt>
        <dd>{account.secondFactorEnrolled ? 'Configuré' : 'À configurer à la prochaine connexion'}</dd>
        <dt className="fr-text--bold">Créé le</dt>
        <dd>{formatDate(account.createdAt)}</dd>
      </dl>

      <h3>État et second facteur</h3>
      <div className="fr-mb-4w">
        {account.active ? (
          <Button
            priority="secondary"
            className="fr-mr-2w"
            onClick={() => void patch({ active: false }, () => `Compte de ${name} désactivé : ses sessions sont fermées.`)}
          >
            Désactiver le compte
          </Button>
        ) : (
          <Button
            priority="secondary"
            className="fr-mr-2w"
            onClick={() => void patch({ active: true }, () => `Compte de ${name} réactivé.`)}
          >
            Réactiver le compte
          </Button>
        )}
        <Button priority="secondary" disabled={!account.secondFactorEnrolled} onClick={() => void resetSecondFactor()}>
          Réinitialiser le second facteur
        </Button>
      </div>

      <h3>Connexion unique</h3>
      <form onSubmit={saveProfessionalId} aria-label="Connexion unique" className="fr-mb-4w">
        <Input
          label="Identifiant professionnel (RPPS ou ADELI)"
          hintText="Lie le compte à la connexion par Pro Santé Connect ; laisser vide pour la retirer"
          nativeInputProps={{
            maxLength: 64,
            pattern: '[0-9A-Za-z]{1,64}',
            value: professionalId,
            onChange: (e) => setProfessionalId(e.target.value),
          }}
        />
        <Button type="submit" priority="secondary">
          Enregistrer l’identifiant
        </Button>
      </form>

      <h3>Accès</h3>
      <p>
        Un rôle sur les dossiers, le rôle de comité d’éthique, une catégorie qui lit davantage ou le rattachement d’un compte qui tient un
        rôle sur les dossiers à une nouvelle structure ne s’appliquent qu’après l’approbation du comité d’éthique.
      </p>
      <form onSubmit={saveAccess} aria-label="Modifier les accès">
        <RolesField legend="Rôles" value={roles} onChange={setRoles} />
        <CategorySelect value={category} onChange={setCategory} />
        <StructureSelect organizations={organizations} value={organizationId} onChange={setOrganizationId} />
        <Button type="submit" className="fr-mr-2w">
          Demander la modification des accès
        </Button>
        <Button type="button" priority="tertiary" onClick={onClose}>
          Fermer
        </Button>
      </form>
    </section>
  );
}
