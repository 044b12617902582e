import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Input from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { api, type Schemas } from '../api/client';
import { useLatest } from '../app/latest';

export type Organization = Schemas['DirectoryOrganizationDto'];
export type Person = Schemas['PersonDto'];
type OrganizationKind = Organization['kind'];

const PAGE = 200;
/** Enter in a search field searches (it already does as one types); it must not submit the surrounding form. */
const keepFormOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};
const SEARCH_DELAY_MS = 300;

/** Every organisation of one kind, all pages together, fetched once per screen (null while loading). */
export function useOrganizationsOfKind(kind: OrganizationKind): { organizations: Organization[] | null; failed: boolean } {
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all: Organization[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const { data } = await api.GET('/api/directory/organizations', {
          params: { query: { kind, limit: PAGE as never, offset: offset as never } },
        });
        if (cancelled) return;
        if (!data) return setFailed(true);
        all.push(...data.items);
        if (data.items.length < PAGE || all.length >= data.total) break;
      }
      setOrganizations(all.sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    })();
    return () => {
      cancelled = true;
    };
  }, [kind]);
  return { organizations, failed };
}

/** A search as the person types (from two characters), debounced; only the latest answer is applied. */
function useDirectorySearch<T>(query: string, search: (q: string) => Promise<T[] | undefined>): { results: T[] | null; failed: boolean } {
  const [results, setResults] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useLatest();
  useEffect(() => {
    const q = query.trim();
    const current = latest();
    if (q.length < 2) {
      setResults(null);
      setFailed(false);
      return;
    }
    const timer = setTimeout(() => {
      void search(q).then((found) => {
        if (!current()) return;
        setFailed(found === undefined);
        setResults(found ?? []);
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // `search` is a stable module-level function for each picker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, latest]);
  return { results, failed };
}

const searchOrganizations = async (q: string) =>
  (await api.GET('/api/directory/organizations', { params: { query: { q, limit: 20 as never } } })).data?.items;
const searchMembers = async (q: string) =>
  (await api.GET('/api/directory/people', { params: { query: { q, limit: 50 as never } } })).data?.items.filter((p) =>
    p.roles.includes('member'),
  );

function SearchStatus({
  count,
  failed,
  noun,
  feminine,
}: {
  count: number | null;
  failed: boolean;
  noun: [string, string];
  feminine: boolean;
}) {
  const e = feminine ? 'e' : '';
  const text = failed
    ? 'La recherche a échoué. Réessayez.'
    : count === null
      ? ''
      : count === 0
        ? `Aucun${e} ${noun[0]} trouvé${e}.`
        : `${count} ${count > 1 ? noun[1] : noun[0]} trouvé${e}${count > 1 ? 's' : ''}.`;
  return (
    <p role="status" className="fr-hint-text fr-mb-2w">
      {text}
    </p>
  );
}

/**
 * Structures chosen by name (several): a search field, the matches as checkboxes, the chosen ones listed
 * with a button to remove each. Identifiers never show.
 */
export function OrganizationsPicker({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  value: Organization[];
  onChange: (value: Organization[]) => void;
}) {
  const [query, setQuery] = useState('');
  const { results, failed } = useDirectorySearch(query, searchOrganizations);
  const chosen = new Set(value.map((o) => o.id));
  const toggle = (organization: Organization, on: boolean) =>
    onChange(on ? [...value.filter((o) => o.id !== organization.id), organization] : value.filter((o) => o.id !== organization.id));
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </legend>
      <div className="fr-fieldset__element">
        {value.length === 0 ? (
          <p className="fr-mb-2w">Aucune structure refusée.</p>
        ) : (
          <ul className="fr-mb-2w" aria-label="Structures retenues">
            {value.map((organization) => (
              <li key={organization.id}>
                {organization.name}{' '}
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  onClick={() => toggle(organization, false)}
                  title={`Retirer ${organization.name}`}
                >
                  Retirer
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Input
          label="Rechercher une structure"
          hintText="Au moins deux lettres du nom"
          nativeInputProps={{
            type: 'search',
            value: query,
            onChange: (e) => setQuery(e.target.value),
            onKeyDown: keepFormOnEnter,
            autoComplete: 'off',
          }}
        />
        <SearchStatus count={results?.length ?? null} failed={failed} noun={['structure', 'structures']} feminine />
        {results && results.length > 0 && (
          <Checkbox
            legend="Structures trouvées"
            small
            options={results.map((organization) => ({
              label: organization.name,
              nativeInputProps: { checked: chosen.has(organization.id), onChange: (e) => toggle(organization, e.target.checked) },
            }))}
          />
        )}
      </div>
    </fieldset>
  );
}

/** One member of the commission chosen by name: a search field and the matches as radio buttons. */
export function MemberPicker({ value, onChange, name }: { value: Person | null; onChange: (value: Person | null) => void; name: string }) {
  const [query, setQuery] = useState('');
  const { results, failed } = useDirectorySearch(query, searchMembers);
  const describe = (person: Person) =>
    person.organizationName ? `${person.displayName} — ${person.organizationName}` : person.displayName;
  return (
    <>
      <Input
        label="Rechercher un membre de la commission"
        hintText="Au moins deux lettres du nom"
        nativeInputProps={{
          type: 'search',
          value: query,
          onChange: (e) => setQuery(e.target.value),
          onKeyDown: keepFormOnEnter,
          autoComplete: 'off',
        }}
      />
      <SearchStatus count={results?.length ?? null} failed={failed} noun={['membre', 'membres']} feminine={false} />
      {results && results.length > 0 && (
        <RadioButtons
          legend="Membres trouvés"
          name={name}
          small
          options={results.map((person) => ({
            label: describe(person),
            nativeInputProps: { value: person.id, checked: value?.id === person.id, onChange: () => onChange(person) },
          }))}
        />
      )}
    </>
  );
}

const searchPeople = async (q: string) =>
  (await api.GET('/api/directory/people', { params: { query: { q, limit: 50 as never } } })).data?.items;
const describePerson = (person: Person) =>
  person.organizationName ? `${person.displayName} — ${person.organizationName}` : person.displayName;

/** People chosen by name (several): a search field, the matches as checkboxes, the chosen ones listed with a button to remove each. */
export function PeoplePicker({ label, value, onChange }: { label: string; value: Person[]; onChange: (value: Person[]) => void }) {
  const [query, setQuery] = useState('');
  const { results, failed } = useDirectorySearch(query, searchPeople);
  const chosen = new Set(value.map((p) => p.id));
  const toggle = (person: Person, on: boolean) =>
    onChange(on ? [...value.filter((p) => p.id !== person.id), person] : value.filter((p) => p.id !== person.id));
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">{label}</legend>
      <div className="fr-fieldset__element">
        {value.length === 0 ? (
          <p className="fr-mb-2w">Personne n’est retenu.</p>
        ) : (
          <ul className="fr-mb-2w" aria-label="Personnes retenues">
            {value.map((person) => (
              <li key={person.id}>
                {describePerson(person)}{' '}
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  onClick={() => toggle(person, false)}
                  title={`Retirer ${person.displayName}`}
                >
                  Retirer
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Input
          label="Rechercher une personne"
          hintText="Au moins deux lettres du nom"
          nativeInputProps={{
            type: 'search',
            value: query,
            onChange: (e) => setQuery(e.target.value),
            onKeyDown: keepFormOnEnter,
            autoComplete: 'off',
          }}
        />
        <SearchStatus count={results?.length ?? null} failed={failed} noun={['personne', 'personnes']} feminine />
        {results && results.length > 0 && (
          <Checkbox
            legend="Personnes trouvées"
            small
            options={results.map((person) => ({
              label: describePerson(person),
              nativeInputProps: { checked: chosen.has(person.id), onChange: (e) => toggle(person, e.target.checked) },
            }))}
          />
        )}
      </div>
    </fieldset>
  );
}

/** One person, or one structure, chosen by name: a search field and the matches as radio buttons. */
function SinglePicker<T extends { id: string }>({
  label,
  name,
  value,
  onChange,
  search,
  describe,
  noun,
  feminine,
}: {
  label: string;
  name: string;
  value: T | null;
  onChange: (value: T | null) => void;
  search: (q: string) => Promise<T[] | undefined>;
  describe: (item: T) => string;
  noun: [string, string];
  feminine: boolean;
}) {
  const [query, setQuery] = useState('');
  const { results, failed } = useDirectorySearch(query, search);
  return (
    <>
      <Input
        label={label}
        hintText="Au moins deux lettres du nom"
        nativeInputProps={{
          type: 'search',
          value: query,
          onChange: (e) => setQuery(e.target.value),
          onKeyDown: keepFormOnEnter,
          autoComplete: 'off',
        }}
      />
      <SearchStatus count={results?.length ?? null} failed={failed} noun={noun} feminine={feminine} />
      {results && results.length > 0 && (
        <RadioButtons
          legend={`${noun[1][0].toUpperCase()}${noun[1].slice(1)} trouvé${feminine ? 'e' : ''}s`}
          name={name}
          small
          options={results.map((item) => ({
            label: describe(item),
            nativeInputProps: { value: item.id, checked: value?.id === item.id, onChange: () => onChange(item) },
          }))}
        />
      )}
    </>
  );
}

export function PersonPicker({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: Person | null;
  onChange: (value: Person | null) => void;
}) {
  return (
    <SinglePicker
      label={label}
      name={name}
      value={value}
      onChange={onChange}
      search={searchPeople}
      describe={describePerson}
      noun={['personne', 'personnes']}
      feminine
    />
  );
}

export function OrganizationPicker({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: Organization | null;
  onChange: (value: Organization | null) => void;
}) {
  return (
    <SinglePicker
      label={label}
      name={name}
      value={value}
      onChange={onChange}
      search={searchOrganizations}
      describe={(o) => o.name}
      noun={['structure', 'structures']}
      feminine
    />
  );
}

/** Every person of the directory, all pages, as a map from id to name (to show names where the API gives ids). */
export function usePeopleNames(): Map<string, Person> {
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all = new Map<string, Person>();
      for (let offset = 0; ; offset += PAGE) {
        const { data } = await api.GET('/api/directory/people', { params: { query: { limit: PAGE as never, offset: offset as never } } });
        if (cancelled || !data) return;
        for (const person of data.items) all.set(person.id, person);
        if (data.items.length < PAGE || all.size >= data.total) break;
      }
      setPeople(all);
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return people;
}

/** Every structure of the directory, all pages, as a map from id to name. */
export function useOrganizationNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const all = new Map<string, string>();
      for (let offset = 0; ; offset += PAGE) {
        const { data } = await api.GET('/api/directory/organizations', {
          params: { query: { limit: PAGE as never, offset: offset as never } },
        });
        if (cancelled || !data) return;
        for (const organization of data.items) all.set(organization.id, organization.name);
        if (data.items.length < PAGE || all.size >= data.total) break;
      }
      setNames(all);
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return names;
}
