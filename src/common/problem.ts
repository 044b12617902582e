import { HttpException, HttpStatus } from '@nestjs/common';

/** RFC 9457 problem types of this API. Stable URIs that clients may switch on. */
export const PROBLEM_BASE = 'https://clsm-cellule.fr/problems/';

export const ProblemType = {
  validation: `${PROBLEM_BASE}validation`,
  malformedBody: `${PROBLEM_BASE}malformed-body`,
  payloadTooLarge: `${PROBLEM_BASE}payload-too-large`,
  unauthenticated: `${PROBLEM_BASE}unauthenticated`,
  forbidden: `${PROBLEM_BASE}forbidden`,
  notFound: `${PROBLEM_BASE}not-found`,
  conflict: `${PROBLEM_BASE}conflict`,
  tooManyRequests: `${PROBLEM_BASE}too-many-requests`,
  loginLocked: `${PROBLEM_BASE}login-locked`,
  weakPassword: `${PROBLEM_BASE}weak-password`,
  unsupportedDocumentType: `${PROBLEM_BASE}unsupported-document-type`,
  unsupportedMediaType: `${PROBLEM_BASE}unsupported-media-type`,
  unknownReference: `${PROBLEM_BASE}unknown-reference`,
  constraintViolation: `${PROBLEM_BASE}constraint-violation`,
  integrity: `${PROBLEM_BASE}integrity`,
  emergencyReferral: `${PROBLEM_BASE}emergency-referral`,
  consentRequired: `${PROBLEM_BASE}consent-required`,
  structureRefused: `${PROBLEM_BASE}structure-refused`,
  charterAcceptanceRequired: `${PROBLEM_BASE}charter-acceptance-required`,
  charterVersionMismatch: `${PROBLEM_BASE}charter-version-mismatch`,
  destroyed: `${PROBLEM_BASE}destroyed`,
  internal: `${PROBLEM_BASE}internal`,
  serviceUnavailable: `${PROBLEM_BASE}service-unavailable`,
} as const;

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level validation messages (400 only). */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

/** An HttpException that carries a full problem document. Throw it from services. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problemType: string,
    title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super({ title, detail }, status);
  }
}

export const conflict = (detail: string) =>
  new ProblemException(HttpStatus.CONFLICT, ProblemType.conflict, 'Action impossible dans l’état actuel', detail);
export const notFound = (detail = 'La ressource demandée est introuvable : vérifiez l’adresse ou l’identifiant.') =>
  new ProblemException(HttpStatus.NOT_FOUND, ProblemType.notFound, 'Ressource introuvable', detail);
