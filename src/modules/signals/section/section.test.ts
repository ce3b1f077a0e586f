import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { AppError } from '../../../platform/errors.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { createSignal, transitionSignal, type TransitionInput } from '../signals.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { areaFigures, plainDuration, sensitiveByWijk } from './section.service.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, newSignal, NOW, setupTenant } from '../signals.test-support.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('signals neighbourhood section and the feedback rule', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let staff: string;
  let wijk: string;
  let buurt: string;
  const step = (signalId: string, over: Partial<TransitionInput>): TransitionInput => ({
    tenantId: KRIMPEN.id,
    signalId,
    to: 'in_behandeling',
    actorUserId: staff,
    locale: 'nl',
    links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
    now: NOW,
    principal: systemPrincipal(over.tenantId ?? KRIMPEN.id, NOW),
    ...over,
  });
  const sentAt = async (id: string) =>
    (await db().selectFrom('signals_signals').select('feedback_sent_at').where('id', '=', id).executeTakeFirstOrThrow()).feedback_sent_at;

  before(async () => {
    await setupTenant(db(), KRIMPEN);
    await setupTenant(db(), GRONINGEN);
    staff = (
      await db()
        .insertInto('users')
        .values({ email: 'behandelaar@test.samenhang.nl', name: 'Behandelaar' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const created = at(-30 * DAY);
    // Five reporters with e-mail: first response after i hours, closed with a message after i days.
    for (let i = 1; i <= 5; i++) {
      const { signal } = await createSignal(db(), newSignal({ now: created, idempotencyKey: `sec-${i}` }));
      wijk = signal.wijk_code!;
      buurt = signal.buurt_code!;
      await transitionSignal(db(), step(signal.id, { to: 'in_behandeling', now: new Date(created.getTime() + i * HOUR) }));
      await transitionSignal(
        db(),
        step(signal.id, { to: 'afgehandeld', publicMessage: 'De lamp is vervangen.', now: new Date(created.getTime() + i * DAY) }),
      );
    }
    // An anonymous reporter: closed by hand without a message after 3 days (its closure is its first response).
    const anon = await createSignal(db(), newSignal({ reporter: {}, wantsFeedback: false, now: created }));
    await transitionSignal(db(), step(anon.signal.id, { to: 'afgehandeld', now: new Date(created.getTime() + 3 * DAY) }));
    // Three open worries about neighbours (sensitive), one open public-space signal.
    for (const code of ['eenzaamheid', 'verwaarlozing', 'geldzorgen']) {
      await createSignal(db(), newSignal({ category: { serviceCode: code }, description: 'Ik maak me zorgen.', now: at(-2 * DAY) }));
    }
    await createSignal(db(), newSignal({ now: at(-DAY) }));
    // Another municipality: never counted.
    for (let i = 0; i < 3; i++) {
      const g = await createSignal(
        db(),
        newSignal({ tenantId: GRONINGEN.id, ...GRONINGEN_POINT, links: { baseUrl: 'x', tenantSlug: GRONINGEN.slug }, now: created }),
      );
      await transitionSignal(db(), {
        ...step(g.signal.id, { to: 'afgehandeld', publicMessage: 'Klaar.', now: at(-29 * DAY) }),
        tenantId: GRONINGEN.id,
        principal: systemPrincipal(GRONINGEN.id, NOW),
      });
    }
    ctx.clock.set(NOW);
  });

  it('computes exact medians, the share fed back and hides small numbers', async () => {
    const f = await areaFigures(db(), { tenantId: KRIMPEN.id, level: 'municipality', areaCodes: [], now: NOW });
    assert.equal(f.closed, 6);
    assert.deepEqual(f.medianClose, { value: 3 * 86_400, n: 6 });
    // Responses after 1, 2, 3, 4, 5 hours and 72 hours: median (3 + 4) / 2 hours.
    assert.deepEqual(f.medianResponse, { value: 3.5 * 3600, n: 6 });
    assert.deepEqual(f.fedBack, { value: 1, n: 5 }, 'the anonymous reporter is not in the base');
    assert.deepEqual(f.satisfied, { value: null, n: 0 });
    assert.deepEqual(
      f.openByGroup,
      [{ name: 'Openbare ruimte', n: 1 }],
      'the three open worries about neighbours are not in the public figures',
    );
    assert.ok(f.parts.length > 0 && f.parts.every((p) => p.open <= 1), 'sensitive signals are never split into parts');
    assert.deepEqual(
      await sensitiveByWijk(db(), { tenantId: KRIMPEN.id, wijkCodes: [wijk] }),
      [{ code: wijk, n: null }],
      'staff: three open worries are "fewer than 5"',
    );
  });

  it('shows satisfaction only from 5 answers and counts only this municipality', async () => {
    const ids = (
      await db().selectFrom('signals_signals').select('id').where('tenant_id', '=', KRIMPEN.id).where('state', '=', 'afgehandeld').execute()
    ).map((r) => r.id);
    const answer = (i: number, satisfied: boolean) =>
      db()
        .insertInto('signals_feedback')
        .values({ tenant_id: KRIMPEN.id, signal_id: ids[i]!, satisfied, solved: null, reason: null, created_at: at(-DAY) })
        .execute();
    for (let i = 0; i < 4; i++) await answer(i, i < 3);
    let f = await areaFigures(db(), { tenantId: KRIMPEN.id, level: 'district', areaCodes: [wijk, buurt], now: NOW });
    assert.deepEqual(f.satisfied, { value: null, n: 4 });
    await answer(4, true);
    f = await areaFigures(db(), { tenantId: KRIMPEN.id, level: 'district', areaCodes: [wijk, buurt], now: NOW });
    assert.deepEqual(f.satisfied, { value: 0.8, n: 5 });
    const part = f.parts.find((p) => p.code === buurt);
    assert.ok(part && part.closed === 6 && part.open === 1);
    const later = await areaFigures(db(), { tenantId: KRIMPEN.id, level: 'district', areaCodes: [wijk, buurt], now: at(400 * DAY) });
    assert.equal(later.closed, 0, 'older than 12 months: not counted');
    const g = await areaFigures(db(), { tenantId: GRONINGEN.id, level: 'municipality', areaCodes: [], now: NOW });
    assert.equal(g.closed, 3);
    // Staff counts per wijk: shown from 5, only this municipality's, and a buurt code is not a wijk.
    for (const code of ['eenzaamheid', 'mantelzorg']) {
      await createSignal(db(), newSignal({ category: { serviceCode: code }, description: 'Ik maak me zorgen.', now: at(-DAY) }));
    }
    assert.deepEqual(await sensitiveByWijk(db(), { tenantId: KRIMPEN.id, wijkCodes: [wijk, buurt] }), [
      { code: wijk, n: 5 },
      { code: buurt, n: null },
    ]);
    assert.deepEqual(await sensitiveByWijk(db(), { tenantId: GRONINGEN.id, wijkCodes: [wijk] }), [{ code: wijk, n: null }]);
    const open = await areaFigures(db(), { tenantId: KRIMPEN.id, level: 'district', areaCodes: [wijk, buurt], now: NOW });
    assert.deepEqual(open.openByGroup, [{ name: 'Openbare ruimte', n: 1 }], 'five open worries: still not public');
  });

  it('renders the section on the wijk page: table with headers, suppression, no personal data', async () => {
    // The page shows what the area-summaries job computed from the signals above.
    await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    const res = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${wijk}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2[^>]*id="meldingen-[^"]+"[^>]*>Meldingen<\/h2>/);
    assert.ok(
      !res.body.includes('Zorg om een buurtgenoot') && !res.body.includes('Open zorgmeldingen'),
      'no count of worries about neighbours for the public',
    );
    assert.ok(res.body.includes('Zorgmeldingen over buurtgenoten tellen in deze cijfers niet mee'));
    assert.ok(res.body.includes('3 dagen'));
    assert.ok(res.body.includes('<th scope="col">'));
    assert.ok(!res.body.includes('melder@example.nl') && !res.body.includes('Ik maak me zorgen') && !res.body.includes('lantaarnpaal'));
    // The per-buurt table lists every buurt of the wijk, also those without any signal.
    const table = /<table class="data-table data-table--reflow signals-parts">([\s\S]*?)<\/table>/.exec(res.body)?.[1] ?? '';
    const buurten = await listAreas(db(), KRIMPEN.id, { level: 'neighbourhood', parentCode: wijk });
    assert.ok(buurten.length > 1, 'the test wijk has several buurten');
    for (const b of buurten) assert.ok(table.includes(`<th scope="row" data-label="Buurt">${b.name}</th>`), `row for ${b.name}`);
    assert.ok(!res.body.includes('Aantallen onder de'), 'the privacy line promises only what the section does');
    const mun = await ctx.app.inject({ method: 'GET', url: `/${KRIMPEN.slug}/wijken/${KRIMPEN.id}` });
    assert.equal(mun.statusCode, 200);
    assert.ok(mun.body.includes('Per wijk'));
  });

  it('a person must write to a reporter with contact details before closing; the closure records the feedback', async () => {
    const { signal } = await createSignal(db(), newSignal({ wantsFeedback: false }));
    for (const to of ['afgehandeld', 'geannuleerd'] as const) {
      await assert.rejects(transitionSignal(db(), step(signal.id, { to, publicMessage: '  ' })), (e: unknown) => {
        assert.ok(e instanceof AppError && e.status === 422 && e.fields?.publicMessage === 'signals.feedback.messageRequired');
        return true;
      });
    }
    assert.equal(await sentAt(signal.id), null);
    const closed = await transitionSignal(
      db(),
      step(signal.id, { to: 'geannuleerd', publicMessage: 'Dit valt niet onder de gemeente.', now: at(HOUR) }),
    );
    assert.deepEqual(closed.feedback_sent_at, at(HOUR));
    assert.deepEqual(await sentAt(signal.id), at(HOUR));
    const mail = await db()
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'melder@example.nl')
      .where('text_body', 'like', '%niet onder de gemeente%')
      .execute();
    assert.equal(mail.length, 1, 'reporters who did not tick "hear back" still get the closing message');
    // Reopened: the next closure records again.
    await transitionSignal(db(), step(signal.id, { to: 'heropend', now: at(2 * HOUR) }));
    await transitionSignal(db(), step(signal.id, { to: 'afgehandeld', publicMessage: 'Toch opgelost.', now: at(3 * HOUR) }));
    assert.deepEqual(await sentAt(signal.id), at(3 * HOUR));
  });

  it('closes without a message when the reporter left no contact details; the system closes with the standard text', async () => {
    const anon = await createSignal(db(), newSignal({ reporter: {}, wantsFeedback: false }));
    const closed = await transitionSignal(db(), step(anon.signal.id, { to: 'afgehandeld' }));
    assert.equal(closed.state, 'afgehandeld');
    assert.equal(await sentAt(anon.signal.id), null);
    const withMail = await createSignal(db(), newSignal());
    await transitionSignal(db(), step(withMail.signal.id, { to: 'afgehandeld', actorUserId: null, reason: 'open311', now: at(HOUR) }));
    assert.deepEqual(await sentAt(withMail.signal.id), at(HOUR));
    const last = await db()
      .selectFrom('signals_transitions')
      .select('public_message')
      .where('signal_id', '=', withMail.signal.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(last.public_message && last.public_message.length > 10, 'the standard text became the message');
  });

  it('says durations in plain words', () => {
    assert.equal(plainDuration(1800, 'nl'), 'minder dan 1 uur');
    assert.equal(plainDuration(5 * 3600, 'nl'), '5 uur');
    assert.equal(plainDuration(86_400, 'nl'), '1 dag');
    assert.equal(plainDuration(3 * 86_400 + 3600, 'nl'), '3 dagen');
    assert.equal(plainDuration(3 * 86_400, 'en'), '3 days');
  });
});
