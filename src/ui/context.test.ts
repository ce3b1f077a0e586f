import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tenantPath, type ViewContext } from './context.ts';

describe('tenantPath', () => {
  const ctx = (tenant: ViewContext['tenant']) => ({ tenant }) as ViewContext;
  it('puts the path under the current tenant', () => {
    assert.equal(
      tenantPath(ctx({ id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen' }), '/hulp/match/1'),
      '/krimpen-aan-den-ijssel/hulp/match/1',
    );
  });
  it('refuses a view outside a tenant page instead of linking to "/undefined/…"', () => {
    assert.throws(() => tenantPath(ctx(null), '/hulp'), /outside a tenant page/);
  });
});
