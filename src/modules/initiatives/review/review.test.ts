import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import './review.messages.ts';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { buildUser, GRONINGEN, KRIMPEN, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { acknowledgeBy, decideBy } from './deadlines.ts';
import { runReviewDeadlines } from './deadlines.job.ts';
import { acknowledge, decide, previewLetter, reviewApplication, reviewWorkList, saveFeasibility } from './review.service.ts';
import { recordPayout } from './payout.service.ts';
import { formatEuro, parseEuro } from './letters.ts';
import { principalAs, seedApplication, seedFund } from './review.test-support.ts';

const BASE = 'http://localhost:3000';
const iso = (d: Date) => d.toISOString();

describe('money and letters', () => {
  it('formats cents as "€ 1.250,00" and reads what people type', () => {
    assert.equal(formatEuro(125_000), '€ 1.250,00');
    assert.equal(formatEuro(75_050, 'en'), '€ 750.50');
    assert.equal(formatEuro(5), '€ 0,05');
    assert.equal(parseEuro('1.250,00'), 125_000);
    assert.equal(parseEuro('€ 750'), 75_000);
    assert.equal(parseEuro('750,5'), 75_050);
    assert.equal(parseEuro('750.50'), 75_050);
    assert.equal(parseEuro('1.250'), 125_000);
    for (const bad of ['', 'abc', '-5', '1,234', '12,345,67', '1.2.3']) assert.equal(parseEuro(bad), null, bad);
  });
});

describe('review deadlines in working days (simulated clock)', () => {
  it('a Friday application is acknowledged by the end of Wednesday; a holiday does not count', () => {
    // Friday 4 December 2026, 16:00 in Amsterdam: Monday, Tuesday, Wednesday.
    assert.equal(iso(acknowledgeBy(new Date('2026-12-04T15:00:00Z'), 3)), '2026-12-09T22:59:59.999Z');
    // Thursday 24 December 2026: Christmas (Friday 25), the weekend; Monday 28, Tuesday 29, Wednesday 30.
    assert.equal(iso(acknowledgeBy(new Date('2026-12-24T09:00:00Z'), 3)), '2026-12-30T22:59:59.999Z');
    // Decide within 6 calendar weeks: the end of Friday 15 January 2027.
    assert.equal(iso(decideBy(new Date('2026-12-04T15:00:00Z'), 6)), '2027-01-15T22:59:59.999Z');
  });
});

describe('initiative review (service)', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let coordinator: { id: string; email: string };
  let applicant: { id: string; email: string };
  let fundId: string;

  before(async () => {
    await buildTenant(db(), KRIMPEN);
    await buildTenant(db(), GRONINGEN);
    coordinator = await buildUser(db(), { tenantId: KRIMPEN.id, role: 'coordinator', email: 'coord.review@test.nl' });
    applicant = await buildUser(db(), { tenantId: KRIMPEN.id, role: 'resident', email: 'bewoner.review@test.nl' });
    fundId = await seedFund(db(), KRIMPEN.id);
  });

  const mailsTo = (to: string) =>
    db().selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('created_at').execute();

  it('marks a missed receipt and a missed decision once, and mails the coordinator once each', async () => {
    const friday = new Date('2026-12-04T15:00:00Z');
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: friday, applicantUserId: applicant.id });
    const before = (await mailsTo(coordinator.email)).length;
    // Wednesday evening: still within the three working days.
    assert.deepEqual(await runReviewDeadlines(db(), new Date('2026-12-09T20:00:00Z'), BASE), { marked: 0, mails: 0 });
    // Thursday morning: late. One mark, one mail; the next run mails nothing.
    const late = await runReviewDeadlines(db(), new Date('2026-12-10T08:00:00Z'), BASE);
    assert.equal(late.marked, 1);
    assert.equal((await runReviewDeadlines(db(), new Date('2026-12-10T09:00:00Z'), BASE)).marked, 0);
    const mails = (await mailsTo(coordinator.email)).slice(before);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, new RegExp(`ontvangst van aanvraag ${app.reference}`));
    assert.match(mails[0]!.text_body, new RegExp(`/krimpen-aan-den-ijssel/samen-doen/beoordelen/${app.reference}`));
    // The work list shows it late.
    const now = new Date('2026-12-10T09:00:00Z');
    const item = (await reviewWorkList(db(), principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now), KRIMPEN.id)).find(
      (i) => i.reference === app.reference,
    );
    assert.equal(item?.deadlines.acknowledgeOverdue, true);
    // Six weeks later, undecided: one decision mail, once.
    assert.equal((await runReviewDeadlines(db(), new Date('2027-01-15T21:00:00Z'), BASE)).marked, 0);
    assert.equal((await runReviewDeadlines(db(), new Date('2027-01-16T08:00:00Z'), BASE)).marked, 1);
    assert.equal((await runReviewDeadlines(db(), new Date('2027-01-17T08:00:00Z'), BASE)).marked, 0);
    const all = (await mailsTo(coordinator.email)).slice(before);
    assert.equal(all.length, 2);
    assert.match(all[1]!.subject, /nog geen besluit/);
  });

  it('Christmas does not count: an application of Thursday 24 December is late only after Wednesday 30 December', async () => {
    const fund = await seedFund(db(), KRIMPEN.id);
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId: fund, submittedAt: new Date('2026-12-24T09:00:00Z') });
    const marks = () => db().selectFrom('initiative_deadline_marks').select('kind').where('application_id', '=', app.id).execute();
    // Monday 28 December (Christmas and the weekend skipped) and Wednesday 30 December, 23:00 in Amsterdam: not late yet.
    await runReviewDeadlines(db(), new Date('2026-12-28T08:00:00Z'), BASE);
    await runReviewDeadlines(db(), new Date('2026-12-30T22:00:00Z'), BASE);
    assert.deepEqual(await marks(), []);
    // Just after midnight: late, marked once.
    await runReviewDeadlines(db(), new Date('2026-12-30T23:30:00Z'), BASE);
    await runReviewDeadlines(db(), new Date('2026-12-31T08:00:00Z'), BASE);
    assert.deepEqual(await marks(), [{ kind: 'acknowledge' }]);
  });

  it('acknowledges with a receipt, refuses a partial approval above the amount asked, and sends the edited letter', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const p = principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now);
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: now, applicantUserId: applicant.id });
    const input = {
      decision: 'partial' as const,
      grantedCents: 75_000,
      reasons: 'De muziek betaalt de buurtvereniging.',
      template: 'standard' as const,
      locale: 'nl' as const,
    };
    // Deciding before the receipt is refused.
    await assert.rejects(decide(db(), p, KRIMPEN.id, app.reference, { ...input, letter: 'x' }), (e: AppError) => e.status === 409);
    const mailsBefore = (await mailsTo(applicant.email)).length;
    await acknowledge(db(), p, KRIMPEN.id, app.reference);
    const receipt = (await mailsTo(applicant.email)).slice(mailsBefore);
    assert.equal(receipt.length, 1);
    assert.match(receipt[0]!.text_body, /uiterlijk 18 januari 2027/);
    await assert.rejects(acknowledge(db(), p, KRIMPEN.id, app.reference), (e: AppError) => e.status === 409);

    await assert.rejects(
      saveFeasibility(db(), p, KRIMPEN.id, app.reference, { points: [{ point: 'budget', ok: false, reason: ' ' }] }),
      (e: AppError) => e.status === 422 && e.fields?.['reason_budget'] === 'initiatives.review.error.reasonNeeded',
    );
    await saveFeasibility(db(), p, KRIMPEN.id, app.reference, {
      points: [
        { point: 'rules', ok: true, reason: '' },
        { point: 'budget', ok: false, reason: 'Muziek is te duur.' },
      ],
    });

    // Above the amount asked (€ 1.250,00): refused, nothing written.
    await assert.rejects(
      decide(db(), p, KRIMPEN.id, app.reference, { ...input, grantedCents: 130_000, letter: 'Brief' }),
      (e: AppError) =>
        e.status === 422 &&
        e.fields?.['granted'] === 'initiatives.review.error.partialAboveRequested' &&
        e.vars?.['requested'] === '€ 1.250,00',
    );
    await assert.rejects(
      previewLetter(db(), p, KRIMPEN.id, app.reference, { ...input, grantedCents: 125_000 }),
      (e: AppError) => e.status === 422,
    );
    let row = (await reviewApplication(db(), p, KRIMPEN.id, app.reference)).row;
    assert.equal(row.decision, null);
    assert.equal(row.status, 'in_review');

    const letter = await previewLetter(db(), p, KRIMPEN.id, app.reference, input);
    assert.match(letter, /^Beste Bewoners Bloemstraat,/);
    assert.match(letter, /€ 750,00 van de gevraagde € 1\.250,00/);
    assert.match(letter, /De reden: De muziek betaalt de buurtvereniging\./);
    assert.match(letter, /Gemeente Krimpen aan den IJssel$/);
    const english = await previewLetter(db(), p, KRIMPEN.id, app.reference, { ...input, locale: 'en' });
    assert.match(english, /^Dear Bewoners Bloemstraat,/);
    assert.match(english, /€ 750\.00 of the € 1,250\.00 requested/);

    const edited = `${letter}\n\nPS: bel ons gerust.`;
    await decide(db(), p, KRIMPEN.id, app.reference, { ...input, letter: edited });
    row = (await reviewApplication(db(), p, KRIMPEN.id, app.reference)).row;
    assert.equal(row.decision, 'partial');
    assert.equal(row.granted_cents, 75_000);
    assert.equal(row.status, 'decided');
    assert.equal(row.decision_letter, edited);
    const sent = (await mailsTo(applicant.email)).at(-1)!;
    assert.equal(sent.subject, `Besluit over uw aanvraag ${app.reference}`);
    assert.equal(sent.text_body, edited);
    await assert.rejects(decide(db(), p, KRIMPEN.id, app.reference, { ...input, letter: edited }), (e: AppError) => e.status === 409);

    // Payouts: parts up to the decision; above it refused with what is left.
    const pay = (paidOn: string, amountCents: number) => recordPayout(db(), p, KRIMPEN.id, app.reference, { paidOn, amountCents });
    await assert.rejects(
      pay('2026-12-07', 75_001),
      (e: AppError) =>
        e.status === 422 && e.fields?.['amount'] === 'initiatives.review.error.aboveDecision' && e.vars?.['left'] === '€ 750,00',
    );
    await assert.rejects(pay('2026-12-08', 100), (e: AppError) => e.fields?.['paidOn'] === 'initiatives.review.error.paidOnFuture');
    await pay('2026-12-07', 50_000);
    await assert.rejects(pay('2026-12-07', 25_001), (e: AppError) => e.vars?.['left'] === '€ 250,00');
    await pay('2026-12-07', 25_000);
    const after = await reviewApplication(db(), p, KRIMPEN.id, app.reference);
    assert.equal(after.row.paid_cents, 75_000);
    assert.equal(after.row.status, 'paid');
    assert.deepEqual(after.payouts, [
      { paidOn: '2026-12-07', amountCents: 50_000 },
      { paidOn: '2026-12-07', amountCents: 25_000 },
    ]);
    await assert.rejects(pay('2026-12-07', 1), (e: AppError) => e.vars?.['left'] === '€ 0,00');
  });

  it('a full approval grants the amount asked; a rejection pays nothing; reasons are required', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const p = principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now);
    const full = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: now, status: 'acknowledged' });
    await decide(db(), p, KRIMPEN.id, full.reference, {
      decision: 'full',
      grantedCents: 1,
      reasons: '',
      template: 'standard',
      locale: 'nl',
      letter: 'Toegekend.',
    });
    assert.equal((await reviewApplication(db(), p, KRIMPEN.id, full.reference)).row.granted_cents, 125_000);
    const no = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: now, status: 'acknowledged' });
    await assert.rejects(
      decide(db(), p, KRIMPEN.id, no.reference, {
        decision: 'rejected',
        grantedCents: null,
        reasons: '',
        template: 'standard',
        locale: 'nl',
        letter: 'Nee.',
      }),
      (e: AppError) => e.fields?.['reasons'] === 'initiatives.review.error.reasonsNeeded',
    );
    await decide(db(), p, KRIMPEN.id, no.reference, {
      decision: 'rejected',
      grantedCents: null,
      reasons: 'Past niet.',
      template: 'budget',
      locale: 'nl',
      letter: 'Nee.',
    });
    await assert.rejects(
      recordPayout(db(), p, KRIMPEN.id, no.reference, { paidOn: '2026-12-07', amountCents: 100 }),
      (e: AppError) => e.status === 409,
    );
  });

  it('a grant above what is left of the budget is refused with the amount left; up to it is accepted', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const p = principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now);
    const budgeted = await seedFund(db(), KRIMPEN.id);
    await db()
      .insertInto('initiative_budgets')
      .values({
        tenant_id: KRIMPEN.id,
        fund_id: budgeted,
        year: 2026,
        label_nl: 'Hele gemeente',
        area_codes: JSON.stringify([]) as never,
        amount_cents: 100_000,
      })
      .execute();
    const seed = () => seedApplication(db(), { tenantId: KRIMPEN.id, fundId: budgeted, submittedAt: now, status: 'acknowledged' });
    const base = { reasons: 'Deels.', template: 'standard' as const, locale: 'nl' as const, letter: 'Brief' };
    const first = await seed();
    // In full (€ 1.250,00) is above the € 1.000,00 budget: refused beside the decision, nothing written.
    await assert.rejects(
      decide(db(), p, KRIMPEN.id, first.reference, { ...base, decision: 'full', grantedCents: null }),
      (e: AppError) =>
        e.status === 422 && e.fields?.['decision'] === 'initiatives.review.error.overBudget' && e.vars?.['left'] === '€ 1.000,00',
    );
    await assert.rejects(previewLetter(db(), p, KRIMPEN.id, first.reference, { ...base, decision: 'full', grantedCents: null }), {
      status: 422,
    });
    assert.equal((await reviewApplication(db(), p, KRIMPEN.id, first.reference)).row.decision, null);
    await decide(db(), p, KRIMPEN.id, first.reference, { ...base, decision: 'partial', grantedCents: 60_000 });
    const second = await seed();
    await assert.rejects(
      decide(db(), p, KRIMPEN.id, second.reference, { ...base, decision: 'partial', grantedCents: 40_001 }),
      (e: AppError) => e.fields?.['granted'] === 'initiatives.review.error.overBudget' && e.vars?.['left'] === '€ 400,00',
    );
    await decide(db(), p, KRIMPEN.id, second.reference, { ...base, decision: 'partial', grantedCents: 40_000 });
    // Nothing left: a rejection is still possible.
    const third = await seed();
    await decide(db(), p, KRIMPEN.id, third.reference, { ...base, decision: 'rejected', grantedCents: null });
  });

  it('only coordinators of the same municipality review', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: now });
    const other = await buildUser(db(), { tenantId: GRONINGEN.id, role: 'coordinator' });
    // A Groningen coordinator acting in Krimpen has no role there; one acting "as Groningen" on Krimpen's data is refused.
    await assert.rejects(
      reviewApplication(db(), principalAs(other.id, KRIMPEN.id, null, now), KRIMPEN.id, app.reference),
      (e: AppError) => e.status === 403,
    );
    await assert.rejects(
      reviewApplication(db(), principalAs(other.id, GRONINGEN.id, 'coordinator', now), KRIMPEN.id, app.reference),
      (e: AppError) => e.status === 403,
    );
    await assert.rejects(
      acknowledge(db(), principalAs(applicant.id, KRIMPEN.id, 'resident', now), KRIMPEN.id, app.reference),
      (e: AppError) => e.status === 403,
    );
    // Within Groningen, Krimpen's reference does not exist.
    await assert.rejects(
      reviewApplication(db(), principalAs(other.id, GRONINGEN.id, 'coordinator', now), GRONINGEN.id, app.reference),
      (e: AppError) => e.status === 404,
    );
  });
});
