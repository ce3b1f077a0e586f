import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, TestBrowser } from '../../../test/helpers/app.ts';
import { createUser } from '../../modules/people/auth/test-support.ts';

/**
 * Security review finding 3: in production every X-Forwarded-For was believed, so sending a new
 * address with each request escaped the per-network rate limit and the sign-in throttle.
 */
const attempts = async (b: TestBrowser, n: number, headers: (i: number) => Record<string, string>) => {
  await b.get('/aanmelden');
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await b.post(
      '/aanmelden',
      { email: `slachtoffer${i}@example.nl`, password: `fout ${i}` },
      { remoteAddress: '203.0.113.7', headers: headers(i) },
    );
    statuses.push(res.statusCode);
  }
  return statuses;
};
// A different network (/24) every time, so neither the per-address rate limit nor the per-network
// throttle would ever see the same client twice if the header were believed.
const spoofed = (i: number) => ({ 'x-forwarded-for': `198.51.${i}.10` });
// Per network, the sign-in throttle lets 20 failures through within 15 minutes (throttle.ts).
const NETWORK_THRESHOLD = 20;

describe('production without TRUST_PROXY: a spoofed X-Forwarded-For changes nothing', () => {
  const ctx = useTestApp({ env: 'production' });

  it('stops 40 failed sign-ins from one address, whatever X-Forwarded-For says', async () => {
    const statuses = await attempts(new TestBrowser(ctx.app), 40, spoofed);
    assert.deepEqual(statuses.slice(0, NETWORK_THRESHOLD), Array(NETWORK_THRESHOLD).fill(401), statuses.join(','));
    assert.deepEqual(statuses.slice(NETWORK_THRESHOLD), Array(40 - NETWORK_THRESHOLD).fill(429), statuses.join(','));
  });
});

describe('production behind one configured proxy', () => {
  const ctx = useTestApp({ env: 'production', trustProxy: ['203.0.113.7'] });
  before(async () => {
    await createUser(ctx.app.db, ctx.app.config, { email: 'iemand@example.nl', password: 'een lange zin als wachtwoord' });
  });

  it('tells clients apart by the address the trusted proxy reports', async () => {
    const statuses = await attempts(new TestBrowser(ctx.app), 40, spoofed);
    assert.ok(
      statuses.every((s) => s === 401),
      `each client has its own limit: ${statuses.join(',')}`,
    );
  });

  it('does not believe the header from anyone but that proxy', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get('/aanmelden');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await b.post(
        '/aanmelden',
        { email: `x${i}@example.nl`, password: 'fout' },
        { remoteAddress: '192.0.2.50', headers: spoofed(i) },
      );
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, NETWORK_THRESHOLD), Array(NETWORK_THRESHOLD).fill(401), statuses.join(','));
    assert.deepEqual(statuses.slice(NETWORK_THRESHOLD), Array(25 - NETWORK_THRESHOLD).fill(429), statuses.join(','));
  });
});

describe('production behind a hop count (TRUST_PROXY=1)', () => {
  const ctx = useTestApp({ env: 'production', trustProxy: 1 });

  it('takes the client address from the one proxy in front', async () => {
    const statuses = await attempts(new TestBrowser(ctx.app), 25, spoofed);
    assert.ok(
      statuses.every((s) => s === 401),
      `each client has its own limit: ${statuses.join(',')}`,
    );
  });
});
