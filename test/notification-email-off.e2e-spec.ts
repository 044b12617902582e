import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { addItem, commission, newSession, readySituation } from './support/commission.js';
import { bearer } from './support/situations.js';
import { startTestApp } from './support/test-app.js';

describe('without SMTP_URL', () => {
  it('e-mail is off, the service says so at start, and in-app notifications still work', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const t = await startTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
    try {
      const c = await commission(t);
      const situation = await readySituation(t, c);
      await addItem(t, c, await newSession(t, c), situation.id, [c.invitee.id]);
      const inbox = await t.http().get('/api/notifications').set(bearer(c.invitee)).expect(200);
      expect(inbox.body.total).toBe(1);
      const jobs = await t.superuser.query(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
      if (jobs.rows[0].present) {
        const queued = await t.superuser.query(`SELECT count(*)::int AS count FROM pgboss.job WHERE data->>'recipientId' = $1`, [
          c.invitee.id,
        ]);
        expect(queued.rows[0].count).toBe(0);
      }
      // Logged at start (the stream is written asynchronously: read once requests went through).
      expect(lines.some((line) => line.includes('e-mail notifications are off: SMTP_URL is not set'))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
