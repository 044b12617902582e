import { isoDate } from '../common/dates.js';
import type { ReferralRow } from './referrals.service.js';

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
const GENDER: Record<string, string> = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' };

interface SharedIdentity {
  birthName: string;
  usedName?: string;
  firstNames: string;
  birthDate: string;
  sex: string;
}
interface SharedContact {
  address?: string;
  district?: string;
  phone?: string;
}


/**
 * The referral as a FHIR R4 Bundle (collection): ServiceRequest (the referral), Task (its status),
 * Patient (only the identity and contact that were shared) and Consent (for transmission). Built
 * from the frozen snapshot alone, so nothing outside the shared set can appear.
 */
export function toFhirBundle(
  referral: ReferralRow,
  shared: Record<string, unknown>,
  consent: { id: string; decision: string; given_on: string | Date; recorded_at: Date } | undefined,
): object {
  // Typed references (Patient/<id>), resolvable within the bundle through each entry's fullUrl.
  const base = 'https://clsm-cellule.fr/fhir';
  const patientId = referral.situation_id;
  const taskId = `${referral.id.slice(0, 24)}${'0'.repeat(12)}`;
  const identity = shared.identity as SharedIdentity | undefined;
  const contact = shared.contact as SharedContact | undefined;
  const patient: Record<string, unknown> = { resourceType: 'Patient', id: patientId };
  if (identity) {
    patient.name = [
      { use: 'official', family: identity.birthName, given: identity.firstNames.split(/\s+/).filter(Boolean) },
      ...(identity.usedName ? [{ use: 'usual', family: identity.usedName, given: identity.firstNames.split(/\s+/).filter(Boolean) }] : []),
    ];
    patient.birthDate = identity.birthDate;
    patient.gender = GENDER[identity.sex] ?? 'unknown';
  }
  if (contact?.phone) patient.telecom = [{ system: 'phone', value: contact.phone }];
  if (contact?.address || contact?.district) patient.address = [{ text: [contact.address, contact.district].filter(Boolean).join(', ') }];

  const serviceRequest = {
    resourceType: 'ServiceRequest',
    id: referral.id,
    identifier: [{ system: 'urn:clsm-cellule:referral', value: referral.id }],
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'order',
    category: [{ text: 'Orientation vers le dispositif d’appui à la coordination (DAC)' }],
    code: { text: 'Appui à la coordination d’un parcours complexe' },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: (referral.sent_at ?? referral.created_at).toISOString(),
    performer: [{ identifier: { system: 'urn:clsm-cellule:organization', value: referral.dac_organization_id } }],
    note: [{ text: String(shared.summary) }],
  };
  const task = {
    resourceType: 'Task',
    id: taskId,
    status: TASK_STATUS[referral.status],
    intent: 'order',
    focus: { reference: `ServiceRequest/${referral.id}` },
    for: { reference: `Patient/${patientId}` },
    authoredOn: (referral.sent_at ?? referral.created_at).toISOString(),
    businessStatus: { text: referral.status },
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
        status: consent.decision === 'given' ? 'active' : 'inactive',
        scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
        category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }], text: 'Accord pour la transmission au DAC' }],
        patient: { reference: `Patient/${patientId}` },
        dateTime: new Date(consent.recorded_at).toISOString(),
        policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: consent.decision === 'given' ? 'OPTIN' : 'OPTOUT' }] },
        provision: { period: { start: isoDate(consent.given_on) } },
      },
    });
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: new Date().toISOString(), entry: entries };
}
