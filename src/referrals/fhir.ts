import { isoDate } from '../common/dates.js';
import { isFiness, isInsMatricule, rppsFromProfessionalId } from '../common/french-identifiers.js';
import type { ReferralRow } from './referrals.service.js';

/**
 * French identifier systems and types, as the FR Core implementation guide (Interop'Santé,
 * https://hl7.fr/ig/fhir/core, sources github.com/Interop-Sante/hl7.fhir.fr.core) defines them:
 * - FRCorePatientINSProfile: INS-NIR with system urn:oid:1.2.250.1.213.1.4.8 and use `official`,
 *   INS-NIA with system urn:oid:1.2.250.1.213.1.4.9 and use `temp` (…4.10 and …4.11 are the NIR
 *   of test and demonstration patients, never a real person's);
 * - FRCorePractitionerProfile: idNatPs (type IDNPS, system urn:oid:1.2.250.1.71.4.2.1, the
 *   identifier Pro Santé Connect presents: "8" + RPPS) and rpps (type RPPS, system
 *   https://rpps.esante.gouv.fr, the 11 digits);
 * - FRCoreOrganizationProfile: idNatSt (type IDNST, system urn:oid:1.2.250.1.71.4.2.2, "1" + the
 *   FINESS of an établissement) and finess (type FINEG or FINEJ, system https://finess.esante.gouv.fr);
 * - codes and French displays from the CodeSystem fr-core-cs-v2-0203 (FRCoreCodeSystemv2-0203.fsh).
 * An identifier appears only when it is known; nothing is invented or padded.
 */
const FR_IDENTIFIER_TYPE = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
export const FR_SYSTEMS = {
  insNir: 'urn:oid:1.2.250.1.213.1.4.8',
  insNia: 'urn:oid:1.2.250.1.213.1.4.9',
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  rpps: 'https://rpps.esante.gouv.fr',
  idNatSt: 'urn:oid:1.2.250.1.71.4.2.2',
  finess: 'https://finess.esante.gouv.fr',
} as const;
const FR_TYPE_DISPLAY = {
  'INS-NIR': 'NIR définitif',
  'INS-NIA': 'NIR temporaire',
  IDNPS: 'Identifiant National de Professionnel de Santé',
  RPPS: 'N° RPPS',
  IDNST: 'Identification nationale de structure définie par l’ANS dans le CI_SIS',
  FINEG: "FINESS d'entité géographique",
  INTRN: 'Identifiant interne',
} as const;
const identifierType = (code: keyof typeof FR_TYPE_DISPLAY) => ({
  coding: [{ system: FR_IDENTIFIER_TYPE, code, display: FR_TYPE_DISPLAY[code] }],
});

/** A structure of the directory, as the export names it. */
export interface FhirOrganization {
  id: string;
  name: string;
  finess: string | null;
}
/** The professional who sent the referral, and their structure. */
export interface FhirRequester {
  userId: string;
  displayName: string;
  professionalId: string | null;
  organization: FhirOrganization | null;
}
export interface FhirParties {
  dac: FhirOrganization;
  requester: FhirRequester | undefined;
}

function organizationResource(organization: FhirOrganization): object {
  const finess = isFiness(organization.finess) ? organization.finess : undefined;
  return {
    resourceType: 'Organization',
    id: organization.id,
    language: 'fr-FR',
    identifier: [
      ...(finess
        ? [
            { use: 'official', type: identifierType('IDNST'), system: FR_SYSTEMS.idNatSt, value: `1${finess}` },
            { use: 'official', type: identifierType('FINEG'), system: FR_SYSTEMS.finess, value: finess },
          ]
        : []),
      { use: 'secondary', type: identifierType('INTRN'), system: 'urn:clsm-cellule:organization', value: organization.id },
    ],
    active: true,
    name: organization.name,
  };
}

