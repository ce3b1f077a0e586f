/**
 * The youth channel over HTTP: an idea waits for moderation, then shows with what became of it;
 * "mijn ideeën" by the device cookie; a poll answered once per device; bad input refused with the
 * message beside the field and nothing written; only youth workers and coordinators moderate, and
 * only in their own municipality.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { buildArea, GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { DEVICE_COOKIE } from './youth.routes.tsx';

const WIJK = 'WK054299';
const BASE = `/${KRIMPEN.slug}/jongeren`;

describe('youth channel', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;

  before(async () => {
    await ensureTenant(db(), KRIMPEN);
    await ensureTenant(db(), GRONINGEN);
    await buildArea(db(), { tenantId: KRIMPEN.id, level: 'district', code: WIJK, name: 'Testwijk', bbox: [4.59, 51.9, 4.62, 51.93] });
  });

  const ideaCount = async () =>
    Number(
      (
        await db()
          .selectFrom('initiative_youth_ideas')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('an idea waits for a youth worker, then shows with what became of it; "mijn ideeën" finds it by the device', async () => {
    const young = new TestBrowser(ctx.app);
    const start = await young.get(BASE);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, new RegExp(`href="${BASE}/${WIJK}"`));
    assert.equal((await young.get(`/${KRIMPEN.slug}/jong`)).statusCode, 301);

    assert.equal((await young.get(`${BASE}/${WIJK}`)).statusCode, 200);
    const posted = await young.post(`${BASE}/${WIJK}/idee`, { text: 'Een pannakooi bij het veldje', nickname: 'Skater' });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `${BASE}/mijn?klaar=idee`);
    assert.ok(young.cookies.get(DEVICE_COOKIE), 'a device cookie is set');
    const row = await db()
      .selectFrom('initiative_youth_ideas')
      .selectAll()
      .where('text', '=', 'Een pannakooi bij het veldje')
      .executeTakeFirstOrThrow();
    assert.notEqual(row.device_hash, young.cookies.get(DEVICE_COOKIE), 'only the hash is stored');
    assert.equal(row.moderation, 'pending');

    const mine = await young.get(`${BASE}/mijn`);
    assert.match(mine.body, /Een pannakooi bij het veldje/);
    assert.match(mine.body, /Wacht op een jongerenwerker/);
    assert.doesNotMatch((await new TestBrowser(ctx.app).get(`${BASE}/mijn`)).body, /pannakooi/, 'another device sees nothing');
    assert.doesNotMatch((await new TestBrowser(ctx.app).get(`${BASE}/${WIJK}`)).body, /pannakooi/, 'not public before moderation');

    const worker = new TestBrowser(ctx.app);
    await signInAs(ctx, worker, { tenantId: KRIMPEN.id, role: 'professional' });
    const queue = await worker.get(`/${KRIMPEN.slug}/beheer/jongeren`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /pannakooi/);
    const url = `/${KRIMPEN.slug}/beheer/jongeren/idee/${row.id}`;
    const noWhy = await worker.post(url, { moderation: 'shown', status: 'not_now', response: '' });
    assert.equal(noWhy.statusCode, 422);
    assert.match(noWhy.body, /Zeg waarom het nu niet kan\./);
    assert.equal(
      (await db().selectFrom('initiative_youth_ideas').select('moderation').where('id', '=', row.id).executeTakeFirstOrThrow()).moderation,
      'pending',
    );
    const ok = await worker.post(url, { moderation: 'shown', status: 'not_now', response: 'Het veldje wordt eerst opnieuw ingericht.' });
    assert.equal(ok.statusCode, 303);

    const pub = await new TestBrowser(ctx.app).get(`${BASE}/${WIJK}`);
    assert.match(pub.body, /pannakooi/);
    assert.match(pub.body, /nu niet/);
    assert.match(pub.body, /Het veldje wordt eerst opnieuw ingericht\./);
    assert.match((await young.get(`${BASE}/mijn`)).body, /Het veldje wordt eerst opnieuw ingericht\./);
  });

  it('refuses bad ideas with the message beside the field and writes nothing', async () => {
    const before = await ideaCount();
    const young = new TestBrowser(ctx.app);
    await young.get(`${BASE}/${WIJK}`);
    const short = await young.post(`${BASE}/${WIJK}/idee`, { text: 'x', nickname: '' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /Schrijf je idee in 3 tot 500 tekens\./);
    const fullName = await young.post(`${BASE}/${WIJK}/idee`, { text: 'Meer bankjes', nickname: 'Jan van der Berg' });
    assert.equal(fullName.statusCode, 422);
    assert.match(fullName.body, /Geen echte naam/);
    assert.equal((await young.post(`${BASE}/WK999999/idee`, { text: 'Meer bankjes', nickname: '' })).statusCode, 404);
    assert.equal(await ideaCount(), before);
  });

  it('takes one poll answer per device and shows the results after answering', async () => {
    const worker = new TestBrowser(ctx.app);
    await signInAs(ctx, worker, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await worker.get(`/${KRIMPEN.slug}/beheer/jongeren`);
    const bad = await worker.post(`/${KRIMPEN.slug}/beheer/jongeren/peiling`, {
      area: WIJK,
      question: 'Wat wil je op het plein?',
      options: 'Alleen één',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
    });
    assert.equal(bad.statusCode, 422);
    const made = await worker.post(`/${KRIMPEN.slug}/beheer/jongeren/peiling`, {
      area: WIJK,
      question: 'Wat wil je op het plein?',
      options: 'Een bankje\nEen basketbalpaal\nNiets',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
    });
    assert.equal(made.statusCode, 303);
    const poll = await db()
      .selectFrom('initiative_youth_polls')
      .select('id')
      .where('question_nl', '=', 'Wat wil je op het plein?')
      .executeTakeFirstOrThrow();

    const young = new TestBrowser(ctx.app);
    const page = await young.get(`${BASE}/${WIJK}`);
    assert.match(page.body, new RegExp(`action="${BASE}/${WIJK}/peiling/${poll.id}"`));
    const first = await young.post(`${BASE}/${WIJK}/peiling/${poll.id}`, { answer: 'o2' });
    assert.equal(first.statusCode, 303);
    const after = await young.get(`${BASE}/${WIJK}`);
    assert.match(after.body, /Je hebt geantwoord/);
    assert.doesNotMatch(after.body, new RegExp(`action="${BASE}/${WIJK}/peiling/${poll.id}"`));

    const again = await young.post(`${BASE}/${WIJK}/peiling/${poll.id}`, { answer: 'o1' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Je hebt deze vraag al beantwoord op dit apparaat\./);
    const answers = await db().selectFrom('initiative_youth_poll_answers').select('option_key').where('poll_id', '=', poll.id).execute();
    assert.deepEqual(
      answers.map((a) => a.option_key),
      ['o2'],
    );
    const other = new TestBrowser(ctx.app);
    await other.get(`${BASE}/${WIJK}`);
    assert.equal((await other.post(`${BASE}/${WIJK}/peiling/${poll.id}`, { answer: 'zz' })).statusCode, 422);
    assert.equal((await other.post(`${BASE}/${WIJK}/peiling/${poll.id}`, { answer: 'o1' })).statusCode, 303, 'another device');
  });

  it('lets only youth workers and coordinators of the municipality moderate', async () => {
    const young = new TestBrowser(ctx.app);
    await young.get(`${BASE}/${WIJK}`);
    assert.equal((await young.post(`${BASE}/${WIJK}/idee`, { text: 'Een graffitimuur', nickname: '' })).statusCode, 303);
    const row = await db()
      .selectFrom('initiative_youth_ideas')
      .select('id')
      .where('text', '=', 'Een graffitimuur')
      .executeTakeFirstOrThrow();
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    await resident.get(`${BASE}/${WIJK}`);
    assert.equal((await resident.get(`/${KRIMPEN.slug}/beheer/jongeren`)).statusCode, 403);
    assert.equal(
      (await resident.post(`/${KRIMPEN.slug}/beheer/jongeren/idee/${row.id}`, { moderation: 'shown', status: 'seen', response: '' }))
        .statusCode,
      403,
    );
    const other = new TestBrowser(ctx.app);
    await signInAs(ctx, other, { tenantId: GRONINGEN.id, role: 'coordinator' });
    await other.get(`/${GRONINGEN.slug}/beheer/jongeren`);
    assert.equal(
      (await other.post(`/${GRONINGEN.slug}/beheer/jongeren/idee/${row.id}`, { moderation: 'shown', status: 'seen', response: '' }))
        .statusCode,
      404,
    );
    assert.equal(
      (await db().selectFrom('initiative_youth_ideas').select('moderation').where('id', '=', row.id).executeTakeFirstOrThrow()).moderation,
      'pending',
    );
  });

  it('links the application an adult submitted for the idea: the idea "werd een initiatief"', async () => {
    const fund = await db()
      .insertInto('initiative_funds')
      .values({ tenant_id: KRIMPEN.id, slug: 'jeugdfonds', name_nl: 'Jeugdfonds' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const app = await db()
      .insertInto('initiative_applications')
      .values({
        tenant_id: KRIMPEN.id,
        reference: 'INI-2026-0042',
        fund_id: fund.id,
        group_name: 'Jongeren en buren',
        title: 'Pannakooi',
        area_code: WIJK,
        requested_cents: 50_000,
        status: 'submitted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const young = new TestBrowser(ctx.app);
    await young.get(`${BASE}/${WIJK}`);
    await young.post(`${BASE}/${WIJK}/idee`, { text: 'Een pannakooi in de wijk', nickname: '' });
    const idea = await db()
      .selectFrom('initiative_youth_ideas')
      .select('id')
      .where('text', '=', 'Een pannakooi in de wijk')
      .executeTakeFirstOrThrow();
    const worker = new TestBrowser(ctx.app);
    await signInAs(ctx, worker, { tenantId: KRIMPEN.id, role: 'professional' });
    await worker.get(`/${KRIMPEN.slug}/beheer/jongeren`);
    const url = `/${KRIMPEN.slug}/beheer/jongeren/idee/${idea.id}`;
    const unknown = await worker.post(url, { moderation: 'shown', status: 'seen', response: '', reference: 'INI-2026-9999' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Er is geen aanvraag met dit nummer in deze gemeente\./);
    const linked = await worker.post(url, {
      moderation: 'pending',
      status: 'new',
      response: 'Een buurvrouw vraagt het geld aan.',
      reference: 'ini-2026-0042',
    });
    assert.equal(linked.statusCode, 303);
    const row = await db()
      .selectFrom('initiative_youth_ideas')
      .select(['status', 'moderation', 'application_id'])
      .where('id', '=', idea.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'became_initiative', moderation: 'shown', application_id: app.id });
    const a = await db().selectFrom('initiative_applications').select('youth_idea_id').where('id', '=', app.id).executeTakeFirstOrThrow();
    assert.equal(a.youth_idea_id, idea.id);
    const mine = await young.get(`${BASE}/mijn`);
    assert.match(mine.body, /werd een initiatief/);
    assert.match(mine.body, /Bekijk het initiatief/);
  });
});
