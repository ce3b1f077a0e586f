import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import type { Role } from '../../platform/roles.ts';
import { createSignal } from './signals.service.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, newSignal, setupTenant, type TenantFixture } from './signals.test-support.ts';

const SECRET_NAME = 'Geheime Melder';
const SECRET_EMAIL = 'geheim.melder@example.nl';
const SECRET_TEXT = 'Buurvrouw op nummer 7 eet niet meer';
const PUBLIC_REPORTER = 'publieke.melder@example.nl';

interface Viewer {
  label: string;
  tenant?: 'k' | 'g';
  role?: Role;
  org?: 'municipality' | 'welfare' | 'housing' | null;
  mfa?: boolean;
  /** Expected: sees the sensitive signal in the list and page, with reporter details. */
  seesSensitive: boolean;
  seesPublicReporter: boolean;
  handlingStatus: number;
}

const VIEWERS: Viewer[] = [
  { label: 'anonymous', seesSensitive: false, seesPublicReporter: false, handlingStatus: 401 },
  { label: 'resident krimpen', tenant: 'k', role: 'resident', seesSensitive: false, seesPublicReporter: false, handlingStatus: 403 },
  { label: 'volunteer krimpen', tenant: 'k', role: 'volunteer', seesSensitive: false, seesPublicReporter: false, handlingStatus: 403 },
  {
    label: 'admin krimpen',
    tenant: 'k',
    role: 'admin',
    org: 'municipality',
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 403,
  },
  {
    label: 'professional krimpen municipality',
    tenant: 'k',
    role: 'professional',
    org: 'municipality',
    seesSensitive: false,
    seesPublicReporter: true,
    handlingStatus: 200,
  },
  {
    label: 'professional krimpen housing',
    tenant: 'k',
    role: 'professional',
    org: 'housing',
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 200,
  },
  {
    label: 'professional krimpen welfare (assigned)',
    tenant: 'k',
    role: 'professional',
    org: 'welfare',
    seesSensitive: true,
    seesPublicReporter: false,
    handlingStatus: 200,
  },
  {
    label: 'professional krimpen welfare without 2FA',
    tenant: 'k',
    role: 'professional',
    org: 'welfare',
    mfa: false,
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 403,
  },
  {
    label: 'professional krimpen without organisation',
    tenant: 'k',
    role: 'professional',
    org: null,
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 200,
  },
  { label: 'coordinator krimpen', tenant: 'k', role: 'coordinator', seesSensitive: true, seesPublicReporter: true, handlingStatus: 200 },
  {
    label: 'professional groningen welfare',
    tenant: 'g',
    role: 'professional',
    org: 'welfare',
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 403,
  },
  {
    label: 'coordinator groningen',
    tenant: 'g',
    role: 'coordinator',
    seesSensitive: false,
    seesPublicReporter: false,
    handlingStatus: 403,
  },
];

