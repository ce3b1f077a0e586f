/**
 * The survey builder through the real app: only coordinators; a threshold below 5 and a malformed
 * period are refused with the message beside the field and nothing written; a survey stores the
 * latest version of each chosen item set; codes are shown once (never cached, only hashes stored).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { T, WIJK, setupAreas } from '../respond/respond.test-support.ts';

const form = (over: Record<string, string> = {}) => ({
  title_nl: 'Buurtenquête Centrum',
  title_en: 'Survey Centrum',
  item_sets: 'cohesion-vm',
  area_code: WIJK,
  period: '2026-Q4',
  opens_on: '2026-11-01',
  closes_on: '2026-12-31',
  open_link: '1',
  status: 'open',
  min_respondents: '30',
  ...over,
});

describe('surveys: the builder', () => {
  const ctx = useTestApp();
  const coordinator = {} as { b: TestBrowser };
  const base = `/${T.slug}/beheer/enquetes`;
  const count = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom('surveys')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    await setupAreas(ctx.database.db);
    coordinator.b = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator.b, { tenantId: T.id, role: 'coordinator' });
  });

  it('is for coordinators only', async () => {
    const volunteer = new TestBrowser(ctx.app);
    await signInAs(ctx, volunteer, { tenantId: T.id, role: 'volunteer' });
    assert.equal((await volunteer.get(base)).statusCode, 403);
    assert.equal((await volunteer.post(base, form())).statusCode, 403);
    assert.equal((await new TestBrowser(ctx.app).get(base)).statusCode, 401);
    const res = await coordinator.b.get(base);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Nieuwe enquête maken/);
  });

  it('refuses a threshold below 5, beside the field, and writes nothing', async () => {
    const before = await count();
    const res = await coordinator.b.post(base, form({ min_respondents: '4' }));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Vul een heel getal in van minimaal 5/);
    assert.match(res.body, /id="veld-min_respondents"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="veld-min_respondents"/);
    assert.equal(await count(), before);
  });

  it('refuses a malformed period and dates in the wrong order', async () => {
    const before = await count();
    for (const period of ['2026-Q5', '26', '2026-13', '2026 Q4']) {
      const res = await coordinator.b.post(base, form({ period }));
      assert.equal(res.statusCode, 422, period);
      assert.match(res.body, /Vul een jaar \(2026\), een kwartaal \(2026-Q4\)/, period);
    }
    const dates = await coordinator.b.post(base, form({ opens_on: '2026-12-01', closes_on: '2026-11-01' }));
    assert.equal(dates.statusCode, 422);
    assert.match(dates.body, /De laatste dag ligt vóór de eerste dag/);
    const noSet = await coordinator.b.post(base, { ...form(), item_sets: 'no-such-set' });
    assert.equal(noSet.statusCode, 422);
    assert.match(noSet.body, /Deze vragenlijst bestaat niet/);
    assert.equal(await count(), before);
  });

  it('stores the latest version of each item set, the area and an open link', async () => {
    const res = await coordinator.b.post(base, form());
    assert.equal(res.statusCode, 303);
    const id = /enquetes\/([0-9a-f-]{36})/.exec(res.headers.location as string)?.[1];
    assert.ok(id);
    const row = await ctx.database.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row.item_sets, [{ set: 'cohesion-vm', version: '2021' }]);
    assert.equal(row.area_code, WIJK);
    assert.equal(row.min_respondents, 30);
    assert.match(row.open_link_token ?? '', /^[A-Za-z0-9_-]{43}$/);
    const page = await coordinator.b.get(`${base}/${id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`/${T.slug}/enquete/${row.open_link_token}`));
    // The link off: the token is gone.
    const { open_link: _off, ...withoutLink } = form();
    assert.equal((await coordinator.b.post(`${base}/${id}`, withoutLink)).statusCode, 303);
    const after = await ctx.database.db.selectFrom('surveys').select('open_link_token').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(after.open_link_token, null);
  });

  it('shows codes once, printable, and stores only their hashes', async () => {
    const created = await coordinator.b.post(base, form({ title_nl: 'Codes-enquête' }));
    const id = /enquetes\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const bad = await coordinator.b.post(`${base}/${id}/codes`, { count: '0', kind: 'paper' });
    assert.equal(bad.statusCode, 422);
    const res = await coordinator.b.post(`${base}/${id}/codes`, { count: '4', kind: 'paper', qr: '1' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const codes = [...res.body.matchAll(/class="sv-code">([0-9A-Z]{5}-[0-9A-Z]{5})</g)].map((m) => m[1]!);
    assert.equal(codes.length, 4);
    assert.match(res.body, /<img class="sv-qr" src="data:image\/svg\+xml;base64,/);
    const rows = await ctx.database.db.selectFrom('survey_invitations').selectAll().where('survey_id', '=', id).execute();
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.map((r) => r.code_hash).sort(), codes.map((c) => hashToken(c.replace('-', ''))).sort());
    for (const r of rows) assert.ok(!codes.some((c) => JSON.stringify(r).includes(c.replace('-', ''))));
    // Never again: the edit page and the list show counts, not codes.
    for (const page of [await coordinator.b.get(`${base}/${id}`), await coordinator.b.get(base)]) {
      for (const c of codes) assert.ok(!page.body.includes(c));
    }
    assert.match((await coordinator.b.get(`${base}/${id}`)).body, /Codes: 0 van 4 gebruikt/);
  });
});
