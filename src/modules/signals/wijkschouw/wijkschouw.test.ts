import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { listAreas, locatePoint } from '../../areas/areas.service.ts';
import { labelPoint } from '../../areas/geo.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, OUTSIDE_POINT, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import { parseParticipants, parseWalkDate } from './wijkschouw.schemas.ts';

const base = `/${KRIMPEN.slug}/meldingen/wijkschouw`;
const hidden = (html: string, name: string) => {
  const m = new RegExp(`name="${name}" value="([^"]+)"`).exec(html);
  assert.ok(m, `the form has a hidden ${name}`);
  return m[1]!;
};

describe('wijkschouw', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let wijk = '';
  let otherWijk = '';
  let otherPoint = { lat: '', lon: '' };
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.database.db)).rows[0]!.n;
  const mailsTo = (to: string) => ctx.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).execute();

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
    await setupTenant(ctx.database.db, GRONINGEN);
    const here = await locatePoint(ctx.database.db, KRIMPEN.id, KRIMPEN_POINT.longitude, KRIMPEN_POINT.latitude);
    assert.ok(here.neighbourhood, 'the test point lies in a buurt');
    wijk = here.neighbourhood.code;
    // A point in another buurt of Krimpen: the label point of the first other buurt.
    for (const other of await listAreas(ctx.database.db, KRIMPEN.id, { level: 'neighbourhood' })) {
      if (other.code === wijk || !other.geometry) continue;
      const [lon, lat] = labelPoint(other.geometry);
      if ((await locatePoint(ctx.database.db, KRIMPEN.id, lon!, lat!)).neighbourhood?.code !== other.code) continue;
      otherWijk = other.code;
      otherPoint = { lat: String(lat), lon: String(lon) };
      break;
    }
    assert.ok(otherWijk, 'a point in another buurt');
  });

  it('parses participants one per line and dates in two formats', () => {
    const r = parseParticipants('Jan de Vries, wijkagent, JAN@example.nl\n\nMevrouw Bakker\nPiet; QuaWonen; opzichter');
    assert.equal(r.error, null);
    assert.deepEqual(r.participants, [
      { name: 'Jan de Vries', role: 'wijkagent', email: 'jan@example.nl' },
      { name: 'Mevrouw Bakker', role: '', email: null },
      { name: 'Piet', role: 'QuaWonen, opzichter', email: null },
    ]);
    assert.deepEqual(parseParticipants('Ok\nJan, rol, geen@mail').error, { key: 'signals.wijkschouw.error.participantEmail', line: 2 });
    assert.deepEqual(parseParticipants(', x@example.nl').error?.key, 'signals.wijkschouw.error.participantName');
    assert.equal(
      parseParticipants(Array.from({ length: 41 }, (_, i) => `P${i}`).join('\n')).error?.key,
      'signals.wijkschouw.error.tooManyParticipants',
    );
    assert.equal(parseWalkDate('24-11-2026'), '2026-11-24');
    assert.equal(parseWalkDate('2026-11-24'), '2026-11-24');
    assert.equal(parseWalkDate('4/3/2027'), '2027-03-04');
    assert.equal(parseWalkDate('31-02-2026'), null);
    assert.equal(parseWalkDate('morgen'), null);
  });

  it('a walk: create with participants, three routed signals, idempotent add, bad input, close with one summary mail each', async () => {
    const organiser = new TestBrowser(ctx.app);
    const organiserId = await signInAs(ctx, organiser, {
      tenantId: k.id,
      role: 'professional',
      organisationId: k.municipality,
      email: 'organisator@example.nl',
      name: 'Olga Organisator',
    });
    const colleague = new TestBrowser(ctx.app);
    await signInAs(ctx, colleague, { tenantId: k.id, role: 'professional', organisationId: k.housing, email: 'corporatie@example.nl' });
    const stranger = new TestBrowser(ctx.app);
    await signInAs(ctx, stranger, { tenantId: k.id, role: 'professional', organisationId: k.welfare });

    const form = await organiser.get(`${base}/nieuw`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(`value="${wijk}"`), 'the wijk is offered');
    // Bad input: everything refused at once, nothing stored.
    const bad = await organiser.post(`${base}/nieuw`, {
      title: '',
      areaCode: 'WK9999999',
      date: '31-02-2026',
      participants: 'Jan, rol, kapot@',
    });
    assert.equal(bad.statusCode, 422);
    for (const text of ['Geef de wijkschouw een naam', 'Kies een wijk of buurt', 'geldige datum', 'Regel 1: Een e-mailadres']) {
      assert.ok(bad.body.includes(text), text);
    }
    assert.equal(await count('signals_wijkschouw_sessions'), 0);

    const created = await organiser.post(`${base}/nieuw`, {
      title: 'Wijkschouw <b>najaar</b>',
      areaCode: wijk,
      date: '24-11-2026',
      meetingPoint: 'Bij het wijkcentrum',
      participants: 'Jan de Vries, wijkagent, jan@example.nl\nCora Corporatie, QuaWonen, corporatie@example.nl\nMevrouw Bakker, bewoner',
    });
    assert.equal(created.statusCode, 303, created.body);
    const sessionPath = created.headers.location as string;
    assert.match(sessionPath, new RegExp(`^${base}/[0-9a-f-]{36}$`));
    const page = await organiser.get(sessionPath);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Wijkschouw &lt;b') && !page.body.includes('<b>najaar'), 'the title is escaped');
    for (const name of ['Jan de Vries', 'Cora Corporatie', 'Mevrouw Bakker']) assert.ok(page.body.includes(name), name);
    assert.ok(!page.body.includes('verward-gedrag'), 'sensitive categories are not offered');

    // Step 1 → step 2: the category's questions.
    const step2 = await organiser.get(`${sessionPath}?categorie=afval`);
    assert.equal(step2.statusCode, 200);
    assert.ok(step2.body.includes('name="answer_soort_afval"'));
    assert.equal((await organiser.get(`${sessionPath}?categorie=verward-gedrag`)).statusCode, 422);

    const add = async (b: TestBrowser, category: string, fields: Record<string, string>) => {
      const sid = hidden((await b.get(`${sessionPath}?categorie=${category}`)).body, 'submissionId');
      const form = { category, submissionId: sid, ...fields };
      return { res: await b.post(`${sessionPath}/meldingen`, form), form };
    };
    const mailsBefore = await count('mail_outbox');
    const one = await add(organiser, 'verlichting', {
      description: 'Lamp kapot bij de speeltuin',
      address: 'Raadhuisplein 3',
      lat: String(KRIMPEN_POINT.latitude).replace('.', ','),
      lon: String(KRIMPEN_POINT.longitude),
    });
    assert.equal(one.res.statusCode, 303, one.res.body);
    assert.match(one.res.headers.location as string, /\?toegevoegd=SIG-\d{4}-\d{6}#toegevoegd$/);
    // Replaying the same form creates nothing new.
    const replay = await organiser.post(`${sessionPath}/meldingen`, one.form);
    assert.equal(replay.statusCode, 303);
    assert.equal(replay.headers.location, one.res.headers.location);
    const two = await add(colleague, 'burenoverlast', { description: 'Tuin vol rommel, buren klagen', address: 'Dorpsstraat 5' });
    assert.equal(two.res.statusCode, 303, 'a participant with an account adds a signal');
    const three = await add(organiser, 'afval', {
      answer_soort_afval: 'Grofvuil',
      description: 'Bank op de stoep',
      lat: otherPoint.lat,
      lon: otherPoint.lon,
      contactName: 'Mevrouw Bakker',
      contactEmail: 'bakker@example.nl',
    });
    assert.equal(three.res.statusCode, 303, three.res.body);
    // Only the resident who gave her own address got a confirmation; the organiser gets nothing yet.
    assert.equal(await count('mail_outbox'), mailsBefore + 1);
    assert.equal((await mailsTo('bakker@example.nl')).length, 1);
    assert.equal((await mailsTo('organisator@example.nl')).length, 0);

    // Bad input: outside the municipality, sensitive category, no description, missing answer: 422, nothing stored.
    const signalsBefore = await count('signals_signals');
    const outside = await add(organiser, 'verlichting', {
      description: 'x',
      lat: String(OUTSIDE_POINT.latitude),
      lon: String(OUTSIDE_POINT.longitude),
    });
    assert.equal(outside.res.statusCode, 422);
    assert.ok(outside.res.body.includes('buiten de gemeente'));
    const sensitive = await organiser.post(`${sessionPath}/meldingen`, {
      ...one.form,
      category: 'eenzaamheid',
      submissionId: '11111111-1111-4111-8111-111111111111',
    });
    assert.equal(sensitive.statusCode, 422);
    assert.ok(sensitive.body.includes('gewone meldformulier'));
    const empty = await add(organiser, 'afval', { description: '', address: 'Hier' });
    assert.equal(empty.res.statusCode, 422);
    assert.ok(empty.res.body.includes('Beschrijf wat er aan de hand is'));
    assert.ok(empty.res.body.includes('Geef antwoord op deze vraag'));
    const badEmail = await add(organiser, 'groen', { description: 'Tak', address: 'Hier', contactEmail: 'geen-adres' });
    assert.equal(badEmail.res.statusCode, 422);
    assert.equal(await count('signals_signals'), signalsBefore);

    const rows = await ctx.database.db
      .selectFrom('signals_wijkschouw_signals as l')
      .innerJoin('signals_signals as s', (j) => j.onRef('s.tenant_id', '=', 'l.tenant_id').onRef('s.id', '=', 'l.signal_id'))
      .select(['s.public_id', 's.source', 's.organisation_id', 's.reporter_email', 's.wants_feedback', 's.created_by', 's.buurt_code'])
      .execute();
    // In the order they were added (the fixed clock gives them one timestamp; numbers show no order).
    const added = [one, two, three].map((x) => /toegevoegd=(SIG-[^#&]+)/.exec(x.res.headers.location as string)?.[1]);
    rows.sort((a, b) => added.indexOf(a.public_id) - added.indexOf(b.public_id));
    assert.deepEqual(
      rows.map((r) => r.public_id),
      added,
    );
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.source === 'wijkschouw'));
    assert.deepEqual(
      rows.map((r) => r.organisation_id),
      [k.municipality, k.housing, k.municipality],
    );
    assert.deepEqual(
      rows.map((r) => r.reporter_email),
      ['organisator@example.nl', 'organisator@example.nl', 'bakker@example.nl'],
    );
    assert.ok(rows.every((r) => r.wants_feedback));
    assert.equal(rows[0]!.created_by, organiserId);
    assert.equal(rows[2]!.buurt_code, otherWijk);

    const withSignals = await organiser.get(sessionPath);
    assert.ok(withSignals.body.includes('buiten het gebied van de schouw'), 'the signal in another buurt is flagged');
    for (const r of rows) assert.ok(withSignals.body.includes(r.public_id));
    assert.ok(withSignals.body.includes(`Wonen ${KRIMPEN.name}`), 'the routed organisation is shown');
    assert.ok(withSignals.body.includes('Bezig'), 'the first signal opened the session');

    // Isolation: another organisation's professional, a resident, another tenant; a participant cannot close.
    assert.equal((await stranger.get(sessionPath)).statusCode, 404);
    assert.equal((await stranger.post(`${sessionPath}/afronden`, {})).statusCode, 404);
    assert.ok(!(await stranger.get(base)).body.includes('najaar'), 'the list shows only visible sessions');
    assert.ok((await colleague.get(base)).body.includes('najaar'), 'a linked participant sees it in the list');
    assert.equal((await colleague.post(`${sessionPath}/afronden`, {})).statusCode, 403);

    // Closing: summary page, one mail per participant with an address, the organiser's mail with tracking links.
    const closed = await organiser.post(`${sessionPath}/afronden`, {});
    assert.equal(closed.statusCode, 303);
    assert.equal(closed.headers.location, `${sessionPath}/samenvatting`);
    const summary = await organiser.get(`${sessionPath}/samenvatting`);
    assert.equal(summary.statusCode, 200);
    for (const r of rows) assert.ok(summary.body.includes(r.public_id));
    assert.ok(summary.body.includes(`Gemeente ${KRIMPEN.name}`));
    const jan = await mailsTo('jan@example.nl');
    assert.equal(jan.length, 1);
    assert.ok(rows.every((r) => jan[0]!.text_body.includes(r.public_id)));
    assert.ok(jan[0]!.text_body.includes('Mevrouw Bakker'), 'participant names are in the summary');
    assert.ok(
      !jan[0]!.text_body.includes('bakker@example.nl') && !jan[0]!.text_body.includes('volgen/'),
      'no addresses or tracking links of others',
    );
    assert.equal((await mailsTo('corporatie@example.nl')).length, 1);
    const own = await mailsTo('organisator@example.nl');
    assert.equal(own.length, 1);
    assert.equal(
      (own[0]!.text_body.match(/\/meldingen\/volgen\//g) ?? []).length,
      2,
      'tracking links for the two signals the organiser reported',
    );
    const link = /http:\/\/[^\s]+(\/krimpen-aan-den-ijssel\/meldingen\/volgen\/[A-Za-z0-9_-]+)/.exec(own[0]!.text_body)![1]!;
    assert.equal((await new TestBrowser(ctx.app).get(link)).statusCode, 200, 'the tracking link works');
    // Closing again sends nothing; adding after closing is refused.
    const mailsAfter = await count('mail_outbox');
    assert.equal((await organiser.post(`${sessionPath}/afronden`, {})).statusCode, 303);
    assert.equal(await count('mail_outbox'), mailsAfter);
    const late = await organiser.post(`${sessionPath}/meldingen`, { ...three.form, submissionId: '22222222-2222-4222-8222-222222222222' });
    assert.equal(late.statusCode, 409);
    assert.equal(await count('signals_signals'), signalsBefore);
    const audit = await ctx.database.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'wijkschouw').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['close', 'create', 'update', 'update', 'update']);
  });

  it('access: volunteers without a second factor, staff need it, residents 403, other tenants 404, coordinators see all', async () => {
    const volunteer = new TestBrowser(ctx.app);
    await signInAs(ctx, volunteer, { tenantId: k.id, role: 'volunteer' });
    assert.equal((await volunteer.get(base)).statusCode, 200);
    const created = await volunteer.post(`${base}/nieuw`, {
      title: 'Schouw vrijwilligers',
      areaCode: wijk,
      date: '2026-12-01',
      participants: '',
    });
    assert.equal(created.statusCode, 303);
    const path = created.headers.location as string;
    const id = path.split('/').pop()!;
    assert.equal((await volunteer.get(path)).statusCode, 200);

    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: k.id, role: 'resident' });
    assert.equal((await resident.get(path)).statusCode, 403);
    assert.equal((await new TestBrowser(ctx.app).get(path)).statusCode, 401);
    const noMfa = new TestBrowser(ctx.app);
    await signInAs(ctx, noMfa, { tenantId: k.id, role: 'coordinator', mfa: false });
    assert.equal((await noMfa.get(path)).statusCode, 403);
    const coordinator = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: k.id, role: 'coordinator' });
    assert.equal((await coordinator.get(path)).statusCode, 200);
    assert.ok((await coordinator.get(base)).body.includes('Schouw vrijwilligers'));
    const groningen = new TestBrowser(ctx.app);
    await signInAs(ctx, groningen, { tenantId: GRONINGEN.id, role: 'coordinator' });
    assert.equal((await groningen.get(`/${GRONINGEN.slug}/meldingen/wijkschouw/${id}`)).statusCode, 404);
    assert.equal((await groningen.get(path)).statusCode, 403);
    assert.equal((await coordinator.get(`${base}/niet-een-id`)).statusCode, 404);

    // Adding a participant: bad e-mail 422, then a good one.
    const badP = await volunteer.post(`${path}/deelnemers`, { name: 'Kees', role: '', email: 'kapot' });
    assert.equal(badP.statusCode, 422);
    assert.ok(badP.body.includes('e-mailadres bij de deelnemers klopt niet'));
    assert.equal((await volunteer.post(`${path}/deelnemers`, { name: 'Kees Buurman', role: 'bewoner', email: '' })).statusCode, 303);
    assert.ok((await volunteer.get(path)).body.includes('Kees Buurman'));
    // The coordinator closes a session without signals: the summary says so.
    assert.equal((await coordinator.post(`${path}/afronden`, {})).statusCode, 303);
    assert.ok((await coordinator.get(`${path}/samenvatting`)).body.includes('Er zijn nog geen meldingen'));
  });
});
