import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../../test/helpers/app.ts';
import { createUser } from './test-support.ts';

const ctx = useTestApp();
const PASSWORD = 'een lange zin als wachtwoord';

describe('slowing down password guessing', () => {
  before(async () => {
    await createUser(ctx.app.db, ctx.app.config, { email: 'doelwit@example.nl', password: PASSWORD });
  });

  it('refuses the 6th attempt with 429 and the seconds to wait, then allows it again', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/aanmelden');
    for (let i = 1; i <= 5; i++) {
      const res = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: `fout ${i}` });
      assert.equal(res.statusCode, 401, `attempt ${i}`);
    }
    const sixth = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: PASSWORD });
    assert.equal(sixth.statusCode, 429);
    assert.match(sixth.body, /Wacht 1 seconden/);
    assert.equal(sixth.headers['retry-after'], '1');
    assert.equal(b.cookies.has('sh_session'), false, 'even the right password is refused while waiting');

    ctx.clock.advance(1000);
    const seventh = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: 'nog steeds fout' });
    assert.equal(seventh.statusCode, 401);
    const eighth = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: PASSWORD });
    assert.equal(eighth.statusCode, 429);
    assert.match(eighth.body, /Wacht 2 seconden/, 'the wait doubles');

    ctx.clock.advance(2000);
    const ok = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: PASSWORD });
    assert.equal(ok.statusCode, 303);
    const left = await ctx.app.db.selectFrom('signin_failures').select('key').execute();
    assert.ok(
      left.every((r) => !r.key.startsWith('email:')),
      'success clears the e-mail counter',
    );
    assert.ok(
      left.every((r) => !r.key.includes('doelwit')),
      'keys are hashed',
    );
  });

  it('starts counting again after 15 minutes', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/aanmelden');
    for (let i = 1; i <= 5; i++) await b.post('/aanmelden', { email: 'doelwit@example.nl', password: `fout ${i}` });
    ctx.clock.advance(16 * 60 * 1000);
    const res = await b.post('/aanmelden', { email: 'doelwit@example.nl', password: 'fout 6' });
    assert.equal(res.statusCode, 401);
    const row = await ctx.app.db.selectFrom('signin_failures').where('key', 'like', 'email:%').select('failures').executeTakeFirstOrThrow();
    assert.equal(row.failures, 1);
  });

  it('limits posts per network to 30 a minute (rate limit)', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/wachtwoord-vergeten');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await b.post('/wachtwoord-vergeten', { email: 'x@example.nl' }, { remoteAddress: '10.9.8.7' })).statusCode);
    }
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200));
    assert.equal(statuses[30], 429);
  });
});
