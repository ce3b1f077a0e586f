/**
 * Route tests of the help marketplace: asking (also on behalf), offering, proposing, accepting
 * (race-safe), hours, blocking, bad input — and that an address never leaks before acceptance.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { refreshAreaSummaries } from '../../../test/helpers/summaries.ts';
import { EAST, OUTSIDE, seedAreas, T, WEST } from './test-support.ts';

const ADDRESS = 'Zwaluwstraat-QX7731 14';
const base = `/${T.slug}/hulp`;

/** Post a form with repeated fields (checkbox groups). */
function postMany(b: TestBrowser, url: string, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', b.csrf], ...fields]).toString();
  return b.post(url, {}, { payload: body });
}

function askFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    category: 'tuin',
    helpType: 'incidental',
    summary: 'De heg snoeien',
    scheduleKind: 'once',
    date: '2026-11-26',
    from: '13:00',
    to: '16:00',
    address: ADDRESS,
    buurt: 'BU05420000',
    lat: String(WEST[1]),
    lon: String(WEST[0]),
    radius: '1000',
    urgency: 'normal',
    remarks: 'Sleutel ligt onder de mat',
    ...over,
  };
}

const offerFields = (buurt: string): [string, string][] => [
  ['categories', 'tuin'],
  ['categories', 'klussen'],
  ['slots', '4-middag'],
  ['slots', '6-ochtend'],
  ['reach', 'cycle3000'],
  ['maxPerMonth', '4'],
  ['languages', 'nl'],
  ['buurt', buurt],
  ['active', 'ja'],
];

function idFrom(location: string | undefined, kind: 'vragen' | 'match'): string {
  const m = new RegExp(`/${kind}/([0-9a-f-]{36})`).exec(location ?? '');
  assert.ok(m, `redirect to a ${kind} page, got ${location}`);
  return m[1]!;
}

