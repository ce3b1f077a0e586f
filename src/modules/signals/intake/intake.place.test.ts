import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TestBrowser, useTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { getArea } from '../../areas/areas.service.ts';
import { KRIMPEN, KRIMPEN_POINT, setupTenant } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen`;
const sidOf = (html: string) => /name="submissionId" value="([^"]+)"/.exec(html)![1]!;

async function newForm(b: TestBrowser, code: string) {
  const page = await b.get(`${base}/nieuw/${code}`);
  assert.equal(page.statusCode, 200);
  return { page, sid: sidOf(page.body) };
}

/** A regular expression that must match, without printing the whole page when it does not. */
function has(body: string, re: RegExp, msg = String(re)) {
  assert.ok(re.test(body), msg);
}

const countSignals = async (ctx: TestContext) =>
  (await sql<{ n: number }>`select count(*)::int as n from signals_signals`.execute(ctx.database.db)).rows[0]!.n;

/** Everything placed gets its buurt and wijk: a pin, a typed address, a worry's buurt; what cannot be placed asks again. */
describe('placing a report (pin, address, the neighbour’s buurt)', () => {
  const ctx = useTestApp();
  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
  });
  const stored = (id: string) =>
    ctx.database.db
      .selectFrom('signals_signals')
      .select(['buurt_code', 'wijk_code', 'latitude', 'longitude', 'address'])
      .where('public_id', '=', id)
      .executeTakeFirstOrThrow();
  const numberOf = (html: string) => /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(html)?.[1];

  it('the form shows an address with autocomplete and a map picker, no latitude or longitude fields', async () => {
    const { page } = await newForm(new TestBrowser(ctx.app), 'verlichting');
    assert.ok(!page.body.includes('Breedtegraad') && !page.body.includes('Lengtegraad'));
    has(page.body, /name="address"[^>]*data-address-autocomplete="\/krimpen-aan-den-ijssel\/adressen\/zoek"/);
    has(page.body, /data-map="picker"/);
    has(page.body, /<input type="hidden" id="[^"]+" name="lat" value\/?>/);
    assert.ok(page.body.includes('/static/map.js'));
  });

  it('a pin gets its buurt and wijk; the confirmation says what happens next, by when, and what was reported', async () => {
    const b = new TestBrowser(ctx.app);
    const { sid } = await newForm(b, 'verlichting');
    const res = await b.post(`${base}/nieuw/verlichting`, {
      submissionId: sid,
      description: 'Lantaarnpaal brandt niet',
      lat: String(KRIMPEN_POINT.latitude),
      lon: String(KRIMPEN_POINT.longitude),
      email: 'pin@example.nl',
      wantsFeedback: '1',
    });
    assert.equal(res.statusCode, 200, /error-message[^>]*>([^<]*)/.exec(res.body)?.[1]);
    const row = await stored(numberOf(res.body)!);
    assert.ok(row.buurt_code?.startsWith('BU0542'), String(row.buurt_code));
    assert.ok(row.wijk_code?.startsWith('WK0542'));
    assert.ok(res.body.includes('Wat gebeurt er nu?'));
    // Verlichting has a deadline of some working days: the date is written as "9 dec 2026".
    has(
      res.body,
      /id="uiterlijk">We willen uw melding uiterlijk \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) 20\d\d hebben afgehandeld/,
    );
    has(res.body, /<dl class="signals-facts" id="samenvatting-lijst">/);
    assert.ok(res.body.includes('Lantaarnpaal brandt niet'));
    // Sent again (a reload): it says the link is in the e-mail, and not also that an e-mail will come.
    const again = await b.post(`${base}/nieuw/verlichting`, {
      submissionId: sid,
      description: 'Lantaarnpaal brandt niet',
      lat: String(KRIMPEN_POINT.latitude),
      lon: String(KRIMPEN_POINT.longitude),
      email: 'pin@example.nl',
      wantsFeedback: '1',
      nearbySeen: '1',
    });
    assert.ok(again.body.includes('De link om uw melding te volgen staat in de e-mail die u kreeg.'));
    assert.ok(!again.body.includes('U krijgt ook een e-mail') && !again.body.includes('U krijgt een e-mail met de link'));
  });

  it('a typed address without a pin is geocoded (here: the postcode area, said so) and gets its buurt', async () => {
    const b = new TestBrowser(ctx.app);
    const { sid } = await newForm(b, 'groen');
    const res = await b.post(`${base}/nieuw/groen`, { submissionId: sid, description: 'Tak op het pad', address: '2922 AD 1' });
    assert.equal(res.statusCode, 200, /error-message[^>]*>([^<]*)/.exec(res.body)?.[1]);
    const row = await stored(numberOf(res.body)!);
    assert.ok(row.buurt_code && row.wijk_code, 'placed');
    assert.equal(row.address, '2922 AD 1');
    assert.ok(res.body.includes('We zoeken vanaf het midden van postcodegebied 2922'));
  });

  it('an unknown address, an address outside and a pin in the sea come back beside the address field, everything kept, nothing stored', async () => {
    const b = new TestBrowser(ctx.app);
    const before = await countSignals(ctx);
    const { sid } = await newForm(b, 'groen');
    const cases: [Record<string, string>, RegExp][] = [
      [{ address: 'Nergenshuizen 12' }, /id="veld-address-error"[^>]*>[^<]+/],
      [{ address: '9712 AB 10' }, /id="veld-address-error"[^>]*>[^<]*niet in de gemeente Krimpen aan den IJssel/],
      [{ lat: '52.6', lon: '3.9' }, /id="veld-address-error"[^>]*>Deze plek ligt niet in de gemeente Krimpen aan den IJssel/],
      [{}, /id="veld-address-error"[^>]*>Vul het adres in, of zet een punt op de kaart\./],
    ];
    for (const [place, message] of cases) {
      const res = await b.post(`${base}/nieuw/groen`, {
        submissionId: sid,
        description: 'Omgewaaide boom',
        name: 'Mevrouw Test',
        ...place,
      });
      assert.equal(res.statusCode, 422, JSON.stringify(place));
      has(res.body, message, JSON.stringify(place));
      assert.ok(res.body.includes('>Omgewaaide boom</textarea>') && res.body.includes('value="Mevrouw Test"'), 'what was typed is kept');
      if (place.address) assert.ok(res.body.includes(`value="${place.address}"`));
    }
    assert.equal(await countSignals(ctx), before);
  });

  it('a worry asks for the neighbour’s buurt or street: no photos, no map; stored at the buurt, not a house', async () => {
    const b = new TestBrowser(ctx.app);
    const { page, sid } = await newForm(b, 'eenzaamheid');
    assert.ok(page.body.includes('Waar woont uw buurtgenoot?'));
    assert.ok(!page.body.includes('name="photos"') && !page.body.includes('data-map="picker"'));
    assert.ok(!page.body.includes('Breedtegraad'));
    const buurt = /<option value="(BU\d+)"/.exec(page.body)![1]!;
    const missing = await b.post(`${base}/nieuw/eenzaamheid`, {
      submissionId: sid,
      description: 'Buurvrouw eenzaam',
      email: 'z@example.nl',
    });
    assert.equal(missing.statusCode, 422);
    has(missing.body, /id="veld-buurt-error"[^>]*>Kies de buurt of vul de straat in\./);
    const res = await b.post(`${base}/nieuw/eenzaamheid`, {
      submissionId: sid,
      description: 'Buurvrouw eenzaam',
      email: 'z@example.nl',
      buurt,
      address: 'Populierenlaan',
    });
    assert.equal(res.statusCode, 200, /error-message[^>]*>([^<]*)/.exec(res.body)?.[1]);
    const row = await stored(numberOf(res.body)!);
    const area = await getArea(ctx.database.db, KRIMPEN.id, buurt);
    assert.equal(row.latitude, area!.label![1], 'the buurt’s own point');
    assert.ok(row.address?.startsWith('Populierenlaan, '));
    assert.ok(row.wijk_code);
  });
});

describe('placing a report when the geocoder cannot be reached', () => {
  const ctx = useTestApp({ geocoder: { pdok: true, pdokUrl: 'http://127.0.0.1:9/locatieserver', timeoutMs: 500 } });
  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
  });

  it('says so beside the address field, keeps what was typed and stores nothing', async () => {
    const b = new TestBrowser(ctx.app);
    const before = await countSignals(ctx);
    const { sid } = await newForm(b, 'verlichting');
    const res = await b.post(`${base}/nieuw/verlichting`, { submissionId: sid, description: 'Lamp kapot', address: 'Raadhuisplein 1' });
    assert.equal(res.statusCode, 422);
    has(res.body, /id="veld-address-error"/);
    assert.ok(res.body.includes('value="Raadhuisplein 1"'));
    assert.equal(await countSignals(ctx), before);
  });
});
