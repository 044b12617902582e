export const SITUATION_STATUSES = [
  'submitted',
  'admissible',
  'rejected',
  'redirected',
  'in_preparation',
  'scheduled',
  'reviewed',
  'follow_up',
  'closed',
] as const;
export type SituationStatus = (typeof SITUATION_STATUSES)[number];

export const PROBLEM_AREAS = [
  'housing',
  'care_continuity',
  'isolation',
  'neighbourhood_conflict',
  'access_to_rights',
  'addiction',
  'family',
  'other',
] as const;
export type ProblemArea = (typeof PROBLEM_AREAS)[number];

export const CLOSURE_OUTCOMES = [
  'resolved',
  'partially_resolved',
  'not_resolved',
  'person_declined',
  'moved_away',
  'deceased',
  'redirected',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const REDIRECTION_TARGETS = ['dac', 'other_service'] as const;
export type RedirectionTarget = (typeof REDIRECTION_TARGETS)[number];

export const LEGAL_PROTECTION_MEASURES = [
  'sauvegarde_de_justice',
  'curatelle',
  'curatelle_renforcee',
  'tutelle',
  'habilitation_familiale',
  'mandat_protection_future',
] as const;

/**
 * The workflow. `closed` is reachable from every active state (with an outcome). A scheduled
 * situation goes back to preparation when its session is cancelled or its item removed; a
 * situation in follow-up returns to the commission (scheduled) for a review.
 */
export const TRANSITIONS: Record<SituationStatus, readonly SituationStatus[]> = {
  submitted: ['admissible', 'rejected', 'redirected'],
  admissible: ['in_preparation', 'closed'],
  in_preparation: ['scheduled', 'closed'],
  scheduled: ['reviewed', 'in_preparation', 'closed'],
  reviewed: ['follow_up', 'scheduled', 'closed'],
  follow_up: ['scheduled', 'closed'],
  rejected: [],
  redirected: [],
  closed: [],
};

/** Going back in the workflow: the reason is required, so that the history says why. */
export const BACKWARD_TRANSITIONS: readonly `${SituationStatus}>${SituationStatus}`[] = ['scheduled>in_preparation', 'follow_up>scheduled'];

/** States in which a situation is still being handled (duplicate detection looks only at these). */
export const OPEN_STATUSES: readonly SituationStatus[] = [
  'submitted',
  'admissible',
  'in_preparation',
  'scheduled',
  'reviewed',
  'follow_up',
];

/** Encrypted field groups of a case file; the ethics policy says who may read each. */
export const FIELD_GROUPS = ['identity', 'contact', 'social', 'health', 'narrative', 'documents'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
