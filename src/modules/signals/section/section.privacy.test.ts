/**
 * Security review issue 11, finding 2: public figures must not change in any way when a worry
 * about a neighbour (a sensitive signal) is filed, handled or closed. Done as the review did it:
 * snapshot every public page and API of a buurt, its wijk and the municipality (status, the
 * headers that matter and the full body) for an anonymous visitor, an English-speaking one, a
 * signed-in resident who is not the reporter and a volunteer; take one step of the signal over
 * real HTTP; run the signals jobs; snapshot again and require byte-identical answers. The clock
 * stays fixed, so nothing in the pages moves by itself. Staff see open worries per wijk only,
 * from 5 on.
 */
import { describe, it, before } from 'node:test';
import { MODULES } from '../../index.ts';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { testConfig } from '../../../platform/config.ts';
import { allJobHandlers } from '../../../platform/jobs/handlers.ts';
import { enqueueJob, runDueJobs } from '../../../platform/jobs/worker.ts';
import { DEADLINE_JOB, RETENTION_JOB } from '../jobs/jobs.ts';
import { createSignal } from '../signals.service.ts';
import { closeOpenWorries, differences, record, systemStep, type Snapshot } from './section.privacy.test-support.ts';
import { KRIMPEN, KRIMPEN_POINT, newSignal, NOW, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const DAY = 86_400_000;
const slug = KRIMPEN.slug;
describe('worries about neighbours leave every public page and API unchanged (issue 11, finding 2)', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let k: TenantFixture;
  let wijk = '';
  let buurt = '';
  let nearbyId = '';
  const viewers: Record<'anonymous' | 'english' | 'resident' | 'volunteer' | 'reporter' | 'welfare' | 'housing', TestBrowser> = {} as never;

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    const created = new Date(NOW.getTime() - 30 * DAY);
    // Public history in the buurt, enough that every public figure is shown (not "te weinig gegevens").
    const closed: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const { signal } = await createSignal(
        db(),
        newSignal({ reporter: { email: `melder${i}@example.nl` }, idempotencyKey: `priv-${i}`, now: created }),
      );
      wijk = signal.wijk_code!;
      buurt = signal.buurt_code!;
      await systemStep(db(), signal.id, 'in_behandeling', 'We kijken ernaar.', new Date(created.getTime() + i * 3_600_000));
      await systemStep(db(), signal.id, 'afgehandeld', 'De lamp is vervangen.', new Date(created.getTime() + i * DAY));
      closed.push(signal.id);
    }
    for (const [i, id] of closed.slice(0, 5).entries()) {
      await db()
        .insertInto('signals_feedback')
        .values({
          tenant_id: KRIMPEN.id,
          signal_id: id,
          satisfied: i < 4,
          solved: null,
          reason: null,
          created_at: new Date(NOW.getTime() - 20 * DAY),
        })
        .execute();
    }
    // One open public signal at the same spot: the report form shows it as a nearby duplicate.
    nearbyId = (await createSignal(db(), newSignal({ reporter: { email: 'buur@example.nl' }, now: new Date(NOW.getTime() - DAY) }))).signal
      .public_id;
    assert.ok(wijk && buurt);
    ctx.clock.set(NOW);

    for (const name of ['anonymous', 'english'] as const) viewers[name] = new TestBrowser(ctx.app);
    viewers.english.cookies.set('lang', 'en');
    const people = [
      ['resident', 'resident', null],
      ['volunteer', 'volunteer', null],
      ['reporter', 'resident', null],
      ['welfare', 'professional', k.welfare],
      ['housing', 'professional', k.housing],
    ] as const;
    for (const [name, role, org] of people) {
      viewers[name] = new TestBrowser(ctx.app);
      await signInAs(ctx, viewers[name], {
        tenantId: KRIMPEN.id,
        role,
        organisationId: org,
        email: `${name}@test.samenhang.nl`,
        name: `Test ${name}`,
      });
    }
    // Every browser has its CSRF cookie before the first snapshot (the token in the pages derives from it).
    for (const b of Object.values(viewers)) await b.get('/toegankelijkheid');
  });

  const areaPages = () => [`/${slug}/`, `/${slug}/wijken/${KRIMPEN.id}`, `/${slug}/wijken/${wijk}`, `/${slug}/wijken/${buurt}`];
  const publicPages = () => [
    '/',
    ...areaPages(),
    `/${slug}/meldingen`,
    `/${slug}/meldingen/nieuw/verlichting`,
    `/${slug}/meldingen/nieuw/eenzaamheid`,
    `/${slug}/sociale-kaart`,
    `/${slug}/sociale-kaart/folder/${wijk}`,
    `/${slug}/sociale-kaart/folder/${buurt}`,
    `/${slug}/sociale-kaart/agenda/${wijk}.ics`,
    `/${slug}/sociale-kaart/agenda/${buurt}.ics`,
  ];
  const publicApis = () => {
    const o = `/${slug}/open311/v2`;
    return [
      `/${slug}/api/areas`,
      `/${slug}/api/areas?level=neighbourhood&parentCode=${wijk}`,
      `/${slug}/api/areas/${KRIMPEN.id}`,
      `/${slug}/api/areas/${wijk}`,
      `/${slug}/api/areas/${buurt}`,
      `/${slug}/api/areas/lookup?lat=${KRIMPEN_POINT.latitude}&lon=${KRIMPEN_POINT.longitude}`,
      `${o}/discovery.json`,
      `${o}/services.json`,
      `${o}/services.xml`,
      `${o}/services/eenzaamheid.json`,
      `${o}/requests.json`,
      `${o}/requests.xml`,
      `${o}/requests.json?status=open`,
      `${o}/requests.json?status=closed`,
      `${o}/requests.json?service_code=eenzaamheid`,
      `${o}/requests/${nearbyId}.json`,
      `${o}/servicerequestupdates.json`,
      `${o}/servicerequestupdates.xml`,
      '/api/openapi.json',
    ];
  };

  /** The report form carries a fresh random submission id each time; that one value is set aside, nothing else. */
  const withoutSubmissionId = (res: LightMyRequestResponse): string => {
    let n = 0;
    const body = res.body.replace(/name="submissionId" value="[0-9a-f-]{36}"/g, () => {
      n += 1;
      return 'name="submissionId" value="(random)"';
    });
    assert.equal(n, 1, `exactly one submission id in the report form (${res.statusCode})`);
    return body;
  };

  async function snapshot(): Promise<Snapshot> {
    const out: Snapshot = new Map();
    const take = async (who: keyof typeof viewers, url: string) => {
      const res = await viewers[who].get(url);
      out.set(`${who} GET ${url}`, record(res, url.includes('/meldingen/nieuw/') ? withoutSubmissionId(res) : res.body));
    };
    for (const url of [...publicPages(), ...publicApis()]) await take('anonymous', url);
    for (const url of areaPages()) await take('english', url);
    for (const url of [
      ...areaPages(),
      `/${slug}/meldingen`,
      `/${slug}/meldingen/mijn`,
      `/${slug}/meldingen/nieuw/verlichting`,
      `/${slug}/sociale-kaart/folder/${buurt}`,
    ]) {
      await take('resident', url);
    }
    for (const url of areaPages()) await take('volunteer', url);
    // The report form's nearby duplicates: a report at the same spot is held back to show them (nothing is stored).
    const probe = await viewers.anonymous.post(
      `/${slug}/meldingen/nieuw/verlichting`,
      {
        submissionId: '00000000-0000-4000-8000-000000000001',
        description: 'Lamp kapot',
        address: 'Raadhuisplein 1',
        lat: String(KRIMPEN_POINT.latitude),
        lon: String(KRIMPEN_POINT.longitude),
      },
      { remoteAddress: '198.51.100.7' },
    );
    assert.equal(probe.statusCode, 200);
    assert.ok(probe.body.includes(nearbyId), 'the probe shows the nearby signal instead of storing a new one');
    out.set('anonymous POST nearby duplicates', record(probe));
    return out;
  }

  /** The signals jobs (deadlines, retention) and the mail queue, due now on the fixed clock. */
  async function runJobs(): Promise<void> {
    const now = ctx.clock.now();
    for (const kind of [DEADLINE_JOB, RETENTION_JOB]) await enqueueJob(db(), { kind, runAt: now });
    const ran = await runDueJobs(db(), allJobHandlers(MODULES), { now, config: testConfig() });
    assert.ok(ran.done >= 2 && ran.failed === 0 && ran.retried === 0, `the jobs ran: ${JSON.stringify(ran)}`);
    // The area pages show what the area-summaries job computed: recompute them from the current data.
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
  }

  async function unchangedBy(step: () => Promise<void>): Promise<void> {
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const before = await snapshot();
    assert.ok(before.size > 40, 'the snapshot covers the pages and APIs');
    await step();
    await runJobs();
    const after = await snapshot();
    const changed = differences(before, after);
    assert.ok(changed.length === 0, `${changed.length} public answer(s) changed:\n${changed.slice(0, 8).join('\n')}`);
  }

  const signalOf = (publicId: string) =>
    db().selectFrom('signals_signals').selectAll().where('public_id', '=', publicId).executeTakeFirstOrThrow();
  const handle = `/${slug}/meldingen/behandelen`;

  /**
   * Each test takes its own worry through the steps before the one it is about (so it passes alone
   * and in any order); the step under test runs inside `unchangedBy`.
   */
  interface Worry {
    publicId: string;
    trackingLink: string;
  }
  let filed = 0;

  /** The reporter files a worry about a neighbour over HTTP, in the buurt under test, routed to welfare. */
  async function fileWorry(): Promise<Worry> {
    filed += 1;
    const form = await viewers.reporter.get(`/${slug}/meldingen/nieuw/eenzaamheid`);
    const sid = /name="submissionId" value="([^"]+)"/.exec(form.body)![1]!;
    const res = await viewers.reporter.post(
      `/${slug}/meldingen/nieuw/eenzaamheid`,
      {
        submissionId: sid,
        description: 'Mijn buurman komt al weken niet meer buiten.',
        // A worry is placed by the neighbour's buurt (the form no longer asks for a pin).
        buurt,
        address: 'Raadhuisplein 3',
        lat: String(KRIMPEN_POINT.latitude),
        lon: String(KRIMPEN_POINT.longitude),
        email: 'reporter@test.samenhang.nl',
        wantsFeedback: '1',
        answer_weet_ervan: 'Nee',
      },
      { remoteAddress: `198.51.100.${10 + filed}` },
    );
    assert.equal(res.statusCode, 200, res.body);
    const publicId = /id="meldingsnummer">(SIG-\d{4}-\d{6})</.exec(res.body)![1]!;
    const trackingLink = /href="(\/[^"]+\/meldingen\/volgen\/[A-Za-z0-9_-]+)"/.exec(res.body)![1]!;
    const s = await signalOf(publicId);
    assert.equal(s.buurt_code, buurt, 'filed in the buurt under test');
    assert.equal(s.organisation_id, k.welfare);
    return { publicId, trackingLink };
  }

  /** The first response by the welfare professional. */
  async function respond({ publicId }: Worry): Promise<void> {
    const res = await viewers.welfare.post(`${handle}/${publicId}/status`, {
      to: 'in_behandeling',
      publicMessage: 'Wij nemen contact met u op.',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await signalOf(publicId)).state, 'in_behandeling');
  }

  /** A network action, added by welfare and finished by housing. */
  async function networkAction({ publicId }: Worry): Promise<void> {
    const add = await viewers.welfare.post(`${handle}/${publicId}/acties`, {
      organisationId: k.housing,
      description: 'Huisbezoek door de woonconsulent',
    });
    assert.equal(add.statusCode, 303, add.body);
    const action = await db()
      .selectFrom('signals_actions')
      .select('id')
      .where('signal_id', '=', (await signalOf(publicId)).id)
      .executeTakeFirstOrThrow();
    const done = await viewers.housing.post(`${handle}/${publicId}/acties/${action.id}/klaar`, {
      result: 'Bezoek gedaan, hulp geregeld.',
    });
    assert.equal(done.statusCode, 303, done.body);
  }

  /** Welfare closes the worry with a message to the reporter. */
  async function close({ publicId }: Worry): Promise<void> {
    const res = await viewers.welfare.post(`${handle}/${publicId}/status`, {
      to: 'afgehandeld',
      publicMessage: 'Er is hulp geregeld. Dank u wel.',
    });
    assert.equal(res.statusCode, 303, res.body);
    const s = await signalOf(publicId);
    assert.equal(s.state, 'afgehandeld');
    assert.ok(s.feedback_sent_at, 'the reporter got the closing message');
  }

  /** The reporter answers the satisfaction question through the tracking link. */
  async function answer({ publicId, trackingLink }: Worry): Promise<void> {
    await viewers.reporter.get(trackingLink);
    const res = await viewers.reporter.post(trackingLink, { satisfied: 'ja' }, { remoteAddress: '198.51.100.9' });
    assert.equal(res.statusCode, 200, res.body);
    const answers = await db()
      .selectFrom('signals_feedback')
      .select('satisfied')
      .where('signal_id', '=', (await signalOf(publicId)).id)
      .execute();
    assert.deepEqual(answers, [{ satisfied: true }]);
  }

  it('filing a worry about a neighbour in the buurt', async () => {
    await unchangedBy(async () => {
      await fileWorry();
    });
  });

  it('the first response by a professional', async () => {
    const w = await fileWorry();
    await unchangedBy(() => respond(w));
  });

  it('a network action added and finished by another organisation', async () => {
    const w = await fileWorry();
    await respond(w);
    await unchangedBy(() => networkAction(w));
  });

  it('closing with a message to the reporter', async () => {
    const w = await fileWorry();
    await respond(w);
    await networkAction(w);
    await unchangedBy(() => close(w));
  });

  it('the reporter answers the satisfaction question', async () => {
    const w = await fileWorry();
    await respond(w);
    await networkAction(w);
    await close(w);
    await unchangedBy(() => answer(w));
  });

  it('staff (professional, coordinator, admin) see open worries per wijk from 5 on; never per buurt; nobody else sees them', async () => {
    const staffTable = (html: string) => {
      const block = /<div class="signals-staff">([\s\S]*?)<\/div>/.exec(html)?.[1];
      return block ? [...block.matchAll(/<th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]) : null;
    };
    const wijkName = (await db().selectFrom('areas').select('name').where('code', '=', wijk).executeTakeFirstOrThrow()).name;
    const wijken = (await viewers.anonymous.get(`/${slug}/api/areas?level=district`)).json() as { areas: unknown[] };
    const coordinator = new TestBrowser(ctx.app);
    const admin = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await signInAs(ctx, admin, { tenantId: KRIMPEN.id, role: 'admin', organisationId: k.municipality });
    const staff = { welfare: viewers.welfare, housing: viewers.housing, coordinator, admin };
    await closeOpenWorries(db());
    const codes = ['eenzaamheid', 'verwaarlozing', 'geldzorgen', 'mantelzorg', 'eenzaamheid'];
    const fileWorry = (i: number) =>
      createSignal(db(), newSignal({ category: { serviceCode: codes[i]! }, description: 'Zorg.', idempotencyKey: `worry-${i}`, now: NOW }));
    for (let i = 0; i < 4; i++) await fileWorry(i);
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);

    for (const [who, b] of Object.entries(staff)) {
      const onWijk = staffTable((await b.get(`/${slug}/wijken/${wijk}`)).body);
      assert.deepEqual(onWijk, [[wijkName, 'minder dan 5']], `${who}: four open worries are "fewer than 5"`);
      const onMunicipality = staffTable((await b.get(`/${slug}/wijken/${KRIMPEN.id}`)).body);
      assert.equal(onMunicipality?.length, wijken.areas.length, `${who}: every wijk has a row, so a row tells nothing`);
      assert.ok(
        onMunicipality!.every(([, n]) => n === 'minder dan 5'),
        `${who}: no wijk has 5 yet`,
      );
      const onBuurt = (await b.get(`/${slug}/wijken/${buurt}`)).body;
      assert.equal(staffTable(onBuurt), null, `${who}: never per buurt`);
      assert.ok(onBuurt.includes('Zorgmeldingen over buurtgenoten tellen we alleen per wijk'), `${who}: the buurt page points to the wijk`);
    }
    await fileWorry(4);
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    for (const [who, b] of Object.entries(staff)) {
      assert.deepEqual(staffTable((await b.get(`/${slug}/wijken/${wijk}`)).body), [[wijkName, '5']], who);
      assert.ok(
        staffTable((await b.get(`/${slug}/wijken/${KRIMPEN.id}`)).body)!.some(([name, n]) => name === wijkName && n === '5'),
        who,
      );
      assert.equal(staffTable((await b.get(`/${slug}/wijken/${buurt}`)).body), null, who);
    }
    const english = new TestBrowser(ctx.app);
    english.cookies.set('lang', 'en');
    await signInAs(ctx, english, { tenantId: KRIMPEN.id, role: 'coordinator' });
    assert.ok((await english.get(`/${slug}/wijken/${wijk}`)).body.includes('Worry about a neighbour (staff only)'));
    for (const who of ['anonymous', 'english', 'resident', 'volunteer', 'reporter'] as const) {
      for (const url of areaPages()) {
        const body = (await viewers[who].get(url)).body;
        assert.equal(staffTable(body), null, `${who} ${url}`);
        assert.ok(
          !/zorgmeldingen per wijk|worries about neighbours per district|Zorg om een buurtgenoot|Worry about a neighbour|>(minder dan|fewer than) 5</i.test(
            body,
          ),
          `${who} ${url}`,
        );
      }
    }
    // Staff of another municipality see nothing of these on Krimpen's pages.
    const elsewhere = new TestBrowser(ctx.app);
    await setupTenant(db(), { id: 'GM0014', slug: 'groningen', name: 'Groningen' });
    await signInAs(ctx, elsewhere, { tenantId: 'GM0014', role: 'coordinator' });
    assert.equal(staffTable((await elsewhere.get(`/${slug}/wijken/${wijk}`)).body), null, 'a coordinator of Groningen on a Krimpen page');
  });
});
