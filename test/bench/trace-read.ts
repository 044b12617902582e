/** Prints the SQL statements one secured read, one page of 50 and one create send (npm run bench:trace). */
import 'reflect-metadata';
import { startStandalone } from '../support/standalone.js';
import { createSituation, intakeBody } from '../support/situations.js';
import { statementsOf } from '../support/sql-statements.js';
import { createAdmin, createUser } from '../support/test-app.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
const { t, stop } = await startStandalone();
try {
  const admin = await createAdmin(t);
  const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  const referrer = await createUser(t, admin, { roles: ['referrer'] });
  const situations: { id: string }[] = [];
  for (let i = 0; i < 60; i++) situations.push(await createSituation(t, referrer));
  const auth = { Authorization: `Bearer ${coordinator.token}` };
  await t.http().get(`/api/situations/${situations[0].id}`).set(auth).expect(200);
  for (const [name, work] of [
    ['read', () => t.http().get(`/api/situations/${situations[0].id}`).set(auth).expect(200)],
    ['page of 50', () => t.http().get('/api/situations?limit=50').set(auth).expect(200)],
    ['create', () => t.http().post('/api/situations').set({ Authorization: `Bearer ${referrer.token}` }).send(intakeBody()).expect(201)],
  ] as const) {
    const texts = await statementsOf(work);
    print(`--- ${name}: ${texts.length} statements`);
    for (const text of texts) print(`  ${text.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
} finally {
  await stop();
}
