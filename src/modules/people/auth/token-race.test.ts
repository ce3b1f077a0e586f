import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { raceOnlyOnPostgres } from '../../../../test/helpers/db.ts';
import { createUser, ensureTenant, mailedToken } from './test-support.ts';

const ctx = useTestApp();

/**
 * Two browsers that post the same single-use link at the same moment: only one gets in. A race
 * test: it runs on PostgreSQL only (see raceOnlyOnPostgres); links.test.ts covers a second use.
 */
describe('single-use links under concurrency', { skip: raceOnlyOnPostgres() }, () => {
  before(async () => {
    await ensureTenant(ctx.app.db);
    await createUser(ctx.app.db, ctx.app.config, {
      email: 'race@example.nl',
      name: 'Race',
      roles: [{ tenantId: 'GM0542', role: 'resident' }],
    });
  });

  async function twoBrowsers(path: string): Promise<[TestBrowser, TestBrowser]> {
    const a = new TestBrowser(ctx.app);
    const b = new TestBrowser(ctx.app);
    await a.get(path);
    await b.get(path);
    return [a, b];
  }

  it('a sign-in link signs in once', async () => {
    const [a] = await twoBrowsers('/aanmelden/link');
    await a.post('/aanmelden/link', { email: 'race@example.nl' });
    const token = await mailedToken(ctx.app.db, 'race@example.nl', 'aanmelden/link');
    const [x, y] = await twoBrowsers(`/aanmelden/link/${token}`);
    const res = await Promise.all([x.post(`/aanmelden/link/${token}`, {}), y.post(`/aanmelden/link/${token}`, {})]);
    assert.deepEqual(
      res.map((r) => r.statusCode).sort((p, q) => p - q),
      [303, 400],
    );
    const sessions = await ctx.app.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .where('u.email', '=', 'race@example.nl')
      .select('s.id')
      .execute();
    assert.equal(sessions.length, 1);
  });

  it('a reset link sets one password once', async () => {
    const [a] = await twoBrowsers('/wachtwoord-vergeten');
    await a.post('/wachtwoord-vergeten', { email: 'race@example.nl' });
    const token = await mailedToken(ctx.app.db, 'race@example.nl', 'wachtwoord-herstellen');
    const [x, y] = await twoBrowsers(`/wachtwoord-herstellen/${token}`);
    const res = await Promise.all([
      x.post(`/wachtwoord-herstellen/${token}`, { password: 'eerste nieuw wachtwoord', password2: 'eerste nieuw wachtwoord' }),
      y.post(`/wachtwoord-herstellen/${token}`, { password: 'tweede nieuw wachtwoord', password2: 'tweede nieuw wachtwoord' }),
    ]);
    assert.deepEqual(
      res.map((r) => r.statusCode).sort((p, q) => p - q),
      [303, 400],
    );
    const audits = await ctx.app.db.selectFrom('audit_log').where('action', '=', 'password_reset').select('id').execute();
    assert.equal(audits.length, 1);
  });
});
