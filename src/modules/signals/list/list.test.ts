import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen/behandelen`;
const SECRET = 'Buurman op 9 komt niet meer buiten';
const REPORTER = 'lijst.melder@example.nl';
const FORMULA = '=HYPERLINK("http://evil.example","klik")';
const idsOf = (body: string) =>
  [...body.matchAll(/<td class="utrecht-table__cell"><a class="utrecht-link" href="[^"]+">(SIG-\d{4}-\d{6})<\/a>/g)].map((m) => m[1]!);

describe('signals list: paging, filters, visibility, map, CSV export, saved filters', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  const sensitive: string[] = [];
  const housing: string[] = [];
  let formulaId = '';
  let buurt = '';
  let coord: TestBrowser;
  let housingPro: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    k = await setupTenant(db, KRIMPEN);
    await setupTenant(db, GRONINGEN);
    for (let i = 0; i < 3; i++) {
      const s = await createSignal(
        db,
        newSignal({
          category: { serviceCode: 'eenzaamheid' },
          description: SECRET,
          reporter: { email: REPORTER, name: 'Geheime Melder' },
          now: new Date(NOW.getTime() + i * 1000),
        }),
      );
      sensitive.push(s.signal.public_id);
    }
    for (let i = 0; i < 2; i++) {
      const s = await createSignal(
        db,
        newSignal({
          category: { serviceCode: 'burenoverlast' },
          description: 'Harde muziek',
          reporter: { email: REPORTER },
          now: new Date(NOW.getTime() + 5000 + i),
        }),
      );
      housing.push(s.signal.public_id);
    }
    // 106 public-space signals, many sharing one timestamp: the order must still be stable.
    for (let i = 0; i < 106; i++) {
      const s = await createSignal(
        db,
        newSignal({
          description: i === 0 ? FORMULA : `Lamp ${i} kapot`,
          reporter: { email: REPORTER },
          now: new Date(NOW.getTime() - Math.floor(i / 10) * 60_000),
        }),
      );
      if (i === 0) {
        formulaId = s.signal.public_id;
        buurt = s.signal.buurt_code ?? '';
      }
    }
    assert.ok(buurt, 'the test point lies in a buurt');
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    housingPro = new TestBrowser(ctx.app);
    await signInAs(ctx, housingPro, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.housing });
  });

  it('pages of 50 by cursor in a stable order: no duplicates, no gaps, next and previous links, and the total', async () => {
    const seen: string[] = [];
    const cursors: string[] = [];
    let url = `${base}?status=open`;
    for (let p = 1; p <= 3; p++) {
      const r = await coord.get(url);
      assert.equal(r.statusCode, 200);
      assert.ok(r.body.includes('Gevonden: 111 meldingen'));
      const ids = idsOf(r.body);
      assert.equal(ids.length, p < 3 ? 50 : 11);
      seen.push(...ids);
      assert.equal(r.body.includes('rel="prev"'), p > 1, `page ${p}: a previous link after the first page`);
      const next = /href="([^"]+)" rel="next"/.exec(r.body)?.[1]?.replaceAll('&amp;', '&');
      assert.equal(!!next, p < 3, `page ${p}: a next link until the last page`);
      if (next) {
        assert.match(next, /^\/krimpen-aan-den-ijssel\/meldingen\/behandelen\?status=open&na=\d+_[0-9a-f-]{36}$/);
        cursors.push(next);
        url = next;
      }
    }
    assert.equal(new Set(seen).size, 111, 'no duplicates across pages');
    for (const id of [...sensitive, ...housing, formulaId]) assert.ok(seen.includes(id), id);
    const again = await coord.get(cursors[0]!);
    assert.deepEqual(idsOf(again.body), seen.slice(50, 100), 'the same page twice gives the same rows');
    // Back from the last page: the previous link gives the second page again.
    const last = await coord.get(cursors[1]!);
    const prev = /href="([^"]+)" rel="prev"/.exec(last.body)![1]!.replaceAll('&amp;', '&');
    assert.match(prev, /&voor=\d+_/);
    assert.deepEqual(idsOf((await coord.get(prev)).body), seen.slice(50, 100));
    const bad = await coord.get(`${base}?na=abc&voor=1_x&status=nonsense`);
    assert.equal(bad.statusCode, 200, 'a malformed cursor shows the first page');
    assert.deepEqual(idsOf(bad.body), seen.slice(0, 50));
    assert.ok(/<th class="utrecht-table__header-cell" scope="col">Nummer<\/th>/.test(again.body), 'a table with column headers');
    assert.ok(again.body.includes('<caption'), 'the table has a caption');
  });

  it('each filter narrows the list', async () => {
    assert.deepEqual(new Set(idsOf((await coord.get(`${base}?categorie=burenoverlast`)).body)), new Set(housing));
    assert.deepEqual(new Set(idsOf((await coord.get(`${base}?gevoelig=ja`)).body)), new Set(sensitive));
    assert.equal(idsOf((await coord.get(`${base}?gevoelig=nee`)).body).filter((id) => sensitive.includes(id)).length, 0);
    assert.deepEqual(new Set(idsOf((await coord.get(`${base}?organisatie=${k.housing}`)).body)), new Set(housing));
    assert.equal(idsOf((await coord.get(`${base}?status=afgehandeld`)).body).length, 0);
    assert.equal(idsOf((await coord.get(`${base}?categorie=bestaat-niet`)).body).length, 0);
    assert.ok((await coord.get(`${base}?gebied=${buurt}`)).body.includes('Gevonden: 111 meldingen'));
    assert.equal(idsOf((await coord.get(`${base}?gebied=BU99999999`)).body).length, 0);
    assert.equal(idsOf((await coord.get(`${base}?telaat=1`)).body).length, 0, 'nothing is overdue on the fixed clock');
  });

  it('visibility: a professional sees only their organisation’s signals; others see none; another tenant is refused', async () => {
    const own = await housingPro.get(`${base}?status=`);
    assert.deepEqual(new Set(idsOf(own.body)), new Set(housing));
    assert.ok(!own.body.includes(REPORTER), 'no reporter details in the list');
    const noOrg = new TestBrowser(ctx.app);
    await signInAs(ctx, noOrg, { tenantId: KRIMPEN.id, role: 'professional', organisationId: null });
    assert.equal(idsOf((await noOrg.get(base)).body).length, 0);
    const welfare = new TestBrowser(ctx.app);
    await signInAs(ctx, welfare, { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.welfare });
    assert.deepEqual(new Set(idsOf((await welfare.get(base)).body)), new Set(sensitive));
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await other.get(base)).statusCode, 403);
    assert.equal((await other.get(`${base}/export.csv`)).statusCode, 403);
    assert.equal(idsOf((await other.get(`/${GRONINGEN.slug}/meldingen/behandelen`)).body).length, 0);
  });

  it('map view: the SVG is a labelled group with one link per dot; sensitive ones at buurt level; the list stays below', async () => {
    const r = await coord.get(`${base}?weergave=kaart&gevoelig=ja`);
    assert.equal(r.statusCode, 200);
    assert.ok(/<svg[^>]+role="group"[^>]+aria-labelledby="signal-map-title"/.test(r.body));
    for (const id of sensitive) {
      assert.ok(new RegExp(`<a href="${base}/${id}" aria-label="${id}: [^"]+\\(plek: midden van de buurt\\)"><rect`).test(r.body), id);
    }
    assert.ok(!r.body.includes('<circle'), 'no precise point for sensitive signals');
    assert.deepEqual(new Set(idsOf(r.body)), new Set(sensitive), 'the list is the fallback');
    const pub = await coord.get(`${base}?weergave=kaart&categorie=burenoverlast`);
    for (const id of housing) assert.ok(new RegExp(`<a href="${base}/${id}" aria-label="${id}: [^"]+"><circle`).test(pub.body), id);
    assert.ok(pub.body.includes('aria-current="page">Kaart'));
  });

  it('CSV export: BOM, semicolons, formula guard, no reporter details, sensitive rows without description; audited', async () => {
    const r = await coord.get(`${base}/export.csv?status=open`);
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="meldingen-krimpen-aan-den-ijssel-2026-11-23\.csv"/);
    assert.ok(r.body.startsWith('\ufeffnummer;onderwerp;'), 'BOM and header');
    assert.ok(!r.body.includes(REPORTER) && !r.body.includes('Geheime Melder'), 'no reporter details');
    assert.ok(!r.body.includes(SECRET), 'no description of sensitive signals');
    const records = parse(r.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    assert.equal(records.length, 111);
    const f = records.find((x) => x.nummer === formulaId)!;
    assert.equal(f.omschrijving, `'${FORMULA}`, 'formula guarded');
    const s = records.find((x) => x.nummer === sensitive[0])!;
    assert.equal(s.vertrouwelijk, 'ja');
    assert.equal(s.omschrijving, '');
    assert.equal(s.adres, '');
    assert.equal(s.breedtegraad, '');
    assert.equal(s.buurt, buurt);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'export')
      .where('entity', '=', 'signal')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.detail as { rows: number }).rows, 111);
    assert.ok(!JSON.stringify(audit[0]!.detail).includes('@'));
    const own = await housingPro.get(`${base}/export.csv?status=`);
    const ownRecords = parse(own.body.slice(1), { delimiter: ';', columns: true }) as Record<string, string>[];
    assert.deepEqual(new Set(ownRecords.map((x) => x.nummer)), new Set(housing), 'the export follows the list’s visibility');
  });

  it('saved filters: per user, listed as links, deletable only by their owner, at most 20', async () => {
    await coord.get(base);
    const saved = await coord.post(`${base}/filters`, {
      name: 'Zorg open',
      status: 'open',
      gevoelig: 'ja',
      categorie: '',
      gebied: '',
      organisatie: '',
      telaat: '',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${base}?status=open&gevoelig=ja`);
    const page = await coord.get(base);
    assert.ok(page.body.includes(`href="${base}?status=open&amp;gevoelig=ja">Zorg open</a>`));
    const id = /filters\/([0-9a-f-]{36})\/verwijderen/.exec(page.body)![1]!;
    assert.ok(!(await housingPro.get(base)).body.includes('Zorg open'), 'another user does not see it');
    assert.equal((await housingPro.post(`${base}/filters/${id}/verwijderen`, {})).statusCode, 404, 'nor delete it');
    assert.equal((await coord.post(`${base}/filters`, { name: '  ' })).statusCode, 422);
    for (let i = 1; i < 20; i++) {
      assert.equal((await coord.post(`${base}/filters`, { name: `Filter ${i}`, status: 'open' })).statusCode, 303);
    }
    assert.equal((await coord.post(`${base}/filters`, { name: 'Eén te veel', status: 'open' })).statusCode, 409);
    assert.equal((await coord.post(`${base}/filters`, { name: 'Zorg open', status: '' })).statusCode, 303, 'the same name replaces');
    assert.equal((await coord.post(`${base}/filters/${id}/verwijderen`, {})).statusCode, 303);
    assert.ok(!(await coord.get(base)).body.includes('>Zorg open</a>'));
    const rows = await ctx.database.db.selectFrom('signals_saved_filters').select('id').where('tenant_id', '=', KRIMPEN.id).execute();
    assert.equal(rows.length, 19);
  });

  it('overdue filter: past the deadlines every open signal is late (runs last: it moves the clock)', async () => {
    ctx.clock.advance(120 * 24 * 3600 * 1000);
    const later = new TestBrowser(ctx.app);
    await signInAs(ctx, later, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const r = await later.get(`${base}?telaat=1`);
    assert.ok(r.body.includes('Gevonden: 111 meldingen'));
    assert.ok(r.body.includes('(te laat)'));
  });
});
