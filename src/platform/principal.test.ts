import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, organisationsReaching, principalOf, reachOf, systemPrincipal, type PolicyRules } from './principal.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const RULES: PolicyRules<'thing.view' | 'thing.handle' | 'thing.mine' | 'thing.settings'> = {
  'thing.view': { anyone: 'all' },
  'thing.handle': { professional: 'organisation', coordinator: 'all' },
  'thing.mine': { signedIn: 'own' },
  'thing.settings': { admin: 'all' },
};

/** A professional at org-1 and a volunteer at org-2 in T1, a coordinator in T2. */
const user = {
  id: 'u-1',
  mfaVerified: true,
  memberships: [
    { tenantId: 'T1', organisationId: 'org-1', role: 'professional' as const },
    { tenantId: 'T1', organisationId: 'org-2', role: 'volunteer' as const },
    { tenantId: 'T2', organisationId: null, role: 'coordinator' as const },
  ],
};

describe('principal and decide', () => {
  it('narrows roles and organisations to the municipality of the request', () => {
    const p = principalOf(user, 'T1', NOW);
    assert.deepEqual(p.roles, ['professional', 'volunteer']);
    assert.deepEqual(p.organisationIds, ['org-1', 'org-2']);
    assert.deepEqual(principalOf(user, 'T2', NOW).roles, ['coordinator']);
    const nobody = principalOf(null, 'T1', NOW);
    assert.deepEqual([nobody.userId, nobody.roles.length, nobody.mfaVerified], [null, 0, false]);
  });

  it('takes the widest reach of all roles, and none without a rule', () => {
    assert.equal(reachOf(RULES, principalOf(user, 'T1', NOW), 'thing.handle'), 'organisation');
    assert.equal(reachOf(RULES, principalOf(user, 'T2', NOW), 'thing.handle'), 'all');
    assert.equal(reachOf(RULES, principalOf(user, 'T1', NOW), 'thing.settings'), null);
    assert.equal(reachOf(RULES, principalOf(null, 'T1', NOW), 'thing.mine'), null, 'signedIn needs a user');
  });

  it('an organisation reach counts only the organisations where the person holds a role with that reach', () => {
    const p = principalOf(user, 'T1', NOW);
    assert.deepEqual(organisationsReaching(RULES, p, 'thing.handle'), ['org-1']);
    assert.equal(decide(RULES, p, 'thing.handle', { tenantId: 'T1', organisationIds: ['org-1'] }), true);
    assert.equal(
      decide(RULES, p, 'thing.handle', { tenantId: 'T1', organisationIds: ['org-2'] }),
      false,
      'a volunteer there, not a professional',
    );
    assert.equal(decide(RULES, p, 'thing.handle', { tenantId: 'T1', organisationIds: [null] }), false);
  });

  it('never reaches another municipality, whatever the roles; the system acts within its own', () => {
    const coordinatorOfT2 = principalOf(user, 'T2', NOW);
    assert.equal(decide(RULES, coordinatorOfT2, 'thing.handle', { tenantId: 'T2' }), true);
    assert.equal(decide(RULES, coordinatorOfT2, 'thing.handle', { tenantId: 'T1' }), false);
    assert.equal(decide(RULES, systemPrincipal('T1', NOW), 'thing.settings', { tenantId: 'T1' }), true);
    assert.equal(decide(RULES, systemPrincipal('T1', NOW), 'thing.settings', { tenantId: 'T2' }), false);
  });

  it('own reach: only what the person made or takes part in; without a resource: allowed at any reach', () => {
    const p = principalOf(user, 'T1', NOW);
    assert.equal(decide(RULES, p, 'thing.mine', { tenantId: 'T1', userIds: ['u-1'] }), true);
    assert.equal(decide(RULES, p, 'thing.mine', { tenantId: 'T1', userIds: ['u-2'] }), false);
    assert.equal(decide(RULES, p, 'thing.mine'), true);
    assert.equal(decide(RULES, p, 'thing.settings'), false);
    assert.equal(decide(RULES, principalOf(null, 'T1', NOW), 'thing.view', { tenantId: 'T1' }), true);
  });
});