describe('signals isolation matrix: roles × organisations × tenants', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let g: TenantFixture;
  let sensitiveId = '';
  let publicId = '';
  let sensitiveToken = '';
  let groningenSensitiveId = '';
  const base = `/${KRIMPEN.slug}/meldingen`;

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
    g = await setupTenant(ctx.database.db, GRONINGEN);
    const links = { baseUrl: 'http://localhost', tenantSlug: KRIMPEN.slug };
    const s = await createSignal(
      ctx.database.db,
      newSignal({
        category: { serviceCode: 'eenzaamheid' },
        description: SECRET_TEXT,
        reporter: { name: SECRET_NAME, email: SECRET_EMAIL },
        links,
      }),
    );
    sensitiveId = s.signal.public_id;
    sensitiveToken = s.trackingToken!;
    assert.equal(s.signal.organisation_id, k.welfare);
    const p = await createSignal(ctx.database.db, newSignal({ reporter: { email: PUBLIC_REPORTER }, links }));
    publicId = p.signal.public_id;
    const gs = await createSignal(
      ctx.database.db,
      newSignal({
        tenantId: GRONINGEN.id,
        ...GRONINGEN_POINT,
        category: { serviceCode: 'geldzorgen' },
        description: 'Groningse zorg',
        reporter: { email: 'gron@example.nl' },
        links: { baseUrl: 'x', tenantSlug: GRONINGEN.slug },
      }),
    );
    groningenSensitiveId = gs.signal.public_id;
    assert.equal(gs.signal.organisation_id, g.welfare);
  });

  for (const v of VIEWERS) {
    it(`${v.label}: list and signal pages`, async () => {
      const b = new TestBrowser(ctx.app);
      if (v.role) {
        const fx = v.tenant === 'g' ? g : k;
        await signInAs(ctx, b, {
          tenantId: fx.id,
          role: v.role,
          organisationId: v.org ? fx[v.org] : null,
          ...(v.mfa === false ? { mfa: false } : {}),
        });
      }
      const list = await b.get(`${base}/behandelen`);
      assert.equal(list.statusCode, v.handlingStatus, list.body.slice(0, 300));
      assert.equal(list.body.includes(sensitiveId), v.seesSensitive, 'sensitive signal in the list');
      assert.ok(!list.body.includes(groningenSensitiveId) || groningenSensitiveId === sensitiveId, 'never another tenant’s signals');
      const page = await b.get(`${base}/behandelen/${sensitiveId}`);
      assert.equal(page.statusCode, v.seesSensitive ? 200 : v.handlingStatus === 200 ? 404 : v.handlingStatus);
      for (const secret of [SECRET_NAME, SECRET_EMAIL, SECRET_TEXT]) assert.equal(page.body.includes(secret), v.seesSensitive, secret);
      const pub = await b.get(`${base}/behandelen/${publicId}`);
      assert.equal(pub.body.includes(PUBLIC_REPORTER), v.seesPublicReporter, 'public signal reporter details');
      // Public pages never show any signal content.
      for (const path of [base, `${base}/nieuw/eenzaamheid`, `${base}/nieuw/verlichting`]) {
        const r = await b.get(path);
        assert.ok(!r.body.includes(SECRET_TEXT) && !r.body.includes(SECRET_EMAIL) && !r.body.includes(PUBLIC_REPORTER), path);
      }
    });
  }

  it('views of the sensitive signal with reporter details are audit-logged', async () => {
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'signal')
      .where('action', '=', 'view')
      .execute();
    // welfare professional and coordinator saw the sensitive one; municipality professional and coordinator saw the public one.
    assert.equal(rows.length, 4);
    assert.ok(
      rows.every((r) => !JSON.stringify(r.detail).includes('@')),
      'no personal data in the audit detail',
    );
  });

  it('tracking page: works only with the token in its own tenant and never shows reporter details', async () => {
    const b = new TestBrowser(ctx.app);
    const own = await b.get(`${base}/volgen/${sensitiveToken}`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes(sensitiveId));
    assert.ok(!own.body.includes(SECRET_EMAIL) && !own.body.includes(SECRET_NAME));
    const other = await b.get(`/${GRONINGEN.slug}/meldingen/volgen/${sensitiveToken}`);
    assert.equal(other.statusCode, 404);
    assert.ok(!other.body.includes(sensitiveId));
  });

  it('a sensitive signal cannot be followed and does not reveal that it exists', async () => {
    const b = new TestBrowser(ctx.app);
    await b.get(`${base}/nieuw/verlichting`);
    const r = await b.post(`${base}/${sensitiveId}/volgen`, { email: 'nieuwsgierig@example.nl' });
    const unknown = await b.post(`${base}/SIG-1999-000001/volgen`, { email: 'nieuwsgierig@example.nl' });
    assert.equal(r.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
  });
});

/**
 * The cross-tenant case of issue 11, finding 1: one person, resident in Krimpen (their first
 * membership) and coordinator in Groningen, signed in once with the second factor done. In Krimpen
 * they get exactly a resident's access; in Groningen the coordinator's pages show Groningen's
 * signals only; Groningen's role never reaches Krimpen's signals; and Krimpen's coordinator and
 * administrator can see or change nothing of what the person does in Groningen.
 */
