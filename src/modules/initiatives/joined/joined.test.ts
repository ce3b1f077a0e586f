/**
 * Joined up: the "samen doen" section of the neighbourhood page (through the area-summaries job)
 * and the live indicators (through the monitor's recompute), from hand-placed applications in two
 * buurten of one wijk; a call for initiatives made by a professional shows on the page with a link
 * to the apply form; another municipality's figures never count.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { buildArea, GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { recomputeAll } from '../../monitor/live/recompute.ts';
import { areaMeasurements } from '../../monitor/monitor.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { initiativesIndicators, rollUp } from './joined.indicators.ts';
import { applyHref } from './joined.service.ts';

const WIJK = 'WK054298';
const B1 = 'BU05429801';
const B2 = 'BU05429802';
let seq = 0;

async function fund(db: DbOrTrx, tenantId: string): Promise<string> {
  const r = await db
    .insertInto('initiative_funds')
    .values({ tenant_id: tenantId, slug: `fonds-${++seq}`, name_nl: `Fonds ${seq}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An application in `area`: submitted at `submitted`, decided (granted cents) at `decided`, accounted on `accounted` with participants. */
async function application(
  db: DbOrTrx,
  a: {
    tenantId: string;
    fundId: string;
    area: string;
    submitted: string;
    granted?: number;
    decided?: string;
    accounted?: string;
    participants?: number | null;
  },
): Promise<void> {
  const r = await db
    .insertInto('initiative_applications')
    .values({
      tenant_id: a.tenantId,
      reference: `INI-2026-${String(++seq).padStart(4, '0')}`,
      fund_id: a.fundId,
      group_name: `Bewoners ${seq}`,
      title: `Initiatief ${seq}`,
      area_code: a.area,
      requested_cents: 200_000,
      status: a.accounted ? 'accounted' : a.decided ? 'decided' : 'submitted',
      submitted_at: a.submitted,
      ...(a.decided
        ? { decision: a.granted ? ('partial' as const) : ('rejected' as const), granted_cents: a.granted ?? null, decided_at: a.decided }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (a.accounted) {
    await db
      .insertInto('initiative_accounts')
      .values({
        tenant_id: a.tenantId,
        application_id: r.id,
        what_happened: 'Gedaan.',
        participants: a.participants ?? null,
        submitted_on: a.accounted,
      })
      .execute();
  }
}

describe('samen doen: section, indicators and calls', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let fundId = '';

  before(async () => {
    await ensureTenant(db(), KRIMPEN);
    await ensureTenant(db(), GRONINGEN);
    await buildArea(db(), { tenantId: KRIMPEN.id, level: 'district', code: WIJK, name: 'Proefwijk', bbox: [4.59, 51.9, 4.62, 51.93] });
    await buildArea(db(), {
      tenantId: KRIMPEN.id,
      level: 'neighbourhood',
      code: B1,
      name: 'Proefbuurt Noord',
      bbox: [4.59, 51.915, 4.62, 51.93],
    });
    await buildArea(db(), {
      tenantId: KRIMPEN.id,
      level: 'neighbourhood',
      code: B2,
      name: 'Proefbuurt Zuid',
      bbox: [4.59, 51.9, 4.62, 51.915],
    });
    fundId = await fund(db(), KRIMPEN.id);
    // B1: three applied in Q3; one funded € 750 in Q3 and carried out in Q4 with 40 participants; one rejected.
    await application(db(), {
      tenantId: KRIMPEN.id,
      fundId,
      area: B1,
      submitted: '2026-07-02T10:00:00Z',
      granted: 75_000,
      decided: '2026-08-01T10:00:00Z',
      accounted: '2026-10-15',
      participants: 40,
    });
    await application(db(), { tenantId: KRIMPEN.id, fundId, area: B1, submitted: '2026-07-03T10:00:00Z', decided: '2026-08-02T10:00:00Z' });
    await application(db(), { tenantId: KRIMPEN.id, fundId, area: B1, submitted: '2026-09-30T10:00:00Z' });
    // B2: one applied and funded € 1.250 in Q4, accounted with unknown participants.
    await application(db(), {
      tenantId: KRIMPEN.id,
      fundId,
      area: B2,
      submitted: '2026-10-01T10:00:00Z',
      granted: 125_000,
      decided: '2026-10-20T10:00:00Z',
      accounted: '2026-11-10',
      participants: null,
    });
    // Another municipality's application never counts here.
    const other = await fund(db(), GRONINGEN.id);
    await application(db(), {
      tenantId: GRONINGEN.id,
      fundId: other,
      area: 'BU00140000',
      submitted: '2026-07-02T10:00:00Z',
      granted: 99_900,
      decided: '2026-08-01T10:00:00Z',
    });
  });

  it('rolls buurt figures up to the wijk and the municipality', () => {
    const areas = {
      municipality: 'GM0542',
      districts: [WIJK],
      neighbourhoods: [B1, B2],
      parentOf: new Map([
        [B1, WIJK],
        [B2, WIJK],
      ]),
    };
    const m = rollUp(areas, [
      { area_code: B1, period: '2026-Q3', n: 2 },
      { area_code: B2, period: '2026-Q3', n: 1 },
      { area_code: WIJK, period: '2026-Q3', n: 4 },
      { area_code: 'BU_ELSEWHERE', period: '2026-Q3', n: 8 },
    ]);
    assert.equal(m.get(`${B1}|2026-Q3`), 2);
    assert.equal(m.get(`${WIJK}|2026-Q3`), 7, 'two buurten and the wijk itself');
    assert.equal(m.get('GM0542|2026-Q3'), 15, 'an unknown area counts for the municipality only');
  });

  it('feeds the monitor: applied, funded, carried out, participants and euros per quarter', async () => {
    const runs = await recomputeAll(db(), [initiativesIndicators], { now: ctx.clock.now(), tenantIds: [KRIMPEN.id] });
    assert.deepEqual(
      runs.map((r) => r.outcome),
      ['ok'],
    );
    const rows = await areaMeasurements(db(), systemPrincipal(KRIMPEN.id, ctx.clock.now()), KRIMPEN.id, {
      indicatorCodes: initiativesIndicators.definitions.map((d) => d.code),
    });
    const v = (code: string, area: string, period: string) =>
      rows.find((r) => r.indicatorCode === code && r.areaCode === area && r.period === period)?.value;
    assert.equal(v('ini_applied', B1, '2026-Q3'), 3);
    assert.equal(v('ini_applied', WIJK, '2026-Q4'), 1);
    assert.equal(v('ini_applied', KRIMPEN.id, '2026-Q3'), 3, 'Groningen does not count');
    assert.equal(v('ini_funded', WIJK, '2026-Q3'), 1, 'a rejection is not funded');
    assert.equal(v('ini_granted_euros', WIJK, '2026-Q3'), 750);
    assert.equal(v('ini_granted_euros', KRIMPEN.id, '2026-Q4'), 1250);
    assert.equal(v('ini_carried_out', WIJK, '2026-Q4'), 2);
    assert.equal(v('ini_participants', B1, '2026-Q4'), 40);
    assert.equal(v('ini_participants', B2, '2026-Q4'), 0, 'unknown participants are not counted');
    assert.equal(v('ini_applied', B2, '2026-Q3'), 0, 'an empty quarter is 0');
  });

  it('shows "samen doen" on the neighbourhood page with an open call that links to the apply form', async () => {
    const pro = new TestBrowser(ctx.app);
    await signInAs(ctx, pro, { tenantId: KRIMPEN.id, role: 'professional' });
    const page = await pro.get(
      `/${KRIMPEN.slug}/beheer/initiatieven/oproepen?wijk=${WIJK}&origin=knelpunt&ref=x&area=${B1}&title=Speelplek`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="Speelplek"/, 'the form is filled in from the link');
    const bad = await pro.post(`/${KRIMPEN.slug}/beheer/initiatieven/oproepen`, {
      fund: fundId,
      origin: 'knelpunt',
      originRef: 'x',
      area: 'BU99999999',
      title: 'Speelplek',
      text: '',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Kies een gebied uit de lijst\./);
    const made = await pro.post(`/${KRIMPEN.slug}/beheer/initiatieven/oproepen`, {
      fund: fundId,
      origin: 'knelpunt',
      originRef: 'wijkperspectief',
      area: B1,
      title: 'Een speelplek voor jonge kinderen',
      text: 'Wie helpt?',
    });
    assert.equal(made.statusCode, 303);
    const call = await db()
      .selectFrom('initiative_calls')
      .select('id')
      .where('title_nl', '=', 'Een speelplek voor jonge kinderen')
      .executeTakeFirstOrThrow();
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(`/${KRIMPEN.slug}/beheer/initiatieven/oproepen`)).statusCode, 403);

    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const wijk = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/wijken/${WIJK}`);
    assert.equal(wijk.statusCode, 200);
    const section = /<section class="section" aria-labelledby="section-samen-doen">[\s\S]*?<\/section>/.exec(wijk.body)?.[0] ?? '';
    assert.ok(section, 'the section is on the page');
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(section)?.[1];
    assert.equal(row('Aangevraagd'), '4');
    assert.equal(row('Gesteund'), '2');
    assert.equal(row('Uitgevoerd'), '2');
    assert.equal(row('Deelnemers'), '40');
    assert.equal(row('Toegekend geld'), '€ 2.000');
    assert.match(section, /Bewoners/);
    assert.ok(section.includes(`href="${applyHref(KRIMPEN.slug, 'fonds-1', call.id)}"`), 'links to the apply form with the call');
    const buurt = await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/wijken/${B2}`);
    const b2 = /aria-labelledby="section-samen-doen">[\s\S]*?<\/section>/.exec(buurt.body)?.[0] ?? '';
    assert.ok(b2.includes('<th scope="row">Aangevraagd</th><td>1</td>'));
    assert.ok(!b2.includes('speelplek'), "another buurt's call is not shown");
  });
});
