import { ProblemType, type ProblemDetails } from './problem.js';

/**
 * PostgreSQL refusals that a client's input can cause, answered as 4xx problems instead of a 500.
 * Validation in the DTOs catches almost all of them first; this is the last line, for what only
 * the database knows (an id that does not exist, a duplicate, a rule across columns). Nothing of
 * PostgreSQL's message or detail is repeated: they quote the offending values.
 */

/** The fields of the API that each foreign key checks (constraint names are PostgreSQL's defaults). */
const FIELD_BY_FOREIGN_KEY: Record<string, string> = {
  user_account_organization_id_fkey: 'organizationId',
  access_change_organization_id_fkey: 'organizationId',
  consent_document_id_fkey: 'documentId',
  consent_withdraws_consent_id_fkey: 'consentId',
  situation_relation_user_id_fkey: 'userId',
  commission_member_user_id_fkey: 'userId',
  commission_member_substitute_for_fkey: 'substituteFor',
  session_stand_in_member_id_fkey: 'memberId',
  session_stand_in_substitute_member_id_fkey: 'substituteMemberId',
  agenda_item_situation_id_fkey: 'situationId',
  agenda_invitation_user_id_fkey: 'invitedUserIds',
  attendance_user_id_fkey: 'attendees.userId',
  attendance_item_id_fkey: 'itemIds',
  recommendation_carrier_user_id_fkey: 'recommendations.carrierUserId',
  recommendation_carrier_organization_id_fkey: 'recommendations.carrierOrganizationId',
  referral_situation_id_fkey: 'situationId',
  referral_dac_organization_id_fkey: 'dacOrganizationId',
  referral_clsm_contact_user_id_fkey: 'clsmContactUserId',
};

interface PostgresError {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** The PostgreSQL error behind a TypeORM QueryFailedError, or a pg DatabaseError itself. */
export function postgresError(exception: unknown): PostgresError | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const candidate = (exception as { driverError?: unknown }).driverError ?? exception;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { code, severity } = candidate as { code?: unknown; severity?: unknown };
  // pg's DatabaseError carries a SQLSTATE and a severity; Node system errors have a code only.
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || typeof severity !== 'string') return undefined;
  return candidate as PostgresError;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

function foreignKeyField(error: PostgresError): string | undefined {
  if (!error.constraint) return undefined;
  const known = FIELD_BY_FOREIGN_KEY[error.constraint];
  if (known) return known;
  // PostgreSQL names an unnamed foreign key <table>_<column>_fkey.
  if (error.table && error.constraint.startsWith(`${error.table}_`) && error.constraint.endsWith('_fkey')) {
    return camelCase(error.constraint.slice(error.table.length + 1, -'_fkey'.length));
  }
  return undefined;
}

const badRequest = (detail: string): ProblemDetails => ({ type: ProblemType.validation, title: 'Requête invalide', status: 400, detail });

/** The problem to answer for a PostgreSQL error caused by the input, or undefined for anything else. */
export function problemFromDatabaseError(exception: unknown): ProblemDetails | undefined {
  const error = postgresError(exception);
  if (!error) return undefined;
  switch (error.code) {
    case '23503': {
      const field = foreignKeyField(error);
      return {
        type: ProblemType.unknownReference,
        title: 'Demande impossible à traiter',
        status: 422,
        detail: field
          ? `La requête désigne un élément qui n'existe pas (${field}).`
          : "La requête désigne un élément qui n'existe pas ou n'est plus référencé.",
        ...(field ? { errors: [{ field, messages: [`${field} ne désigne aucun élément existant`] }] } : {}),
      };
    }
    case '23505':
      return { type: ProblemType.conflict, title: 'Action impossible dans l’état actuel', status: 409, detail: 'Cet élément existe déjà.' };
    case '23514':
    case '23502':
    case '23P01':
      return {
        type: ProblemType.constraintViolation,
        title: 'Demande impossible à traiter',
        status: 422,
        detail:
          error.code === '23502' && error.column
            ? `Une valeur obligatoire manque (${camelCase(error.column)}).`
            : 'Les valeurs fournies sont incompatibles entre elles ou avec les règles du dossier.',
      };
    case '22021':
    case '22P05':
      return badRequest("La requête contient un caractère que la base de données n'accepte pas (NUL ou encodage invalide).");
    case '22007':
    case '22008':
      return badRequest('La requête contient une date ou une heure invalide ou hors limites.');
    case '22P02':
      return badRequest("La requête contient une valeur d'un format invalide.");
    case '22001':
      return badRequest('La requête contient un texte trop long.');
    case '22003':
      return badRequest('La requête contient un nombre hors limites.');
    default:
      return undefined;
  }
}
