import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import Table from '@codegouvfr/react-dsfr/Table';
import { useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { formatDate, formatDateTime } from '../app/labels';

type Session = Schemas['SessionDto'];
type Item = Schemas['AgendaItemViewDto'];
type Outcome = Schemas['OutcomeViewDto'];
type Recommendation = Schemas['RecommendationViewDto'];
type Apply = (call: Promise<{ data?: Session; error?: unknown }>, done: string) => Promise<boolean>;

/** A person as the API names them beside their id. */
const who = (userId: string | null | undefined, name: string | null | undefined) =>
  userId ? (name ?? 'Compte inconnu de l’annuaire') : '—';

/**
 * Correcting an item's outcome (coordinator or chair, once the session is held): the corrected summary
 * or next review date, and why; its history lists every version with who wrote it, who replaced it,
 * when and why.
 */
export function OutcomeCorrection({
  session,
  item,
  outcome,
  canCorrect,
  apply,
}: {
  session: Session;
  item: Item;
  outcome: Outcome;
  canCorrect: boolean;
  apply: Apply;
}) {
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(outcome.summary);
  const [nextReview, setNextReview] = useState(outcome.nextReviewDate ?? '');
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<Schemas['OutcomeVersionDto'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { id: session.id, itemId: item.id };

  const loadHistory = async () => {
    setError(null);
    const { data, error: failure } = await api.GET('/api/sessions/{id}/items/{itemId}/outcome/versions', { params: { path } });
    setHistory(data ?? null);
    if (!data) setError(problemText(failure));
  };
  const start = () => {
    setSummary(outcome.summary);
    setNextReview(outcome.nextReviewDate ?? '');
    setReason('');
    setEditing(true);
  };
  const correct = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      reason: reason.trim(),
      ...(summary.trim() !== outcome.summary ? { summary: summary.trim() } : {}),
      ...(nextReview && nextReview !== (outcome.nextReviewDate ?? '') ? { nextReviewDate: nextReview } : {}),
    };
    if (!body.summary && !body.nextReviewDate)
      return setError('Modifiez la synthèse ou la date du prochain examen avant d’enregistrer la correction.');
    setError(null);
    const ok = await apply(
      api.PATCH('/api/sessions/{id}/items/{itemId}/outcome', { params: { path }, body }),
      `Compte rendu du point ${item.reference} corrigé.`,
    );
    if (ok) {
      setEditing(false);
      if (history) await loadHistory();
    }
  };

  return (
    <div className="fr-mb-2w">
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        {canCorrect && !editing && (
          <Button
            priority="secondary"
            onClick={start}
            nativeButtonProps={{ 'aria-label': `Corriger le compte rendu du point ${item.reference}` }}
          >
            Corriger le compte rendu
          </Button>
        )}
        <Button
          priority="tertiary"
          onClick={() => void loadHistory()}
          nativeButtonProps={{ 'aria-label': `Historique du compte rendu du point ${item.reference}` }}
        >
          Historique du compte rendu
        </Button>
      </div>
      {error && <Alert severity="error" small description={error} className="fr-mb-2w" role="alert" />}
      {editing && (
        <form onSubmit={(e) => void correct(e)} aria-label={`Corriger le compte rendu du point ${item.reference}`} className="fr-mb-2w">
          <Input
            label="Synthèse corrigée"
            textArea
            nativeTextAreaProps={{ required: true, rows: 4, value: summary, onChange: (e) => setSummary(e.target.value) }}
          />
          <Input
            label="Prochain examen (facultatif)"
            nativeInputProps={{ type: 'date', value: nextReview, onChange: (e) => setNextReview(e.target.value) }}
          />
          <Input
            label="Motif de la correction"
            hintText="Conservé avec la version remplacée"
            nativeInputProps={{ required: true, maxLength: 2000, value: reason, onChange: (e) => setReason(e.target.value) }}
          />
          <div className="fr-btns-group fr-btns-group--inline-sm">
            <Button type="submit">Enregistrer la correction</Button>
            <Button type="button" priority="secondary" onClick={() => setEditing(false)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
      {history &&
        (history.length === 0 ? (
          <p role="status">Ce compte rendu n’a jamais été corrigé.</p>
        ) : (
          <Table
            caption={`Versions du compte rendu du point ${item.reference}`}
            headers={['Version', 'Synthèse', 'Prochain examen', 'Rédigée par', 'Remplacée par', 'Motif de la correction']}
            data={[
              ...history.map((v) => [
                `Version ${v.version}`,
                v.summary,
                formatDate(v.nextReviewDate),
                `${who(v.recordedBy, v.recordedByName)}, le ${formatDateTime(v.recordedAt)}`,
                `${who(v.replacedBy, v.replacedByName)}, le ${formatDateTime(v.replacedAt)}`,
                v.reason,
              ]),
              [
                `Version ${history[history.length - 1].version + 1} (en vigueur)`,
                outcome.summary,
                formatDate(outcome.nextReviewDate),
                `${who(history[history.length - 1].replacedBy, history[history.length - 1].replacedByName)}, le ${formatDateTime(history[history.length - 1].replacedAt)}`,
                '—',
                '—',
              ],
            ]}
          />
        ))}
    </div>
  );
}

/** Correcting one préconisation (action, due date) with a reason, and its history of versions. */
export function RecommendationCorrection({
  recommendation,
  canCorrect,
  onCorrected,
}: {
  recommendation: Recommendation;
  canCorrect: boolean;
  onCorrected: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState(recommendation.action);
  const [dueDate, setDueDate] = useState(recommendation.dueDate);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<Schemas['RecommendationVersionDto'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const path = { id: recommendation.id };
  const label = `la préconisation « ${recommendation.action} »`;

  const loadHistory = async () => {
    setError(null);
    const { data, error: failure } = await api.GET('/api/recommendations/{id}/versions', { params: { path } });
    setHistory(data ?? null);
    if (!data) setError(problemText(failure));
  };
  const start = () => {
    setAction(recommendation.action);
    setDueDate(recommendation.dueDate);
    setReason('');
    setNotice(null);
    setEditing(true);
  };
  const correct = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      reason: reason.trim(),
      ...(action.trim() !== recommendation.action ? { action: action.trim() } : {}),
      ...(dueDate !== recommendation.dueDate ? { dueDate } : {}),
    };
    if (!body.action && !body.dueDate) return setError('Modifiez l’action ou l’échéance avant d’enregistrer la correction.');
    setError(null);
    const { data, error: failure } = await api.POST('/api/recommendations/{id}/corrections', { params: { path }, body });
    if (!data) return setError(problemText(failure));
    setEditing(false);
    setNotice('Préconisation corrigée.');
    await onCorrected();
    if (history) await loadHistory();
  };
  const carrier = (r: {
    carrierUserId: string | null;
    carrierUserName?: string | null;
    carrierOrganizationId: string | null;
    carrierOrganizationName?: string | null;
  }) =>
    [
      r.carrierOrganizationId ? (r.carrierOrganizationName ?? 'Structure inconnue de l’annuaire') : null,
      r.carrierUserId ? who(r.carrierUserId, r.carrierUserName) : null,
    ]
      .filter(Boolean)
      .join(' — ') || '—';

  return (
    <div>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        {canCorrect && !editing && (
          <Button priority="secondary" onClick={start} nativeButtonProps={{ 'aria-label': `Corriger ${label}` }}>
            Corriger
          </Button>
        )}
        <Button priority="tertiary" onClick={() => void loadHistory()} nativeButtonProps={{ 'aria-label': `Historique de ${label}` }}>
          Historique
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className="fr-text--sm">{notice}</p>}
      </div>
      {error && <Alert severity="error" small description={error} role="alert" />}
      {editing && (
        <form onSubmit={(e) => void correct(e)} aria-label={`Corriger ${label}`}>
          <Input
            label="Action corrigée"
            nativeInputProps={{ required: true, maxLength: 2000, value: action, onChange: (e) => setAction(e.target.value) }}
          />
          <Input
            label="Échéance corrigée"
            nativeInputProps={{ type: 'date', required: true, value: dueDate, onChange: (e) => setDueDate(e.target.value) }}
          />
          <Input
            label="Motif de la correction"
            nativeInputProps={{ required: true, maxLength: 2000, value: reason, onChange: (e) => setReason(e.target.value) }}
          />
          <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <Button type="submit">Enregistrer la correction</Button>
            <Button type="button" priority="secondary" onClick={() => setEditing(false)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
      {history &&
        (history.length === 0 ? (
          <p role="status">Jamais corrigée.</p>
        ) : (
          <Table
            caption={`Versions de ${label}`}
            headers={['Version', 'Action', 'Porteur', 'Échéance', 'Remplacée par', 'Motif']}
            data={[
              ...history.map((v) => [
                `Version ${v.version}`,
                v.action,
                carrier(v),
                formatDate(v.dueDate),
                `${who(v.replacedBy, v.replacedByName)}, le ${formatDateTime(v.replacedAt)}`,
                v.reason,
              ]),
              [
                `Version ${recommendation.version} (en vigueur)`,
                recommendation.action,
                carrier(recommendation),
                formatDate(recommendation.dueDate),
                '—',
                '—',
              ],
            ]}
          />
        ))}
    </div>
  );
}
