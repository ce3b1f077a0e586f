/**
 * A person with roles in two municipalities (issue 11, finding 1): what one municipality's role
 * reaches is never the other's. Split from isolation.test.ts (the roles × organisations matrix).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs, signInWithRoles } from '../../../test/helpers/people.ts';
import { createSignal } from './signals.service.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, newSignal, setupTenant, type TenantFixture } from './signals.test-support.ts';

describe('signals: a person with roles in two municipalities (issue 11, finding 1)', () => {
  const ctx = useTestApp();
  const K_SECRET = 'Krimpense mevrouw Distinctief eet niet meer';
  const K_REPORTER = 'Krimpense Melder Distinctief';
  const K_OWN = 'Krimpense lantaarn van Pim Tweemaal';
  const G_SECRET = 'Groningse geldzorg Distinctief';
  const G_PUBLIC = 'Groningse stoeptegel los';
  const G_NOTE = 'Interne notitie van Pim in Groningen';
  const FORBIDDEN = /U mag deze pagina niet bekijken of deze actie niet doen/;
  let k: TenantFixture;
  let g: TenantFixture;
  let pim: TestBrowser;
  let coordK: TestBrowser;
  let adminK: TestBrowser;
  let pimId = '';
  /** Public ids and internal ids of the signals. */
  const sig = {} as Record<'kSensitive' | 'kOwn' | 'gSensitive' | 'gPublic', { publicId: string; id: string }>;
  const K = `/${KRIMPEN.slug}/meldingen`;
  const G = `/${GRONINGEN.slug}/meldingen`;

  before(async () => {
    const db = ctx.database.db;
    k = await setupTenant(db, KRIMPEN);
    g = await setupTenant(db, GRONINGEN);
    pim = new TestBrowser(ctx.app);
    pimId = await signInWithRoles(
      ctx,
      pim,
      [
        { tenantId: KRIMPEN.id, role: 'resident' },
        { tenantId: GRONINGEN.id, role: 'coordinator' },
      ],
      { email: 'pim.tweemaal@example.nl', name: 'Pim Tweemaal' },
    );
    coordK = new TestBrowser(ctx.app);
    adminK = new TestBrowser(ctx.app);
    await signInAs(ctx, coordK, { tenantId: KRIMPEN.id, role: 'coordinator', email: 'coord-k@example.nl' });
    await signInAs(ctx, adminK, { tenantId: KRIMPEN.id, role: 'admin', organisationId: k.municipality, email: 'admin-k@example.nl' });
    const kLinks = { baseUrl: 'http://localhost', tenantSlug: KRIMPEN.slug };
    const gLinks = { baseUrl: 'http://localhost', tenantSlug: GRONINGEN.slug };
    const keep = (s: Awaited<ReturnType<typeof createSignal>>) => ({ publicId: s.signal.public_id, id: s.signal.id });
    // Two signals first, so that Krimpen's numbers differ from Groningen's even where numbers count up per municipality.
    for (let i = 0; i < 2; i++) await createSignal(db, newSignal({ links: kLinks }));
    sig.kSensitive = keep(
      await createSignal(
        db,
        newSignal({
          category: { serviceCode: 'eenzaamheid' },
          description: K_SECRET,
          reporter: { name: K_REPORTER, email: 'k.melder@example.nl' },
          links: kLinks,
        }),
      ),
    );
    sig.kOwn = keep(
      await createSignal(
        db,
        newSignal({
          description: K_OWN,
          reporter: { name: 'Pim Tweemaal', email: 'pim.tweemaal@example.nl' },
          reporterUserId: pimId,
          links: kLinks,
        }),
      ),
    );
    sig.gSensitive = keep(
      await createSignal(
        db,
        newSignal({
          tenantId: GRONINGEN.id,
          ...GRONINGEN_POINT,
          category: { serviceCode: 'geldzorgen' },
          description: G_SECRET,
          reporter: { email: 'g.melder@example.nl' },
          links: gLinks,
        }),
      ),
    );
    sig.gPublic = keep(
      await createSignal(
        db,
        newSignal({
          tenantId: GRONINGEN.id,
          ...GRONINGEN_POINT,
          description: G_PUBLIC,
          reporter: { email: 'g.melder2@example.nl' },
          links: gLinks,
        }),
      ),
    );
    const numbers = await db.selectFrom('signals_signals').select(['tenant_id', 'public_id']).execute();
    const inTenant = (t: string) => new Set(numbers.filter((n) => n.tenant_id === t).map((n) => n.public_id));
    for (const s of [sig.kSensitive, sig.kOwn]) {
      assert.ok(!inTenant(GRONINGEN.id).has(s.publicId), `premise: ${s.publicId} is not also a number in Groningen`);
    }
    for (const s of [sig.gSensitive, sig.gPublic]) {
      assert.ok(!inTenant(KRIMPEN.id).has(s.publicId), `premise: ${s.publicId} is not also a number in Krimpen`);
    }
    for (const b of [pim, coordK, adminK]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const db = () => ctx.database.db;
  const states = async () =>
    (await db().selectFrom('signals_signals').select(['public_id', 'tenant_id', 'state', 'organisation_id']).orderBy('id').execute()).map(
      (r) => JSON.stringify(r),
    );
  const transitions = async () =>
    Number(
      (
        await db()
          .selectFrom('signals_transitions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const noneOf = (body: string, texts: string[], where: string) => {
    for (const t of texts) assert.ok(!body.includes(t), `${where} shows ${t}`);
  };
  const krimpenTexts = () => [sig.kSensitive.publicId, sig.kOwn.publicId, K_SECRET, K_REPORTER, K_OWN];
  const groningenTexts = () => [sig.gSensitive.publicId, sig.gPublic.publicId, G_SECRET, G_PUBLIC, G_NOTE];
  /** What an error page must not show (it may repeat the requested address, so the number is left out). */
  const KRIMPEN_CONTENT = [K_SECRET, K_REPORTER, K_OWN, 'k.melder@example.nl'];
  const GRONINGEN_CONTENT = [G_SECRET, G_PUBLIC, G_NOTE, 'g.melder@example.nl', 'g.melder2@example.nl'];

  it("in Krimpen the person is a resident: every staff page answers 403 and shows nothing; their own report is under 'mijn meldingen'", async () => {
    const before = { states: await states(), transitions: await transitions() };
    const pages = [
      `${K}/behandelen`,
      `${K}/behandelen?weergave=kaart`,
      `${K}/behandelen/export.csv`,
      `${K}/behandelen/${sig.kSensitive.publicId}`,
      `${K}/behandelen/${sig.kOwn.publicId}`,
      `${K}/behandelen/${sig.kSensitive.publicId}/samenvoegen`,
      `${K}/behandelen/${sig.kSensitive.publicId}/afsplitsen`,
      `${K}/behandelen/${sig.kSensitive.publicId}/fotos/1`,
      `${K}/wijkschouw`,
      `/${KRIMPEN.slug}/beheer/meldingen`,
      `/${KRIMPEN.slug}/beheer/meldingen/routering`,
      `/${KRIMPEN.slug}/beheer/meldingen/termijnen`,
      `/${KRIMPEN.slug}/beheer/audit`,
      `/${KRIMPEN.slug}/beheer/mail`,
    ];
    for (const path of pages) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 403, path);
      noneOf(res.body, KRIMPEN_CONTENT, path);
    }
    const posts: [string, Record<string, string>][] = [
      [`${K}/behandelen/${sig.kSensitive.publicId}/status`, { to: 'in_behandeling', internalNote: 'door Pim' }],
      [`${K}/behandelen/${sig.kOwn.publicId}/status`, { to: 'afgehandeld', publicMessage: 'zelf opgelost' }],
      [`${K}/behandelen/${sig.kSensitive.publicId}/toewijzen`, { organisationId: k.housing, note: '' }],
      [`${K}/behandelen/${sig.kOwn.publicId}/heropenen`, {}],
      [`${K}/behandelen/filters`, { name: 'Pim', status: 'gemeld' }],
    ];
    for (const [path, form] of posts) {
      const res = await pim.post(path, form);
      assert.equal(res.statusCode, 403, path);
      assert.match(res.body, FORBIDDEN, `${path}: refused by policy, not by the CSRF check`);
    }
    assert.deepEqual({ states: await states(), transitions: await transitions() }, before);
    const mine = await pim.get(`${K}/mijn`);
    assert.equal(mine.statusCode, 200);
    assert.ok(mine.body.includes(sig.kOwn.publicId), 'their own report in Krimpen');
    noneOf(mine.body, [...groningenTexts(), sig.kSensitive.publicId, K_SECRET], `${K}/mijn`);
    const nav = await pim.get(`/${KRIMPEN.slug}/meldingen`);
    assert.doesNotMatch(nav.body, /meldingen\/behandelen/, 'no link to the handling pages in Krimpen');
  });

  it("in Groningen the person is a coordinator: list, map, CSV and pages show Groningen's signals, never Krimpen's", async () => {
    const list = await pim.get(`${G}/behandelen`);
    assert.equal(list.statusCode, 200);
    for (const s of [sig.gSensitive, sig.gPublic]) assert.ok(list.body.includes(s.publicId), `Groningen's ${s.publicId} in the list`);
    noneOf(list.body, krimpenTexts(), 'the list');
    const map = await pim.get(`${G}/behandelen?weergave=kaart`);
    assert.equal(map.statusCode, 200);
    noneOf(map.body, krimpenTexts(), 'the map');
    const csv = await pim.get(`${G}/behandelen/export.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.ok(csv.body.includes(sig.gPublic.publicId) && csv.body.includes(G_PUBLIC), "Groningen's signal in the CSV");
    noneOf(csv.body, krimpenTexts(), 'the CSV');
    const page = await pim.get(`${G}/behandelen/${sig.gSensitive.publicId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(G_SECRET));
    noneOf(page.body, krimpenTexts(), 'the signal page');
    const mine = await pim.get(`${G}/mijn`);
    assert.equal(mine.statusCode, 200);
    noneOf(mine.body, krimpenTexts(), `${G}/mijn`);
  });

  it("Groningen's role never reaches Krimpen's signals: Krimpen's numbers under Groningen's address are 404, Groningen's under Krimpen's 403", async () => {
    const before = { states: await states(), transitions: await transitions() };
    for (const s of [sig.kSensitive, sig.kOwn]) {
      for (const path of [
        `${G}/behandelen/${s.publicId}`,
        `${G}/behandelen/${s.publicId}/samenvoegen`,
        `${G}/behandelen/${s.publicId}/afsplitsen`,
        `${G}/behandelen/${s.publicId}/fotos/1`,
      ]) {
        const res = await pim.get(path);
        assert.equal(res.statusCode, 404, path);
        noneOf(res.body, KRIMPEN_CONTENT, path);
      }
      for (const [path, form] of [
        [`${G}/behandelen/${s.publicId}/status`, { to: 'in_behandeling', internalNote: 'via Groningen' }],
        [`${G}/behandelen/${s.publicId}/toewijzen`, { organisationId: g.housing, note: '' }],
        [`${G}/behandelen/${s.publicId}/heropenen`, {}],
        [`${G}/behandelen/${s.publicId}/acties`, { organisationId: g.welfare, task: 'Langsgaan' }],
      ] as [string, Record<string, string>][]) {
        assert.equal((await pim.post(path, form)).statusCode, 404, path);
      }
    }
    // A Krimpen organisation on a Groningen signal.
    const reassign = await pim.post(`${G}/behandelen/${sig.gPublic.publicId}/toewijzen`, { organisationId: k.welfare, note: '' });
    assert.equal(reassign.statusCode, 404);
    for (const s of [sig.gSensitive, sig.gPublic]) {
      const res = await pim.get(`${K}/behandelen/${s.publicId}`);
      assert.equal(res.statusCode, 403);
      noneOf(res.body, GRONINGEN_CONTENT, `${K}/behandelen/${s.publicId}`);
      assert.equal((await pim.post(`${K}/behandelen/${s.publicId}/status`, { to: 'in_behandeling' })).statusCode, 403);
    }
    assert.deepEqual({ states: await states(), transitions: await transitions() }, before);
  });

  it("Krimpen's coordinator and administrator see and change nothing of what the person does in Groningen", async () => {
    await pim.get(`${G}/behandelen/${sig.gPublic.publicId}`);
    const handled = await pim.post(`${G}/behandelen/${sig.gPublic.publicId}/status`, {
      to: 'in_behandeling',
      internalNote: G_NOTE,
      publicMessage: '',
    });
    assert.equal(handled.statusCode, 303, handled.body.slice(0, 500));
    const before = { states: await states(), transitions: await transitions() };

    const list = await coordK.get(`${K}/behandelen`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(sig.kSensitive.publicId), "Krimpen's coordinator sees Krimpen's signals");
    noneOf(list.body, groningenTexts(), "Krimpen's list");
    const csv = await coordK.get(`${K}/behandelen/export.csv`);
    assert.equal(csv.statusCode, 200);
    noneOf(csv.body, groningenTexts(), "Krimpen's CSV");
    for (const s of [sig.gSensitive, sig.gPublic]) {
      const own = await coordK.get(`${K}/behandelen/${s.publicId}`);
      assert.equal(own.statusCode, 404, `${s.publicId} under Krimpen`);
      noneOf(own.body, GRONINGEN_CONTENT, `${s.publicId} under Krimpen`);
      const other = await coordK.get(`${G}/behandelen/${s.publicId}`);
      assert.equal(other.statusCode, 403, `${s.publicId} under Groningen`);
      noneOf(other.body, GRONINGEN_CONTENT, `${s.publicId} under Groningen`);
      for (const base of [K, G]) {
        const res = await coordK.post(`${base}/behandelen/${s.publicId}/status`, {
          to: 'afgehandeld',
          publicMessage: 'Door Krimpen gesloten',
        });
        assert.equal(res.statusCode, base === K ? 404 : 403, `${base}: status of ${s.publicId}`);
        assert.equal(
          (await coordK.post(`${base}/behandelen/${s.publicId}/toewijzen`, { organisationId: k.housing, note: '' })).statusCode,
          base === K ? 404 : 403,
        );
      }
    }
    assert.equal((await coordK.get(`${G}/behandelen`)).statusCode, 403);

    // The audit log of Krimpen, searched for this person: their report in Krimpen, nothing of Groningen.
    const audit = await adminK.get(`/${KRIMPEN.slug}/beheer/audit?gebruiker-id=${pimId}`);
    assert.equal(audit.statusCode, 200);
    assert.ok(audit.body.includes(sig.kOwn.id), "Pim's report in Krimpen is in Krimpen's audit log");
    noneOf(audit.body, [sig.gPublic.id, sig.gSensitive.id, ...groningenTexts()], "Krimpen's audit log");
    const byRecord = await adminK.get(`/${KRIMPEN.slug}/beheer/audit?record-id=${sig.gPublic.id}`);
    assert.equal(byRecord.statusCode, 200);
    // The results under the filter form (the form's person list names Krimpen's own people, Pim among them).
    const found = byRecord.body.slice(byRecord.body.lastIndexOf('</form>'));
    assert.ok(
      !found.includes(pimId) && !found.includes('Pim') && !byRecord.body.includes(G_NOTE),
      "Groningen's record is not in Krimpen's audit log",
    );
    for (const path of [
      `/${GRONINGEN.slug}/beheer/audit?gebruiker-id=${pimId}`,
      `${G}/behandelen/${sig.gPublic.publicId}`,
      `/${GRONINGEN.slug}/beheer/meldingen`,
    ]) {
      assert.equal((await adminK.get(path)).statusCode, 403, path);
    }
    for (const path of [`${K}/behandelen/${sig.gPublic.publicId}`, `${K}/behandelen`]) {
      assert.equal((await adminK.get(path)).statusCode, 403, `${path}: an administrator is no handler`);
    }
    assert.deepEqual({ states: await states(), transitions: await transitions() }, before);
    const g1 = await db().selectFrom('signals_signals').select(['state']).where('id', '=', sig.gPublic.id).executeTakeFirstOrThrow();
    assert.equal(g1.state, 'in_behandeling');
  });
});
