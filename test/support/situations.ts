import type { TestApp, TestUser } from './test-app.js';
import { unique } from './test-app.js';

/** A complete, valid saisine whose every sensitive value is distinctive (to search raw rows for). */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  const tag = unique('x').replace(/[^a-z0-9]/gi, '');
  return {
    screening: { immediateDanger: false, acuteMedicalNeed: false, suicidalRisk: false },
    identity: {
      birthName: `Naissance${tag}`,
      usedName: `Usage${tag}`,
      firstNames: `Prenom${tag} Seconde`,
      birthDate: '1984-03-21',
      sex: 'female',
    },
    contact: { address: `12 rue Adresse${tag}, 57000 Metz`, district: 'Borny', phone: '06 11 22 33 44' },
    social: {
      legalProtection: {
        measure: 'curatelle',
        representative: { name: `Curateur${tag}`, organisation: 'UDAF 57', phone: '03 87 00 00 01' },
      },
      referrerContact: { name: `Referente${tag}`, phone: '03 87 00 00 02', email: 'referente@ccas.example' },
      professionalsInvolved: [{ name: `Infirmier${tag}`, organisation: 'CMP Borny', role: 'infirmier', phone: '03 87 00 00 03' }],
    },
    health: { details: `Traitement${tag} suivi au CMP, hospitalisation en 2024` },
    narrative: {
      narrative: `Recit${tag} : isolement croissant, conflits de voisinage, impayés de loyer.`,
      alreadyTried: `Tentative${tag} : visite à domicile, orientation vers le CMP.`,
      expectations: `Attente${tag} : coordonner logement et soins.`,
    },
    problemAreas: ['housing', 'isolation'],
    ...overrides,
  };
}

export const bearer = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

export async function createSituation(t: TestApp, referrer: TestUser, overrides: Record<string, unknown> = {}) {
  const response = await t.http().post('/api/situations').set(bearer(referrer)).send(intakeBody(overrides)).expect(201);
  return response.body as { id: string; reference: string; status: string };
}

/** Records the person's consent (oral statement) for a purpose, as `user`; returns the record. */
export async function giveConsent(
  t: TestApp,
  user: TestUser,
  situationId: string,
  options: { purpose?: string; refusedOrganizationIds?: string[]; decision?: 'given' | 'refused' } = {},
) {
  const response = await t
    .http()
    .post(`/api/situations/${situationId}/consents`)
    .set(bearer(user))
    .send({
      purpose: options.purpose ?? 'review',
      decision: options.decision ?? 'given',
      givenBy: 'person',
      method: 'oral_statement',
      statement: { recordedBy: 'Assistante sociale du CCAS', recordedOn: '2026-11-02' },
      givenOn: '2026-11-02',
      ...(options.refusedOrganizationIds ? { refusedOrganizationIds: options.refusedOrganizationIds } : {}),
    })
    .expect(201);
  return response.body as { id: string };
}

/** Moves a situation along legal transitions, as the coordinator (recording review consent when needed). */
export async function moveTo(t: TestApp, coordinator: TestUser, situationId: string, path: Record<string, unknown>[]) {
  for (const body of path) {
    if (body.to === 'in_preparation') await giveConsent(t, coordinator, situationId);
    await t.http().post(`/api/situations/${situationId}/transitions`).set(bearer(coordinator)).send(body).expect(200);
  }
}
