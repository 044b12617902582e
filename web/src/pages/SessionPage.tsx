import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import Input from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import Select from '@codegouvfr/react-dsfr/Select';
import Table from '@codegouvfr/react-dsfr/Table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, authorizationHeader, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { formatDate, formatDateTime, PERSON_RESPONSE_LABELS, RECOMMENDATION_STATUS_LABELS } from '../app/labels';
import { Link } from '../app/router';
import { useUser } from '../app/session';
import {
  MemberPicker,
  OrganizationPicker,
  PeoplePicker,
  PersonPicker,
  usePeopleNames,
  type Organization,
  type Person,
} from '../components/DirectoryPickers';
import { OutcomeCorrection, RecommendationCorrection } from '../components/Corrections';
import { SessionStatus } from '../components/StatusBadge';

type Session = Schemas['SessionDto'];
type Item = Schemas['AgendaItemViewDto'];
/** ethics/policy.yaml, access_window.days_after_session. */
const WINDOW_DAYS = 30;
const MEMBERS_PAGE = 200;

/** A session: its agenda, attendance, outcomes and préconisations per item, its minutes. */
export function SessionPage({ id }: { id: string }) {
  useTitle('Séance');
  const user = useUser();
  const coordinator = user.roles.includes('coordinator');
  const people = usePeopleNames();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data, error: failure } = await api.GET('/api/sessions/{id}', { params: { path: { id } } });
    if (data) setSession(data);
    else setError(problemText(failure, 'Cette séance est introuvable.'));
  }, [id]);
  useEffect(() => void load(), [load]);

  /** Applies a call that answers the session, with a message for screen readers. */
  const apply = async (call: Promise<{ data?: Session; error?: unknown }>, done: string): Promise<boolean> => {
    setError(null);
    setNotice(null);
    const { data, error: failure } = await call;
    if (!data) {
      setError(problemText(failure));
      return false;
    }
    setSession(data);
    setNotice(done);
    return true;
  };

  if (!session)
    return error ? <Alert severity="error" title="Séance indisponible" description={error} /> : <p role="status">Chargement…</p>;
  const editable = coordinator && (session.status === 'planned' || session.status === 'agenda_published');
  const held = session.status === 'held';
  // Corrections of outcomes and préconisations: the coordinator or the chair, once the session is held.
  const canCorrect = (coordinator || session.chairUserId === user.id) && (held || session.status === 'minutes_approved');
  const windowEnd = new Date(new Date(session.scheduledAt).getTime() + WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const changeStatus = (to: 'agenda_published' | 'held' | 'cancelled', done: string) =>
    void apply(api.POST('/api/sessions/{id}/status', { params: { path: { id } }, body: { to } }), done);

  return (
    <>
      <p className="fr-mb-1w">
        <Link href="/seances" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Toutes les séances
        </Link>
      </p>
      <h1>Séance du {formatDateTime(session.scheduledAt)}</h1>
      <p>
        <SessionStatus status={session.status} />
      </p>
      <ul>
        <li>Lieu : {session.location}</li>
        <li>Présidence : {session.chairUserId ? (session.chairUserName ?? 'Compte retiré de l’annuaire') : 'Non désignée'}</li>
        {session.status !== 'cancelled' && (
          <li>
            Accès au dossier des membres convoqués et des invités (pour leur seul point) : de la publication de l’ordre du jour jusqu’au{' '}
            {formatDate(windowEnd)}
            {session.status === 'planned' ? ' (pas encore ouvert)' : ''}.
          </li>
        )}
      </ul>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}

      {coordinator && (
        <div className="fr-btns-group fr-btns-group--inline-md fr-mb-3w">
          {session.status === 'planned' && (
            <Button
              onClick={() =>
                changeStatus('agenda_published', 'Ordre du jour publié : les membres convoqués et les invités ont accès à leurs points.')
              }
            >
              Publier l’ordre du jour
            </Button>
          )}
          {session.status === 'agenda_published' && (
            <Button onClick={() => changeStatus('held', 'La séance est tenue.')}>Déclarer la séance tenue</Button>
          )}
          {(session.status === 'planned' || session.status === 'agenda_published') && (
            <Button priority="secondary" onClick={() => changeStatus('cancelled', 'Séance annulée.')}>
              Annuler la séance
            </Button>
          )}
        </div>
      )}

      {coordinator && (editable || held) && <ChairForm session={session} apply={apply} />}

      <h2>Ordre du jour</h2>
      {session.items.length === 0 && <p>Aucun point à l’ordre du jour.</p>}
      {session.items.map((item, index) => (
        <AgendaItem
          key={item.id}
          session={session}
          item={item}
          index={index}
          editable={editable}
          held={held}
          coordinator={coordinator}
          canCorrect={canCorrect}
          people={people}
          apply={apply}
          reload={load}
        />
      ))}
      {editable && <AddItem session={session} apply={apply} />}
      {coordinator && held && <Attendance session={session} apply={apply} />}
      {(held || session.status === 'minutes_approved') && (
        <Minutes session={session} chair={session.chairUserId === user.id} coordinator={coordinator} onChange={load} />
      )}
    </>
  );
}

