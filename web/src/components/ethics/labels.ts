import type { Schemas } from '../../api/client';
import { ROLE_LABELS } from '../../app/labels';

type AuditEvent = Schemas['AuditEventDto'];
type Role = keyof typeof ROLE_LABELS;

/** Why someone had access (the purpose the audit trail records), in words. */
export const PURPOSE_LABELS: Record<string, string> = {
  agenda_item: 'Point d’ordre du jour d’une séance',
  session: 'Séance de la commission',
  pilot: 'Référent de la situation',
  recommendation_carrier: 'Porteur d’une préconisation',
  convened_member: 'Membre convoqué',
  invitee: 'Invité à une séance',
  referral: 'Saisine ou orientation DAC',
  duplicate_check: 'Contrôle des doublons',
  retention: 'Durée de conservation',
  role: 'Rôle',
  coordination: 'Mission de coordination',
};
export const OUTCOME_LABELS: Record<AuditEvent['outcome'], string> = { granted: 'Accordé', denied: 'Refusé', error: 'Erreur' };
export const ACTION_LABELS: Record<string, string> = {
  'situation.read': 'Lecture du dossier',
  'situation.list': 'Liste des situations',
  'situation.create': 'Dépôt de la saisine',
  'situation.update': 'Modification du dossier',
  'situation.transition': 'Changement d’état',
  'document.download': 'Téléchargement d’un document',
  'document.upload': 'Dépôt d’un document',
  'consent.record': 'Consentement enregistré',
};
/** The kinds of break the verification of the chain reports, in words. */
export const BREAK_LABELS: Record<Schemas['BrokenEntryDto']['kind'], string> = {
  missing_entry: 'entrée manquante',
  broken_link: 'lien rompu avec l’entrée précédente',
  hash_mismatch: 'empreinte différente du contenu enregistré',
  invalid_mac: 'code d’authentification invalide',
  columns_differ: 'colonnes modifiées après l’enregistrement',
  invalid_checkpoint_signature: 'signature d’un point de contrôle invalide',
  checkpoint_mismatch: 'entrée différente de celle qu’un point de contrôle signé couvre',
  truncated_tail: 'entrées supprimées en fin de journal',
  checkpoint_missing: 'point de contrôle signé manquant',
};
export const roleLabel = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : '—');
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;
export const purposeLabel = (purpose: AuditEvent['purpose']) => (purpose ? (PURPOSE_LABELS[purpose.type] ?? purpose.type) : '—');

/** A calendar date typed in a date field (the commission's local time) as the instant its day starts. */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();
/** The instant the day after `date` starts: an exclusive upper bound that includes the whole day. */
export const endOfDay = (date: string) => {
  const next = new Date(`${date}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};