function practitionerResource(requester: FhirRequester): object {
  const rpps = rppsFromProfessionalId(requester.professionalId);
  return {
    resourceType: 'Practitioner',
    id: requester.userId,
    language: 'fr-FR',
    ...(rpps
      ? {
          identifier: [
            { use: 'official', type: identifierType('IDNPS'), system: FR_SYSTEMS.idNatPs, value: `8${rpps}` },
            { use: 'official', type: identifierType('RPPS'), system: FR_SYSTEMS.rpps, value: rpps },
          ],
        }
      : {}),
    name: [{ text: requester.displayName }],
  };
}

/** The person's INS as FR Core's INS slices carry it, when known and well-formed. */
function insIdentifier(ins: SharedIdentity['ins']): object[] {
  if (!ins || !isInsMatricule(ins.matricule)) return [];
  return ins.kind === 'nia'
    ? [{ use: 'temp', type: identifierType('INS-NIA'), system: FR_SYSTEMS.insNia, value: ins.matricule }]
    : [{ use: 'official', type: identifierType('INS-NIR'), system: FR_SYSTEMS.insNir, value: ins.matricule }];
}

/** FHIR R4 status of the request and of its task, from the referral's lifecycle. */
const SERVICE_REQUEST_STATUS: Record<ReferralRow['status'], string> = {
  draft: 'draft',
  sent: 'active',
  acknowledged: 'active',
  accepted: 'active',
  declined: 'revoked',
  closed: 'completed',
  withdrawn: 'revoked',
  received: 'active',
  under_review: 'active',
  redirected: 'revoked',
};
const TASK_STATUS: Record<ReferralRow['status'], string> = {
  draft: 'draft',
  sent: 'requested',
  acknowledged: 'received',
  accepted: 'accepted',
  declined: 'rejected',
  closed: 'completed',
  withdrawn: 'cancelled',
  received: 'received',
  under_review: 'in-progress',
  redirected: 'rejected',
};
/** The referral's own status, for people reading the task in a DAC's tool. */
const STATUS_LABELS: Record<ReferralRow['status'], string> = {
  draft: 'Brouillon',
  sent: 'Envoyée',
  acknowledged: 'Réception accusée',
  accepted: 'Acceptée',
  declined: 'Déclinée',
  closed: 'Close',
  withdrawn: 'Retirée',
  received: 'Reçue',
  under_review: 'En cours d’examen',
  redirected: 'Réorientée',
};
const GENDER: Record<string, string> = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' };

interface SharedIdentity {
  birthName: string;
  usedName?: string;
  firstNames: string;
  birthDate: string;
  sex: string;
  ins?: { matricule: string; kind: 'nir' | 'nia' };
}
interface SharedContact {
  address?: string;
  district?: string;
  phone?: string;
}

/**
 * The referral as a FHIR R4 Bundle (collection): ServiceRequest (the referral), Task (its status),
 * Patient (only the identity and contact that were shared) and Consent (for transmission), then the
 * DAC and the sender as Organization, Practitioner and PractitionerRole with their French national
 * identifiers. The person's data come from the frozen snapshot alone, so nothing outside the
 * shared set can appear; the directory gives only the structures' and the sender's.
 */