describe('helpmatch routes', () => {
  const ctx = useTestApp();
  let resident: TestBrowser;
  let volunteer: TestBrowser;
  let volunteer2: TestBrowser;
  let neighbour: TestBrowser;
  let anonymous: TestBrowser;
  let coordinator: TestBrowser;
  let volunteerId: string;

  before(async () => {
    await seedAreas(ctx.database.db);
    resident = new TestBrowser(ctx.app);
    volunteer = new TestBrowser(ctx.app);
    volunteer2 = new TestBrowser(ctx.app);
    neighbour = new TestBrowser(ctx.app);
    anonymous = new TestBrowser(ctx.app);
    coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: T.id, role: 'resident', name: 'Rina Bewoner' });
    volunteerId = await signInAs(ctx, volunteer, { tenantId: T.id, role: 'volunteer', name: 'Vincent Vrijwilliger' });
    await signInAs(ctx, volunteer2, { tenantId: T.id, role: 'volunteer', name: 'Wim Tweede' });
    await signInAs(ctx, neighbour, { tenantId: T.id, role: 'resident', name: 'Nina Buur' });
    await signInAs(ctx, coordinator, { tenantId: T.id, role: 'coordinator', name: 'Cora Coördinator' });
    for (const b of [resident, volunteer, volunteer2, neighbour, anonymous, coordinator]) await b.get(`${base}/vacatures`);
    // Both volunteers offer help, in the east and the west buurt.
    for (const [b, buurt] of [
      [volunteer, 'BU05420001'],
      [volunteer2, 'BU05420000'],
    ] as const) {
      await b.get(`${base}/aanbod`);
      assert.equal((await postMany(b, `${base}/aanbod`, offerFields(buurt))).statusCode, 303);
    }
  });

  /**
   * The address and private remarks of one request, different per test: each test asks for help
   * itself (so it passes alone and in any order), and no test sees another's request.
   */
  const privateOf = (tag: string) => ({ address: `Zwaluwstraat-QX7731-${tag} 14`, remarks: `Sleutel ligt onder de mat (${tag})` });

  /** The resident asks for help; returns the request's id. */
  async function ask(tag: string): Promise<string> {
    const res = await resident.post(`${base}/vragen/nieuw`, askFields(privateOf(tag)));
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    return idFrom(res.headers.location as string, 'vragen');
  }

  /** The match of a request with a volunteer. */
  async function matchOf(requestId: string, userId: string): Promise<string> {
    const row = await ctx.database.db
      .selectFrom('help_matches')
      .select('id')
      .where('request_id', '=', requestId)
      .where('volunteer_user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A request of the resident that the coordinator proposed to `volunteer`. */
  async function proposed(tag: string): Promise<{ requestId: string; matchId: string }> {
    const requestId = await ask(tag);
    await coordinator.get(`${base}/vragen/${requestId}`);
    const res = await coordinator.post(`${base}/coordinatie/vragen/${requestId}/voorstellen`, { volunteer: volunteerId });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    return { requestId, matchId: await matchOf(requestId, volunteerId) };
  }

  /** Follow links under /{tenant}/ from the start pages and collect every page body (and the JSON export). */
  async function crawl(b: TestBrowser, starts: string[], limit = 60): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    const queue = [...starts];
    while (queue.length > 0 && seen.size < limit) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await b.get(url);
      seen.set(url, `${res.statusCode}\n${res.body}`);
      for (const m of res.body.matchAll(/href="([^"#]+)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (href.startsWith(`/${T.slug}/`) && !seen.has(href) && !href.includes('uitloggen')) queue.push(href);
      }
    }
    return seen;
  }

  async function outbox(): Promise<string> {
    const rows = await ctx.database.db.selectFrom('mail_outbox').select(['subject', 'text_body']).execute();
    return rows.map((r) => `${r.subject}\n${r.text_body}`).join('\n---\n');
  }

  it('a resident asks for help; the page confirms and shows the address only to them', async () => {
    const res = await resident.post(`${base}/vragen/nieuw`, askFields());
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    idFrom(res.headers.location as string, 'vragen');
    const page = await resident.get(res.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Uw hulpvraag is verstuurd/);
    assert.ok(page.body.includes(ADDRESS));
    assert.match(page.body, /Westbuurt/);
  });

  it('refuses a time window in the past, a radius of 0 and a place outside the municipality, clearly', async () => {
    const past = await resident.post(`${base}/vragen/nieuw`, askFields({ date: '2026-11-20' }));
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /Deze tijd is al voorbij/);
    const zero = await resident.post(`${base}/vragen/nieuw`, askFields({ radius: '0' }));
    assert.equal(zero.statusCode, 422);
    assert.match(zero.body, /groter dan 0 meter/);
    const outside = await resident.post(`${base}/vragen/nieuw`, askFields({ lat: String(OUTSIDE[1]), lon: String(OUTSIDE[0]) }));
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /ligt niet in deze gemeente/);
    const onBehalf = await resident.post(`${base}/vragen/nieuw`, askFields({ forWhom: 'other', subjectName: 'Mevrouw X' }));
    assert.equal(onBehalf.statusCode, 403, 'a resident cannot ask on behalf of someone');
  });

  it('a volunteer offers help and a volunteer asks on behalf of a resident without an account', async () => {
    // Two volunteers of their own, who have not offered help before.
    const [first, second] = [new TestBrowser(ctx.app), new TestBrowser(ctx.app)];
    await signInAs(ctx, first, { tenantId: T.id, role: 'volunteer', name: 'Olga Aanbieder' });
    await signInAs(ctx, second, { tenantId: T.id, role: 'volunteer', name: 'Otto Aanbieder' });
    for (const [b, buurt] of [
      [first, 'BU05420001'],
      [second, 'BU05420000'],
    ] as const) {
      await b.get(`${base}/aanbod`);
      const res = await postMany(b, `${base}/aanbod`, offerFields(buurt));
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    }
    const home = await first.get(`${base}?melding=aanbod-opgeslagen`);
    assert.match(home.body, /U biedt hulp aan bij: Tuin, Klusjes in en om het huis/);
    const res = await second.post(
      `${base}/vragen/nieuw`,
      askFields({
        forWhom: 'other',
        subjectName: 'Mevrouw Oud',
        subjectPhone: '0180-123456',
        address: 'Elders 1',
        category: 'boodschappen',
      }),
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const page = await second.get(res.headers.location as string);
    assert.match(page.body, /Gevraagd namens een bewoner/);
    assert.match(page.body, /Mevrouw Oud/);
  });

  it('a coordinator proposes the request to a volunteer ("stel voor aan vrijwilliger")', async () => {
    const requestId = await ask('voorstel');
    const page = await coordinator.get(`${base}/vragen/${requestId}`);
    assert.match(page.body, /Stel voor aan vrijwilliger/);
    const res = await coordinator.post(`${base}/coordinatie/vragen/${requestId}/voorstellen`, { volunteer: volunteerId });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const overview = await volunteer.get(base);
    const matchId = await matchOf(requestId, volunteerId);
    assert.ok(overview.body.includes(`/hulp/match/${matchId}`), 'the volunteer sees the match on the overview');
    const matchPage = await volunteer.get(`${base}/match/${matchId}`);
    assert.match(matchPage.body, /Ja, ik help/);
    assert.match(matchPage.body, /1 – 3 km|500 m – 1 km|binnen 500 m/);
  });

  it('the address never leaks before acceptance: pages, links, export and mail', async () => {
    const { requestId, matchId } = await proposed('lek');
    const { address: ADDRESS, remarks } = privateOf('lek');
    const msg = await volunteer.post(`${base}/match/${matchId}/bericht`, { body: 'Past donderdag om twee uur?' });
    assert.equal(msg.statusCode, 303);
    // The neighbourhood pages as the area-summaries job computes them now.
    await refreshAreaSummaries(ctx.app, T.id);
    const starts = [
      base,
      `${base}/vragen/${requestId}`,
      `${base}/match/${matchId}`,
      `/${T.slug}/wijken/BU05420000`,
      `/${T.slug}/wijken/WK054200`,
      `/${T.slug}/`,
    ];
    for (const [who, b] of [
      ['volunteer', volunteer],
      ['neighbour', neighbour],
      ['anonymous', anonymous],
    ] as const) {
      const pages = await crawl(b, starts);
      assert.ok(pages.size >= starts.length);
      for (const [url, body] of pages) {
        assert.ok(!body.includes(ADDRESS), `${who} sees the address on ${url}`);
        assert.ok(!body.includes(remarks), `${who} sees the private remarks on ${url}`);
      }
    }
    const exportJson = await volunteer.get('/account/mijn-gegevens.json');
    assert.equal(exportJson.statusCode, 200);
    assert.ok(!exportJson.body.includes(ADDRESS));
    const mails = await outbox();
    assert.ok(mails.includes(`/hulp/match/${matchId}`), 'the volunteer was mailed a link');
    assert.ok(!mails.includes(ADDRESS));
    assert.ok(!mails.includes('Past donderdag'), 'no message text in mail');
  });

  it('after the volunteer says yes and the requester accepts, only the two parties see the address; then hours are recorded and confirmed', async () => {
    const { requestId, matchId } = await proposed('akkoord');
    const ADDRESS = privateOf('akkoord').address;
    const accept = await volunteer.post(`${base}/match/${matchId}/accepteren`, {});
    assert.equal(accept.statusCode, 303);
    // The volunteer said yes: the requester is asked, and nothing is revealed yet.
    const waiting = await volunteer.get(`${base}/match/${matchId}`);
    assert.ok(!waiting.body.includes(ADDRESS), 'no address before the requester accepts');
    assert.match(waiting.body, /De hulpvrager kiest nu/);
    const ask = await resident.get(`${base}/match/${matchId}`);
    assert.match(ask.body, /Wilt u hulp van Vincent\?/);
    assert.ok(!ask.body.includes('Vincent Vrijwilliger'), 'only the first name before choosing');
    assert.match(await outbox(), /Iemand wil u helpen\. Vindt u dat goed\?/);
    assert.equal((await volunteer.post(`${base}/match/${matchId}/kiezen`, {})).statusCode, 403, 'the volunteer cannot choose');
    const choose = await resident.post(`${base}/match/${matchId}/kiezen`, {});
    assert.equal(choose.statusCode, 303);
    assert.match(await outbox(), /U bent gekozen als helper/);
    const vPage = await volunteer.get(`${base}/match/${matchId}`);
    assert.ok(vPage.body.includes(ADDRESS), 'the volunteer now sees the address');
    assert.match(vPage.body, /Rina Bewoner/);
    const rPage = await resident.get(`${base}/match/${matchId}`);
    assert.ok(rPage.body.includes(ADDRESS));
    assert.match(rPage.body, /Vincent Vrijwilliger/);
    for (const b of [neighbour, anonymous, volunteer2]) {
      const pages = await crawl(b, [base, `${base}/vragen/${requestId}`, `${base}/match/${matchId}`]);
      for (const [url, body] of pages) assert.ok(!body.includes(ADDRESS), `a third party sees the address on ${url}`);
    }
    assert.ok(!(await outbox()).includes(ADDRESS));

    const hours = await volunteer.post(`${base}/match/${matchId}/uren`, { hours: '2,5' });
    assert.equal(hours.statusCode, 303);
    const rAgain = await resident.get(`${base}/match/${matchId}`);
    assert.match(rAgain.body, /Ja, 2,50 uur klopt/);
    const confirm = await resident.post(`${base}/match/${matchId}/uren-bevestigen`, {});
    assert.equal(confirm.statusCode, 303);
    const done = await resident.get(`${base}/match/${matchId}`);
    assert.match(done.body, /<dd>Klaar<\/dd>/);
    const fb = await resident.post(`${base}/match/${matchId}/ervaring`, { feedback: 'Heel fijn geholpen', rating: '5' });
    assert.equal(fb.statusCode, 303);
  });

  it('two volunteers say yes; the requester choosing both at the same moment: exactly one wins, the other gets a clear message', async () => {
    const res = await resident.post(`${base}/vragen/nieuw`, askFields({ summary: 'Race', address: 'Racebaan 1' }));
    const rid = idFrom(res.headers.location as string, 'vragen');
    for (const b of [volunteer, volunteer2]) assert.equal((await b.post(`${base}/vragen/${rid}/reageren`, {})).statusCode, 303);
    const mid = async (b: TestBrowser) => {
      const page = await b.get(`${base}/vragen/${rid}`);
      return /\/hulp\/match\/([0-9a-f-]{36})/.exec(page.body)![1]!;
    };
    const [m1, m2] = [await mid(volunteer), await mid(volunteer2)];
    const [a, b] = await Promise.all([resident.post(`${base}/match/${m1}/kiezen`, {}), resident.post(`${base}/match/${m2}/kiezen`, {})]);
    const codes = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(codes, [303, 409]);
    const loser = a.statusCode === 409 ? a : b;
    assert.match(loser.body, /Er is al een helper gekozen voor deze vraag/);
    // The volunteer who was not chosen is told kindly, and sees no address.
    const notChosen = a.statusCode === 409 ? { b: volunteer, m: m1 } : { b: volunteer2, m: m2 };
    const page = await notChosen.b.get(`${base}/match/${notChosen.m}`);
    assert.match(page.body, /Dank u wel dat u wilde helpen/);
    assert.ok(!page.body.includes('Racebaan 1'));
  });

  it('a blocked user cannot respond, offer or accept, with a clear message', async () => {
    // A volunteer of this test's own with an offer, so that blocking touches no other test's volunteer.
    const blocked = new TestBrowser(ctx.app);
    const blockedId = await signInAs(ctx, blocked, { tenantId: T.id, role: 'volunteer', name: 'Bert Geblokkeerd' });
    await blocked.get(`${base}/aanbod`);
    assert.equal((await postMany(blocked, `${base}/aanbod`, offerFields('BU05420000'))).statusCode, 303);
    const res = await resident.post(`${base}/vragen/nieuw`, askFields({ summary: 'Na blokkade', address: 'Blokweg 2' }));
    const rid = idFrom(res.headers.location as string, 'vragen');
    await coordinator.get(`${base}/coordinatie/meldingen`);
    const block = await coordinator.post(`${base}/coordinatie/blokkeren`, { userId: blockedId, reason: 'Na melding' });
    assert.equal(block.statusCode, 303);
    const respond = await blocked.post(`${base}/vragen/${rid}/reageren`, {});
    assert.equal(respond.statusCode, 403);
    assert.match(respond.body, /de coördinator heeft uw account hiervoor geblokkeerd/);
    const offer = await postMany(blocked, `${base}/aanbod`, offerFields('BU05420000'));
    assert.equal(offer.statusCode, 403);
    const page = await coordinator.get(`${base}/coordinatie/meldingen`);
    assert.match(page.body, /Bert Geblokkeerd/);
    void EAST;
  });

  it('refuses other tenants and anonymous users on member pages', async () => {
    const { matchId } = await proposed('ander');
    assert.equal((await anonymous.get(`${base}/vragen/nieuw`)).statusCode, 401);
    assert.equal((await neighbour.get(`${base}/coordinatie`)).statusCode, 403);
    assert.equal((await neighbour.get(`${base}/match/${matchId}`)).statusCode, 403);
    assert.equal((await neighbour.get(`${base}/vragen/00000000-0000-0000-0000-000000000000`)).statusCode, 404);
    assert.equal((await neighbour.get(`${base}/match/not-a-uuid`)).statusCode, 404);
  });
});
