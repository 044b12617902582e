import type { Schemas } from '../api/client';

type Status = Schemas['SituationDto']['status'];
type Area = Schemas['SituationDto']['problemAreas'][number];

export const STATUS_LABELS: Record<Status, string> = {
  submitted: 'Déposée',
  admissible: 'Recevable',
  rejected: 'Non recevable',
  redirected: 'Réorientée',
  in_preparation: 'En préparation',
  scheduled: 'Inscrite en séance',
  reviewed: 'Examinée',
  follow_up: 'En suivi',
  closed: 'Clôturée',
};

/** The service's state machine (src/situations/situation.constants.ts): the next states offered. */
export const NEXT_STATUSES: Record<Status, Status[]> = {
  submitted: ['admissible', 'rejected', 'redirected'],
  admissible: ['in_preparation', 'closed'],
  in_preparation: ['scheduled', 'closed'],
  scheduled: ['reviewed', 'closed'],
  reviewed: ['follow_up', 'scheduled', 'closed'],
  follow_up: ['closed'],
  rejected: [],
  redirected: [],
  closed: [],
};

export const AREA_LABELS: Record<Area, string> = {
  housing: 'Logement',
  care_continuity: 'Continuité des soins',
  isolation: 'Isolement',
  neighbourhood_conflict: 'Conflit de voisinage',
  access_to_rights: 'Accès aux droits',
  addiction: 'Addiction',
  family: 'Famille',
  other: 'Autre',
};

export const ROLE_LABELS: Record<Schemas['UserDto']['roles'][number], string> = {
  admin: 'Administration',
  coordinator: 'Coordination',
  member: 'Membre de la cellule',
  referrer: 'Professionnel orienteur',
  ethics: 'Comité d’éthique',
  dac: 'Liaison DAC',
};

export const CATEGORY_LABELS: Record<Schemas['UserDto']['professionalCategory'], string> = {
  physician: 'Médecin',
  nurse: 'Infirmier ou infirmière',
  psychologist: 'Psychologue',
  social_worker: 'Travailleur social',
  educator: 'Éducateur',
  legal_protector: 'Mandataire judiciaire',
  housing_officer: 'Bailleur social',
  elected_official: 'Élu',
  peer_worker: 'Pair-aidant',
  administrative: 'Administratif',
  coordinator: 'Coordination',
  other: 'Autre',
};

export const SEX_LABELS: Record<Schemas['IdentityDto']['sex'], string> = {
  female: 'Femme',
  male: 'Homme',
  other: 'Autre',
  unknown: 'Non renseigné',
};

export const MEASURE_LABELS: Record<Schemas['LegalProtectionDto']['measure'], string> = {
  sauvegarde_de_justice: 'Sauvegarde de justice',
  curatelle: 'Curatelle',
  curatelle_renforcee: 'Curatelle renforcée',
  tutelle: 'Tutelle',
  habilitation_familiale: 'Habilitation familiale',
  mandat_protection_future: 'Mandat de protection future',
};

export const PURPOSE_LABELS: Record<Schemas['ConsentDto']['purpose'], string> = {
  review: 'Examen de la situation par la cellule',
  dac_transmission: 'Transmission au DAC',
  attendance: 'Présence en séance',
};

/** What a purpose allows while its consent is in force (ethics/policy.yaml, consent_purposes). */
export const PURPOSE_ALLOWS: Record<Schemas['ConsentDto']['purpose'], string> = {
  review: 'les membres convoqués et le pilote peuvent consulter le dossier et la situation peut être préparée pour une séance',
  dac_transmission: 'la situation peut être orientée vers un dispositif d’appui à la coordination (DAC)',
  attendance: 'la personne peut être invitée à assister à la séance',
};

export const DECISION_LABELS: Record<Schemas['ConsentDto']['decision'], string> = {
  given: 'Donné',
  refused: 'Refusé',
  withdrawn: 'Retiré',
};

export const GROUP_LABELS: Record<Schemas['CreateReferralDto']['sharedGroups'][number], string> = {
  identity: 'Identité',
  contact: 'Coordonnées',
  social: 'Situation sociale',
  health: 'Santé',
  narrative: 'Récit de la situation',
};

export const REFERRAL_STATUS_LABELS: Record<Schemas['ReferralDto']['status'], string> = {
  draft: 'Brouillon',
  sent: 'Envoyée',
  acknowledged: 'Reçue par le DAC',
  accepted: 'Acceptée',
  declined: 'Refusée',
  closed: 'Clôturée',
  withdrawn: 'Retirée',
  received: 'Reçue par la commission',
  under_review: 'En cours d’examen',
  redirected: 'Réorientée',
};

export const formatDate = (value: string | null | undefined) =>
  value ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(value)) : '—';
export const formatDateTime = (value: string | null | undefined) =>
  value
    ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(value))
    : '—';

export const SESSION_STATUS_LABELS: Record<Schemas['SessionDto']['status'], string> = {
  planned: 'En préparation',
  agenda_published: 'Ordre du jour publié',
  held: 'Tenue',
  minutes_approved: 'Procès-verbal approuvé',
  cancelled: 'Annulée',
};

export const PERSON_RESPONSE_LABELS: Record<Schemas['PersonResponseDto']['status'], string> = {
  agreed: 'D’accord',
  partly_agreed: 'En partie d’accord',
  refused: 'En désaccord',
  not_yet_asked: 'Pas encore sollicitée',
};

export const RECOMMENDATION_STATUS_LABELS: Record<Schemas['RecommendationViewDto']['status'], string> = {
  open: 'En cours',
  done: 'Réalisée',
  abandoned: 'Abandonnée',
  transferred: 'Transférée',
};

/** Statistics (the Bilan): why a cell is not published (src/statistics/suppression.ts). */
export const SUPPRESSION_LABELS: Record<NonNullable<Schemas['StatCellDto']['suppressed']>, string> = {
  primary: 'secret primaire : un petit effectif',
  secondary: 'secret secondaire : masqué pour qu’aucun petit effectif ne puisse être recalculé',
};

/** The sections of the Bilan, by the key of the API's table (the API gives each table's French title). */
export const STATISTICS_TABLE_LABELS: Record<string, string> = {
  saisinesByMonth: 'Saisines par mois',
  saisinesByReferrerKind: 'Saisines par type de structure à l’origine de la saisine',
  saisinesByProblemArea: 'Saisines par problématique',
  saisinesByBirthDecadeAndSex: 'Saisines par décennie de naissance et par sexe',
  admissibility: 'Décisions de recevabilité',
  recommendationsByStatusAndCarrierKind: 'Préconisations par état et par type de structure porteuse',
  dacReferralsByDirectionAndStatus: 'Orientations DAC par sens et par issue',
  closuresByOutcome: 'Clôtures par issue',
};

/** A calendar day (AAAA-MM-JJ) in words, e.g. « 1 janvier 2026 ». */
export const formatDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A number of days with one decimal at most, in French (« 12,5 jours »). */
export const formatDays = (days: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(days)} jour${days >= 2 ? 's' : ''}`;
