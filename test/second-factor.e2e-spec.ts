import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeAt, currentStep, forgetAuthenticator, nextCode, wrongCode } from './support/authenticator.js';
import { bearer } from './support/situations.js';
import { createAdmin, createUser, login, startTestApp, TEST_PASSWORD, TestApp, TestUser, unique } from './support/test-app.js';

/** PGSSI-S strong authentication: a password alone opens no session. */
describe('second factor (TOTP and recovery codes)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '4' });
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  /** A new account, signed in with its password only: what the service answers at the first step. */
  async function newAccount(roles: ('member' | 'coordinator' | 'ethics')[] = ['member']) {
    const email = `${unique('mfa')}@test.example`;
    const created = await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email, displayName: 'Compte double facteur', professionalCategory: 'nurse', roles, password: TEST_PASSWORD })
      .expect(201);
    return { id: created.body.id as string, email };
  }
  const passwordStep = (email: string) => t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD });

  it('a right password alone opens no session: the account must enrol, and the step token opens nothing else', async () => {
    const account = await newAccount();
    const first = await passwordStep(account.email).expect(200);
    expect(first.body).toEqual({ mfaEnrollmentRequired: true, mfaToken: expect.any(String) });
    for (const path of ['/api/auth/me', '/api/situations', '/api/auth/sessions', '/api/directory/people']) {
      await t.http().get(path).set('Authorization', `Bearer ${first.body.mfaToken}`).expect(401);
    }
    await t.http().post('/api/auth/mfa/verify').send({ mfaToken: first.body.mfaToken, code: '123456' }).expect(401);
    const sessions = await t.superuser.query('SELECT count(*)::int AS n FROM clsm.auth_session WHERE user_id = $1', [account.id]);
    expect(sessions.rows[0].n).toBe(0);
  });

  it('enrolment gives a secret and an otpauth URI; a code from it signs in and yields ten single-use recovery codes', async () => {
    const account = await newAccount();
    const { mfaToken } = (await passwordStep(account.email).expect(200)).body as { mfaToken: string };
    const enrolment = await t.http().post('/api/auth/mfa/totp/enroll').set('Authorization', `Bearer ${mfaToken}`).expect(200);
    expect(enrolment.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=[A-Z2-7]+/);
    const valid = [-1, 0, 1].map((offset) => codeAt(enrolment.body.secret, currentStep() + offset));
    await t
      .http()
      .post('/api/auth/mfa/totp/confirm')
      .set('Authorization', `Bearer ${mfaToken}`)
      .send({ code: ['000000', '000001', '000002', '000003'].find((code) => !valid.includes(code)) })
      .expect(401);
    const confirmed = await t
      .http()
      .post('/api/auth/mfa/totp/confirm')
      .set('Authorization', `Bearer ${mfaToken}`)
      .send({ code: codeAt(enrolment.body.secret, currentStep()) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${confirmed.body.accessToken}`).expect(200);
    const status = await t.http().get('/api/auth/mfa').set('Authorization', `Bearer ${confirmed.body.accessToken}`).expect(200);
    expect(status.body).toEqual({ enrolled: true, recoveryCodesLeft: 10, passkeys: 0, policy: 'required' });

    // Neither the secret nor a recovery code is stored as such.
    const stored = await t.superuser.query('SELECT totp_secret, totp_pending_secret FROM clsm.user_account WHERE id = $1', [account.id]);
    const secretBytes = base32Decode(enrolment.body.secret);
    expect(stored.rows[0].totp_pending_secret).toBeNull();
    expect((stored.rows[0].totp_secret as Buffer).includes(secretBytes)).toBe(false);
    const codes = await t.superuser.query('SELECT code_hash FROM clsm.recovery_code WHERE user_id = $1', [account.id]);
    expect(codes.rows).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes as string[]) {
      expect(codes.rows.some((row: { code_hash: Buffer }) => row.code_hash.toString('latin1').includes(code.replace(/-/g, '')))).toBe(
        false,
      );
    }
  });

  it('an enrolled account signs in with its current code; a wrong code is refused and recorded', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const first = await passwordStep(user.email).expect(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    const wrong = await t
      .http()
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: first.body.mfaToken, code: wrongCode(user.email) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const verified = await t
      .http()
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: first.body.mfaToken, code: nextCode(user.email) })
      .expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${verified.body.accessToken}`).expect(200);
    const audit = await t.superuser.query(
      `SELECT action, outcome FROM audit.event WHERE actor_user_id = $1 AND action IN ('auth.mfa_verify', 'auth.login') ORDER BY seq`,
      [user.id],
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { action: 'auth.mfa_verify', outcome: 'denied' },
        { action: 'auth.login', outcome: 'granted' },
      ]),
    );
    const method = await t.superuser.query(`SELECT method FROM clsm.auth_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      user.id,
    ]);
    expect(method.rows[0].method).toBe('password_totp');
  });

  it('a TOTP code cannot be used twice', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const code = nextCode(user.email);
    const first = await passwordStep(user.email).expect(200);
    await t.http().post('/api/auth/mfa/verify').send({ mfaToken: first.body.mfaToken, code }).expect(200);
    const second = await passwordStep(user.email).expect(200);
    const replay = await t.http().post('/api/auth/mfa/verify').send({ mfaToken: second.body.mfaToken, code });
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/déjà utilisé/);
  });

  it('a recovery code signs in once, then never again', async () => {
    const account = await newAccount();
    const { mfaToken } = (await passwordStep(account.email).expect(200)).body as { mfaToken: string };
    const { secret } = (await t.http().post('/api/auth/mfa/totp/enroll').set('Authorization', `Bearer ${mfaToken}`).expect(200)).body as {
      secret: string;
    };
    const { recoveryCodes } = (
      await t
        .http()
        .post('/api/auth/mfa/totp/confirm')
        .set('Authorization', `Bearer ${mfaToken}`)
        .send({ code: codeAt(secret, currentStep()) })
        .expect(200)
    ).body as { recoveryCodes: string[] };
    const first = await passwordStep(account.email).expect(200);
    // Typed back from paper: upper case, spaces instead of hyphens.
    const typed = recoveryCodes[3].toUpperCase().replace(/-/g, ' ');
    const signedIn = await t.http().post('/api/auth/mfa/verify').send({ mfaToken: first.body.mfaToken, code: typed }).expect(200);
    const status = await t.http().get('/api/auth/mfa').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    expect(status.body.recoveryCodesLeft).toBe(9);
    const again = await passwordStep(account.email).expect(200);
    await t.http().post('/api/auth/mfa/verify').send({ mfaToken: again.body.mfaToken, code: recoveryCodes[3] }).expect(401);
  });

  it('wrong codes count towards the login lockout: past the limit even the right code is refused', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const first = await passwordStep(user.email).expect(200);
    for (let attempt = 0; attempt < 4; attempt++) {
      await t
        .http()
        .post('/api/auth/mfa/verify')
        .send({ mfaToken: first.body.mfaToken, code: wrongCode(user.email, attempt + 1) })
        .expect(401);
    }
    const locked = await t
      .http()
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: first.body.mfaToken, code: nextCode(user.email) });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/Trop de tentatives/);
  });

  it('a verification token cannot enrol a new secret over an existing factor, and an enrolment token cannot verify', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const verifyStep = await passwordStep(user.email).expect(200);
    await t.http().post('/api/auth/mfa/totp/enroll').set('Authorization', `Bearer ${verifyStep.body.mfaToken}`).expect(401);
    const account = await newAccount();
    const enrolStep = await passwordStep(account.email).expect(200);
    await t.http().post('/api/auth/mfa/verify').send({ mfaToken: enrolStep.body.mfaToken, code: '123456' }).expect(401);
  });

  it('an administrator resets a lost second factor: sessions end at once, the person enrols again, and it is recorded', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    await t.http().get('/api/auth/me').set(bearer(user)).expect(200);
    const reset = await t.http().post(`/api/users/${user.id}/second-factor/reset`).set(bearer(admin)).send({}).expect(200);
    expect(reset.body.secondFactorEnrolled).toBe(false);
    await t.http().get('/api/auth/me').set(bearer(user)).expect(401);
    forgetAuthenticator(user.email);
    const first = await passwordStep(user.email).expect(200);
    expect(first.body.mfaEnrollmentRequired).toBe(true);
    const audit = await t.superuser.query(
      `SELECT actor_user_id, outcome FROM audit.event WHERE action = 'user.second_factor_reset' AND resource_id = $1`,
      [user.id],
    );
    expect(audit.rows).toEqual([{ actor_user_id: admin.id, outcome: 'granted' }]);
    // Re-enrolling through the harness works like the first time.
    const again = await login(t, user.email);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${again.accessToken}`).expect(200);
  });

  it('an administrator cannot reset their own second factor, and nobody else may reset one', async () => {
    await t.http().post(`/api/users/${admin.id}/second-factor/reset`).set(bearer(admin)).send({}).expect(403);
    const coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    const member = await createUser(t, admin, { roles: ['member'] });
    await t.http().post(`/api/users/${member.id}/second-factor/reset`).set(bearer(coordinator)).send({}).expect(403);
  });
});

function base32Decode(value: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const character of value) bits += alphabet.indexOf(character).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}
