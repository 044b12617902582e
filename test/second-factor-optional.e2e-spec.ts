import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { bearer } from './support/situations.js';
import { createAdmin, startTestApp, TEST_PASSWORD, unique } from './support/test-app.js';

/** Its own file: the log stream of an application started first in the same file would keep the warning. */
describe('AUTH_MFA=optional (demonstrations only)', () => {
  it('signs in with the password alone and says so in the log at start', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const t = await startTestApp({ AUTH_MFA: 'optional', LOG_LEVEL: 'warn' }, { logStream: stream });
    try {
      const admin = await createAdmin(t);
      const email = `${unique('demo')}@test.example`;
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({ email, displayName: 'Démo', professionalCategory: 'nurse', roles: ['referrer'], password: TEST_PASSWORD })
        .expect(201);
      const signedIn = await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      expect(signedIn.body.accessToken).toEqual(expect.any(String));
      expect(lines.filter((line) => line.includes('AUTH_MFA=optional'))).toEqual([expect.stringContaining('"level":40')]);
    } finally {
      await t.close();
    }
  });
});