type Apply = (call: Promise<{ data?: Session; error?: unknown }>, done: string) => Promise<boolean>;

function AgendaItem({
  session,
  item,
  index,
  editable,
  held,
  coordinator,
  canCorrect,
  people,
  apply,
  reload,
}: {
  session: Session;
  item: Item;
  index: number;
  editable: boolean;
  held: boolean;
  coordinator: boolean;
  canCorrect: boolean;
  people: Map<string, Person>;
  apply: Apply;
  reload: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [invitees, setInvitees] = useState<Person[]>([]);
  const ids = session.items.map((i) => i.id);
  const move = (delta: number) => {
    const order = [...ids];
    order.splice(index, 1);
    order.splice(index + delta, 0, item.id);
    void apply(
      api.PUT('/api/sessions/{id}/items/order', { params: { path: { id: session.id } }, body: { itemIds: order } }),
      `Point ${item.reference} déplacé.`,
    );
  };
  const startEditing = () => {
    setInvitees((item.invitedUserIds ?? []).map((userId) => people.get(userId)).filter((p): p is Person => !!p));
    setEditing(true);
  };
  const saveInvitees = async () => {
    const ok = await apply(
      api.PUT('/api/sessions/{id}/items/{itemId}/invitees', {
        params: { path: { id: session.id, itemId: item.id } },
        body: { invitedUserIds: invitees.map((p) => p.id) },
      }),
      `Invités du point ${item.reference} enregistrés.`,
    );
    if (ok) setEditing(false);
  };
  return (
    <section className="fr-card fr-p-3w fr-mb-3w" aria-labelledby={`point-${item.id}`}>
      <h3 id={`point-${item.id}`} className="fr-h5">
        Point {index + 1} — <Link href={`/situations/${item.situationId}`}>Situation {item.reference}</Link>
      </h3>
      {item.invitedUserIds && (
        <p>
          Invités pour ce point seulement :{' '}
          {item.invitedUserIds.length === 0
            ? 'aucun'
            : (item.invitedUserNames ?? []).map((name) => name ?? 'Compte retiré de l’annuaire').join(', ')}
        </p>
      )}
      {editable && (
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <Button
            priority="secondary"
            disabled={index === 0}
            onClick={() => move(-1)}
            nativeButtonProps={{ 'aria-label': `Monter le point ${item.reference}` }}
          >
            Monter
          </Button>
          <Button
            priority="secondary"
            disabled={index === ids.length - 1}
            onClick={() => move(1)}
            nativeButtonProps={{ 'aria-label': `Descendre le point ${item.reference}` }}
          >
            Descendre
          </Button>
          <Button
            priority="secondary"
            onClick={startEditing}
            nativeButtonProps={{ 'aria-label': `Inviter pour le point ${item.reference}` }}
          >
            Inviter
          </Button>
          <Button
            priority="tertiary"
            onClick={() =>
              void apply(
                api.DELETE('/api/sessions/{id}/items/{itemId}', { params: { path: { id: session.id, itemId: item.id } }, body: {} }),
                `Point ${item.reference} retiré de l’ordre du jour.`,
              )
            }
            nativeButtonProps={{ 'aria-label': `Retirer le point ${item.reference}` }}
          >
            Retirer
          </Button>
        </div>
      )}
      {editing && (
        <div className="fr-mt-2w">
          <PeoplePicker label={`Invités pour le point ${item.reference}`} value={invitees} onChange={setInvitees} />
          <Button onClick={() => void saveInvitees()}>Enregistrer les invités</Button>
        </div>
      )}
      {item.outcome ? (
        <OutcomeView session={session} item={item} outcome={item.outcome} canCorrect={canCorrect} apply={apply} reload={reload} />
      ) : (
        held && coordinator && !item.destroyed && <OutcomeForm session={session} item={item} apply={apply} />
      )}
    </section>
  );
}

function OutcomeView({
  session,
  item,
  outcome,
  canCorrect,
  apply,
  reload,
}: {
  session: Session;
  item: Item;
  outcome: Schemas['OutcomeViewDto'];
  canCorrect: boolean;
  apply: Apply;
  reload: () => Promise<void>;
}) {
  return (
    <div className="fr-mt-2w">
      <h4 className="fr-h6">Compte rendu</h4>
      <p>{outcome.summary}</p>
      <p>
        Avis de la personne : {PERSON_RESPONSE_LABELS[outcome.personResponse.status]}
        {outcome.personResponse.on ? ` (le ${formatDate(outcome.personResponse.on)})` : ''}
        {outcome.nextReviewDate ? ` — prochain examen le ${formatDate(outcome.nextReviewDate)}` : ''}
      </p>
      {outcome.recommendations.length > 0 && (
        <Table
          caption="Préconisations"
          headers={['Action', 'Structure porteuse', 'Personne porteuse', 'Échéance', 'État']}
          data={outcome.recommendations.map((r) => [
            r.action,
            r.carrierOrganizationId ? (r.carrierOrganizationName ?? '…') : '—',
            r.carrierUserId ? (r.carrierUserName ?? '…') : '—',
            formatDate(r.dueDate),
            RECOMMENDATION_STATUS_LABELS[r.status],
          ])}
        />
      )}
      <OutcomeCorrection session={session} item={item} outcome={outcome} canCorrect={canCorrect} apply={apply} />
      {/* Their histories are for the coordination and the chair (the carriers follow theirs in the follow-up). */}
      {canCorrect && outcome.recommendations.length > 0 && (
        <>
          <h5 className="fr-h6">Corrections des préconisations</h5>
          <ul className="fr-raw-list">
            {outcome.recommendations.map((r) => (
              <li key={r.id} className="fr-mb-2w">
                <p className="fr-mb-1w">Préconisation « {r.action} »</p>
                <RecommendationCorrection recommendation={r} canCorrect={canCorrect} onCorrected={reload} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface DraftRecommendation {
  action: string;
  organization: Organization | null;
  person: Person | null;
  dueDate: string;
}

/** The outcome of one item: summary, préconisations (carrier structure and person, due date), the référent, the person's response. */
function OutcomeForm({ session, item, apply }: { session: Session; item: Item; apply: Apply }) {
  const [summary, setSummary] = useState('');
  const [pilot, setPilot] = useState<Person | null>(null);
  const [recommendations, setRecommendations] = useState<DraftRecommendation[]>([]);
  const [draft, setDraft] = useState<DraftRecommendation>({ action: '', organization: null, person: null, dueDate: '' });
  const [response, setResponse] = useState<Schemas['PersonResponseDto']['status']>('not_yet_asked');
  const [respondedOn, setRespondedOn] = useState('');
  const [nextReview, setNextReview] = useState('');
  const [local, setLocal] = useState<string | null>(null);

  const addRecommendation = () => {
    if (!draft.action.trim() || !draft.dueDate || (!draft.organization && !draft.person)) {
      setLocal('Une préconisation a une action, une échéance et un porteur (structure ou personne).');
      return;
    }
    setLocal(null);
    setRecommendations([...recommendations, draft]);
    setDraft({ action: '', organization: null, person: null, dueDate: '' });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!pilot) return setLocal('Choisissez le référent qui suit la situation.');
    setLocal(null);
    await apply(
      api.PUT('/api/sessions/{id}/items/{itemId}/outcome', {
        params: { path: { id: session.id, itemId: item.id } },
        body: {
          summary: summary.trim(),
          pilotUserId: pilot.id,
          recommendations: recommendations.map((r) => ({
            action: r.action.trim(),
            dueDate: r.dueDate,
            ...(r.organization ? { carrierOrganizationId: r.organization.id } : {}),
            ...(r.person ? { carrierUserId: r.person.id } : {}),
          })),
          personResponse: { status: response, ...(response !== 'not_yet_asked' && respondedOn ? { on: respondedOn } : {}) },
          ...(nextReview ? { nextReviewDate: nextReview } : {}),
        },
      }),
      `Compte rendu du point ${item.reference} enregistré.`,
    );
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label={`Compte rendu du point ${item.reference}`} className="fr-mt-2w">
      <h4 className="fr-h6">Compte rendu et préconisations</h4>
      <Input
        label="Synthèse des échanges"
        textArea
        nativeTextAreaProps={{ required: true, rows: 4, value: summary, onChange: (e) => setSummary(e.target.value) }}
      />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Référent qui suit la situation</legend>
        <div className="fr-fieldset__element">
          <MemberPicker value={pilot} onChange={setPilot} name={`pilote-${item.id}`} />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Préconisations</legend>
        <div className="fr-fieldset__element">
          {recommendations.length === 0 ? (
            <p>Aucune préconisation ajoutée.</p>
          ) : (
            <ul aria-label="Préconisations ajoutées">
              {recommendations.map((r, i) => (
                <li key={i}>
                  {r.action} — {[r.organization?.name, r.person?.displayName].filter(Boolean).join(', ')} — échéance le{' '}
                  {formatDate(r.dueDate)}
                </li>
              ))}
            </ul>
          )}
          <Input
            label="Action préconisée"
            nativeInputProps={{ value: draft.action, onChange: (e) => setDraft({ ...draft, action: e.target.value }) }}
          />
          <OrganizationPicker
            label="Structure porteuse"
            name={`structure-${item.id}`}
            value={draft.organization}
            onChange={(organization) => setDraft({ ...draft, organization })}
          />
          <PersonPicker
            label="Personne porteuse"
            name={`porteur-${item.id}`}
            value={draft.person}
            onChange={(person) => setDraft({ ...draft, person })}
          />
          <Input
            label="Échéance"
            nativeInputProps={{ type: 'date', value: draft.dueDate, onChange: (e) => setDraft({ ...draft, dueDate: e.target.value }) }}
          />
          <Button type="button" priority="secondary" onClick={addRecommendation}>
            Ajouter la préconisation
          </Button>
        </div>
      </fieldset>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Avis de la personne"
            nativeSelectProps={{ value: response, onChange: (e) => setResponse(e.target.value as Schemas['PersonResponseDto']['status']) }}
          >
            {Object.entries(PERSON_RESPONSE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        {response !== 'not_yet_asked' && (
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Date de sa réponse"
              nativeInputProps={{ type: 'date', required: true, value: respondedOn, onChange: (e) => setRespondedOn(e.target.value) }}
            />
          </div>
        )}
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Prochain examen (facultatif)"
            nativeInputProps={{ type: 'date', value: nextReview, onChange: (e) => setNextReview(e.target.value) }}
          />
        </div>
      </div>
      {local && <Alert severity="error" small description={local} className="fr-mb-2w" />}
      <Button type="submit">Enregistrer le compte rendu</Button>
    </form>
  );
}

/** A situation put on the agenda, found by its reference, with invitees for that item only. */
function AddItem({ session, apply }: { session: Session; apply: Apply }) {
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<Schemas['SituationPageDto']['items'] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [invitees, setInvitees] = useState<Person[]>([]);
  const [local, setLocal] = useState<string | null>(null);

  const search = async () => {
    setLocal(null);
    const { data, error } = await api.GET('/api/situations', { params: { query: { reference: reference.trim(), limit: 20 as never } } });
    if (!data) return setLocal(problemText(error));
    const onAgenda = new Set(session.items.map((i) => i.situationId));
    setFound(data.items.filter((s) => !onAgenda.has(s.id)));
    setChosen(null);
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setLocal('Choisissez une situation.');
    const situation = found?.find((s) => s.id === chosen);
    const ok = await apply(
      api.POST('/api/sessions/{id}/items', {
        params: { path: { id: session.id } },
        body: { situationId: chosen, invitedUserIds: invitees.map((p) => p.id), personAttends: false, carersAttend: false },
      }),
      `Situation ${situation?.reference ?? ''} inscrite à l’ordre du jour.`,
    );
    if (ok) {
      setFound(null);
      setChosen(null);
      setReference('');
      setInvitees([]);
    }
  };
  return (
    <form onSubmit={(e) => void add(e)} aria-label="Ajouter un point à l’ordre du jour" className="fr-mb-4w">
      <h3>Ajouter un point</h3>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Référence de la situation"
            hintText="Exemple : CC-2026-0042"
            nativeInputProps={{
              value: reference,
              onChange: (e) => setReference(e.target.value),
              onKeyDown: (e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void search();
                }
              },
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6 fr-mb-3w">
          <Button type="button" priority="secondary" iconId="fr-icon-search-line" onClick={() => void search()}>
            Rechercher la situation
          </Button>
        </div>
      </div>
      {found && found.length === 0 && <p role="status">Aucune situation trouvée.</p>}
      {found && found.length > 0 && (
        <RadioButtons
          legend="Situations trouvées"
          name="situation"
          options={found.map((s) => ({
            label: `${s.reference}`,
            nativeInputProps: { value: s.id, checked: chosen === s.id, onChange: () => setChosen(s.id) },
          }))}
        />
      )}
      <PeoplePicker label="Invités pour ce point seulement" value={invitees} onChange={setInvitees} />
      {local && <Alert severity="error" small description={local} className="fr-mb-2w" />}
      <Button type="submit">Ajouter à l’ordre du jour</Button>
    </form>
  );
}

/**
 * Naming (or changing) the chair: until the session is held, and while held as long as the minutes
 * are not approved (the chair approves them, and is not their author).
 */
function ChairForm({ session, apply }: { session: Session; apply: Apply }) {
  const [open, setOpen] = useState(false);
  const [chair, setChair] = useState<Person | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!chair) return;
    const ok = await apply(
      api.PATCH('/api/sessions/{id}', { params: { path: { id: session.id } }, body: { chairUserId: chair.id } }),
      `Présidence confiée à ${chair.displayName}.`,
    );
    if (ok) {
      setOpen(false);
      setChair(null);
    }
  };
  if (!open)
    return (
      <p>
        <Button priority="secondary" size="small" onClick={() => setOpen(true)}>
          {session.chairUserId ? 'Changer la présidence' : 'Désigner la présidence'}
        </Button>
      </p>
    );
  return (
    <form onSubmit={(e) => void save(e)} aria-label="Présidence de la séance" className="fr-mb-3w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Présidence de la séance (elle approuve le procès-verbal)</legend>
        <div className="fr-fieldset__element">
          <MemberPicker value={chair} onChange={setChair} name="presidence-seance" />
          {chair && <p>Présidence retenue : {chair.displayName}</p>}
        </div>
      </fieldset>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <Button type="submit" disabled={!chair}>
          Enregistrer la présidence
        </Button>
        <Button type="button" priority="secondary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

/** Who was there: the commission's members and each item's invitees. */
function Attendance({ session, apply }: { session: Session; apply: Apply }) {
  const [members, setMembers] = useState<Schemas['CommissionMemberDto'][]>([]);
  const [present, setPresent] = useState<Set<string>>(new Set());
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Every page: a commission may have more members than one page holds.
      const all: Schemas['CommissionMemberDto'][] = [];
      for (let offset = 0; ; offset += MEMBERS_PAGE) {
        const { data } = await api.GET('/api/commission/members', {
          params: { query: { limit: MEMBERS_PAGE as never, offset: offset as never } },
        });
        if (cancelled || !data) return;
        all.push(...data.items);
        if (data.items.length < MEMBERS_PAGE || all.length >= data.total) break;
      }
      setMembers(all.filter((m) => m.active));
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  const invitees = session.items.flatMap((item) =>
    (item.invitedUserIds ?? []).map((userId, index) => ({
      userId,
      name: item.invitedUserNames?.[index] ?? 'Compte retiré de l’annuaire',
      itemId: item.id,
      reference: item.reference,
    })),
  );
  const key = (userId: string, itemId?: string) => (itemId ? `${userId}:${itemId}` : userId);
  const toggle = (k: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(k);
    else next.delete(k);
    setPresent(next);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const attendees: Schemas['AttendeeDto'][] = [
      ...members
        .filter((m) => present.has(key(m.userId)))
        .map((m) => ({ userId: m.userId, as: m.kind === 'substitute' ? ('substitute' as const) : ('member' as const) })),
      ...invitees
        .filter((i) => present.has(key(i.userId, i.itemId)))
        .map((i) => ({ userId: i.userId, as: 'invitee' as const, itemIds: [i.itemId] })),
    ];
    await apply(
      api.POST('/api/sessions/{id}/attendance', {
        params: { path: { id: session.id } },
        body: { attendees, personAttendedItemIds: [], carersAttendedItemIds: [] },
      }),
      'Présences enregistrées.',
    );
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label="Présences" className="fr-mb-4w">
      <h2>Présences</h2>
      {members.length > 0 && (
        <Checkbox
          legend="Membres de la commission présents"
          options={members.map((m) => ({
            label: m.userName ?? 'Compte retiré de l’annuaire',
            nativeInputProps: { checked: present.has(key(m.userId)), onChange: (e) => toggle(key(m.userId), e.target.checked) },
          }))}
        />
      )}
      {invitees.length > 0 && (
        <Checkbox
          legend="Invités présents (pour leur point)"
          options={invitees.map((i) => ({
            label: `${i.name} — point ${i.reference}`,
            nativeInputProps: {
              checked: present.has(key(i.userId, i.itemId)),
              onChange: (e) => toggle(key(i.userId, i.itemId), e.target.checked),
            },
          }))}
        />
      )}
      <Button type="submit">Enregistrer les présences</Button>
    </form>
  );
}

/** Minutes per item: drafted by the coordination while the session is held, approved by the chair, then downloadable as a PDF. */
function Minutes({
  session,
  chair,
  coordinator,
  onChange,
}: {
  session: Session;
  chair: boolean;
  coordinator: boolean;
  onChange: () => Promise<void>;
}) {
  const [minutes, setMinutes] = useState<Schemas['MinutesViewDto'] | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/api/sessions/{id}/minutes', { params: { path: { id: session.id } } }).then(({ data }) => {
      setMinutes(data ?? null);
      if (data) setTexts(Object.fromEntries(data.items.map((s) => [s.itemId, s.text])));
    });
  }, [session.id, session.status]);
  const approved = session.status === 'minutes_approved';
  const withOutcome = session.items.filter((item) => item.outcome);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const items = withOutcome.filter((item) => texts[item.id]?.trim()).map((item) => ({ itemId: item.id, text: texts[item.id].trim() }));
    const { data, error: failure } = await api.PUT('/api/sessions/{id}/minutes', { params: { path: { id: session.id } }, body: { items } });
    if (data) {
      setMinutes(data);
      setNotice('Procès-verbal enregistré ; la présidence peut l’approuver.');
    } else setError(problemText(failure));
  };
  const approve = async () => {
    setError(null);
    const { data, error: failure } = await api.POST('/api/sessions/{id}/minutes/approve', { params: { path: { id: session.id } } });
    if (data) {
      setMinutes(data);
      setNotice('Procès-verbal approuvé : il est désormais figé.');
      await onChange();
    } else setError(problemText(failure));
  };
  const download = async () => {
    setError(null);
    const response = await fetch(`/api/sessions/${encodeURIComponent(session.id)}/minutes/pdf`, { headers: authorizationHeader() });
    if (!response.ok) return setError(problemText(await response.json().catch(() => null), 'Le téléchargement a échoué.'));
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `proces-verbal-${session.id}.pdf`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="proces-verbal" className="fr-mb-4w">
      <h2 id="proces-verbal">Procès-verbal</h2>
      <div role="status" aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {approved && minutes && <p>Approuvé le {formatDateTime(minutes.approvedAt)} ; il ne peut plus être modifié.</p>}
      {!approved && minutes?.draftedBy && <p>Rédigé ; en attente de l’approbation de la présidence.</p>}
      {coordinator && !approved ? (
        withOutcome.length === 0 ? (
          <p>Enregistrez le compte rendu d’un point avant de rédiger le procès-verbal.</p>
        ) : (
          <form onSubmit={(e) => void save(e)} aria-label="Rédaction du procès-verbal">
            {withOutcome.map((item) => (
              <Input
                key={item.id}
                label={`Procès-verbal du point ${item.reference}`}
                textArea
                nativeTextAreaProps={{
                  rows: 4,
                  value: texts[item.id] ?? '',
                  onChange: (e) => setTexts({ ...texts, [item.id]: e.target.value }),
                }}
              />
            ))}
            <Button type="submit">Enregistrer le procès-verbal</Button>
          </form>
        )
      ) : (
        minutes?.items.map((section) => (
          <div key={section.itemId}>
            <h3 className="fr-h6">Point {section.reference}</h3>
            <p>{section.text}</p>
          </div>
        ))
      )}
      {chair && !approved && minutes?.draftedBy && (
        <Button className="fr-mt-2w" onClick={() => void approve()}>
          Approuver le procès-verbal
        </Button>
      )}
      {approved && (
        <Button className="fr-mt-2w" priority="secondary" iconId="fr-icon-download-line" onClick={() => void download()}>
          Télécharger le procès-verbal (PDF)
        </Button>
      )}
    </section>
  );
}