export function toFhirBundle(
  referral: ReferralRow,
  shared: Record<string, unknown>,
  consent: { id: string; decision: string; given_on: string | Date; recorded_at: Date } | undefined,
  parties: FhirParties,
): object {
  // Typed references (Patient/<id>), resolvable within the bundle through each entry's fullUrl.
  const base = 'https://clsm-cellule.fr/fhir';
  const patientId = referral.situation_id;
  const taskId = `${referral.id.slice(0, 24)}${'0'.repeat(12)}`;
  const identity = shared.identity as SharedIdentity | undefined;
  const contact = shared.contact as SharedContact | undefined;
  const patient: Record<string, unknown> = { resourceType: 'Patient', id: patientId, language: 'fr-FR' };
  if (identity) {
    const ins = insIdentifier(identity.ins);
    if (ins.length) patient.identifier = ins;
    patient.name = [
      { use: 'official', family: identity.birthName, given: identity.firstNames.split(/\s+/).filter(Boolean) },
      ...(identity.usedName ? [{ use: 'usual', family: identity.usedName, given: identity.firstNames.split(/\s+/).filter(Boolean) }] : []),
    ];
    patient.birthDate = identity.birthDate;
    patient.gender = GENDER[identity.sex] ?? 'unknown';
  }
  if (contact?.phone) patient.telecom = [{ system: 'phone', value: contact.phone }];
  if (contact?.address || contact?.district) patient.address = [{ text: [contact.address, contact.district].filter(Boolean).join(', ') }];

  const requester = parties.requester;
  const sender = requester?.organization ?? null;
  const serviceRequest = {
    resourceType: 'ServiceRequest',
    id: referral.id,
    language: 'fr-FR',
    identifier: [{ system: 'urn:clsm-cellule:referral', value: referral.id }],
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'order',
    category: [{ text: 'Orientation vers le dispositif d’appui à la coordination (DAC)' }],
    code: { text: 'Appui à la coordination d’un parcours complexe' },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: (referral.sent_at ?? referral.created_at).toISOString(),
    ...(requester ? { requester: { reference: `PractitionerRole/${requester.userId}`, display: requester.displayName } } : {}),
    performer: [{ reference: `Organization/${parties.dac.id}`, display: parties.dac.name }],
    note: [{ text: String(shared.summary) }],
  };
  const task = {
    resourceType: 'Task',
    id: taskId,
    language: 'fr-FR',
    status: TASK_STATUS[referral.status],
    intent: 'order',
    focus: { reference: `ServiceRequest/${referral.id}` },
    for: { reference: `Patient/${patientId}` },
    authoredOn: (referral.sent_at ?? referral.created_at).toISOString(),
    businessStatus: {
      coding: [{ system: 'urn:clsm-cellule:referral-status', code: referral.status, display: STATUS_LABELS[referral.status] }],
      text: STATUS_LABELS[referral.status],
    },
  };
  const entries: { fullUrl: string; resource: object }[] = [
    { fullUrl: `${base}/ServiceRequest/${referral.id}`, resource: serviceRequest },
    // The task's id derives from the referral's, so the export is stable from one call to the next.
    { fullUrl: `${base}/Task/${taskId}`, resource: task },
    { fullUrl: `${base}/Patient/${patientId}`, resource: patient },
  ];
  if (consent) {
    entries.push({
      fullUrl: `${base}/Consent/${consent.id}`,
      resource: {
        resourceType: 'Consent',
        id: consent.id,
        language: 'fr-FR',
        status: consent.decision === 'given' ? 'active' : 'inactive',
        scope: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
          text: 'Confidentialité : accord de la personne au partage',
        },
        category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }], text: 'Accord pour la transmission au DAC' }],
        patient: { reference: `Patient/${patientId}` },
        dateTime: new Date(consent.recorded_at).toISOString(),
        policyRule: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: consent.decision === 'given' ? 'OPTIN' : 'OPTOUT' }],
          text: consent.decision === 'given' ? 'Accord donné' : 'Refus',
        },
        provision: { period: { start: isoDate(consent.given_on) } },
      },
    });
  }
  entries.push({ fullUrl: `${base}/Organization/${parties.dac.id}`, resource: organizationResource(parties.dac) });
  if (requester) {
    if (sender && sender.id !== parties.dac.id)
      entries.push({ fullUrl: `${base}/Organization/${sender.id}`, resource: organizationResource(sender) });
    entries.push({ fullUrl: `${base}/Practitioner/${requester.userId}`, resource: practitionerResource(requester) });
    entries.push({
      fullUrl: `${base}/PractitionerRole/${requester.userId}`,
      resource: {
        resourceType: 'PractitionerRole',
        id: requester.userId,
        language: 'fr-FR',
        active: true,
        practitioner: { reference: `Practitioner/${requester.userId}`, display: requester.displayName },
        ...(sender ? { organization: { reference: `Organization/${sender.id}`, display: sender.name } } : {}),
      },
    });
  }
  return { resourceType: 'Bundle', language: 'fr-FR', type: 'collection', timestamp: new Date().toISOString(), entry: entries };
}
