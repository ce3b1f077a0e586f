import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalOf, systemPrincipal, type Membership } from '../../platform/principal.ts';
import { can, signalFacts } from './policies.ts';

const T = 'tenant-1';
const NOW = new Date('2026-12-06T12:00:00Z');
const ORG_A = 'org-a';
const ORG_B = 'org-b';
const as = (...memberships: Omit<Membership, 'tenantId'>[]) =>
  principalOf({ id: 'u1', mfaVerified: true, memberships: memberships.map((m) => ({ ...m, tenantId: T })) }, T, NOW);
const signal = { tenant_id: T, organisation_id: ORG_A };

describe('signals policies', () => {
  it('coordinators see and handle every signal; admins only the settings', () => {
    const coordinator = as({ role: 'coordinator', organisationId: null });
    const admin = as({ role: 'admin', organisationId: null });
    for (const action of ['signal.view', 'signal.handle', 'signal.assign', 'signal.merge', 'signal.config'] as const) {
      assert.ok(can(coordinator, action, signalFacts(signal)), action);
    }
    for (const action of ['signal.view', 'signal.handle', 'signal.list', 'signal.export', 'signal.merge'] as const) {
      assert.equal(can(admin, action, signalFacts(signal)), false, action);
    }
    assert.ok(can(admin, 'signal.config'));
    assert.ok(can(admin, 'signal.apiKeys'));
    assert.equal(can(coordinator, 'signal.apiKeys'), false);
  });

  it('a professional handles what is routed to their organisation, and only sees what one of their organisations has an action on', () => {
    const routed = as({ role: 'professional', organisationId: ORG_A });
    const other = as({ role: 'professional', organisationId: ORG_B });
    assert.ok(can(routed, 'signal.handle', signalFacts(signal)));
    assert.ok(can(routed, 'signal.viewPersonal', signalFacts(signal)));
    assert.equal(can(routed, 'signal.assign', signalFacts(signal)), false);
    assert.equal(can(other, 'signal.view', signalFacts(signal)), false);
    const withAction = signalFacts(signal, { actionOrganisations: [ORG_B] });
    assert.ok(can(other, 'signal.view', withAction));
    assert.equal(can(other, 'signal.handle', withAction), false);
    assert.equal(can(other, 'signal.viewPersonal', withAction), false);
  });

  it('never across municipalities, not even for the system', () => {
    const coordinator = as({ role: 'coordinator', organisationId: null });
    assert.equal(can(coordinator, 'signal.view', signalFacts({ ...signal, tenant_id: 'tenant-2' })), false);
    assert.equal(can(systemPrincipal(T, NOW), 'signal.handle', signalFacts({ ...signal, tenant_id: 'tenant-2' })), false);
    assert.ok(can(systemPrincipal(T, NOW), 'signal.handle', signalFacts(signal)));
  });

  it('tracking links: only the reporter answers and sees photos; sensitive signals are not followed', () => {
    const anyone = principalOf(null, T, NOW);
    assert.ok(can(anyone, 'signal.feedback', { tenantId: T, link: 'reporter' }));
    assert.equal(can(anyone, 'signal.feedback', { tenantId: T, link: 'follower' }), false);
    assert.equal(can(anyone, 'signal.photo.viaLink', { tenantId: T, link: 'follower' }), false);
    assert.equal(can(anyone, 'signal.track', { tenantId: T, link: null }), false);
    assert.ok(can(anyone, 'signal.follow', { tenantId: T, sensitive: false }));
    assert.equal(can(anyone, 'signal.follow', { tenantId: T, sensitive: true }), false);
    assert.equal(can(anyone, 'signal.mine'), false);
    assert.ok(can(principalOf({ id: 'u9', mfaVerified: false, memberships: [] }, T, NOW), 'signal.mine'));
  });
});
