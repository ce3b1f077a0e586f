import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { AppError } from '../../../platform/errors.ts';
import { principalOf, type Principal, systemPrincipal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { createUser } from '../../people/people.service.ts';
import { trackingView } from '../tracking/feedback.service.ts';
import { checkMerge, mergeCandidatesFor, mergeSignals, splitSignal } from './merge.service.ts';
import { createSignal, getSignalById, signalHistory, transitionSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, NOW, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import { followSignal } from '../tracking/tracking.service.ts';

const links = { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug };
const LATER = new Date(NOW.getTime() + 3_600_000);

function rejects(status: number, key?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status, e.message);
    if (key) assert.equal(e.message, key);
    return true;
  };
}

describe('signals merge and split (service)', () => {
  const t = useTestDb();
  const db = () => t.database.db;
  let k: TenantFixture;
  let actor = '';
  let n = 0;
  const uniq = () => `${++n}-${Math.random().toString(36).slice(2, 8)}`;
  const report = async (over: Parameters<typeof newSignal>[0] = {}) =>
    createSignal(db(), newSignal({ links, idempotencyKey: `t:${uniq()}`, ...over }));
  const mailsTo = (to: string) =>
    db().selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at').orderBy('id').execute();
  /** The acting user with one role (in Krimpen unless said otherwise), second factor passed. */
  const as = (role: Role, tenantId = KRIMPEN.id, organisationId: string | null = null): Principal =>
    principalOf({ id: actor, mfaVerified: true, memberships: [{ tenantId, organisationId, role }] }, tenantId, LATER);
  const mergeInput = (duplicateId: string, mainId: string) => ({
    tenantId: KRIMPEN.id,
    duplicateId,
    mainId,
    principal: as('coordinator'),
    locale: 'nl' as const,
    links,
    now: LATER,
  });

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    await setupTenant(db(), GRONINGEN);
    actor = (await createUser(db(), { email: 'coordinator-merge@example.nl', name: 'Coördinator' })).id;
  });

  it('lists likely duplicates: same category, open, within 50 m or the same buurt, not itself', async () => {
    const a = await report({ reporter: { email: 'a@example.nl' } });
    const near = await report({ latitude: KRIMPEN_POINT.latitude + 0.0002, reporter: { email: 'near@example.nl' } });
    const other = await report({ category: { serviceCode: 'groen' } });
    const candidates = await mergeCandidatesFor(db(), as('coordinator'), a.signal, NOW);
    const ids = candidates.map((c) => c.public_id);
    assert.ok(ids.includes(near.signal.public_id));
    assert.ok(!ids.includes(a.signal.public_id), 'not itself');
    assert.ok(!ids.includes(other.signal.public_id), 'not another category');
    assert.ok(candidates.find((c) => c.public_id === near.signal.public_id)!.distance! <= 50);
  });

  it('merges a duplicate: cancelled with a link, reporter and followers follow the main signal (mailed), actions move, histories and audit', async () => {
    const main = await report({ reporter: { email: 'hoofd@example.nl' }, description: 'Lamp kapot bij de school' });
    const dup = await report({ reporter: { email: 'dubbel@example.nl', name: 'Tweede Melder' }, description: 'Lantaarn doet het niet' });
    await followSignal(db(), dup.signal, { email: 'volger@example.nl', userId: null, sensitive: false, links, locale: 'nl', now: NOW });
    await db()
      .insertInto('signals_actions')
      .values({
        tenant_id: KRIMPEN.id,
        signal_id: dup.signal.id,
        organisation_id: k.housing,
        description: 'Kijken',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();

    const r = await mergeSignals(db(), { ...mergeInput(dup.signal.id, main.signal.id), note: 'zelfde paal' });
    assert.equal(r.mailed, 2);
    assert.equal(r.actionsMoved, 1);
    const d = await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, dup.signal.id);
    assert.equal(d.state, 'geannuleerd');
    assert.equal(d.merged_into_id, main.signal.id);
    assert.ok(d.closed_at);
    assert.ok(d.feedback_sent_at, 'the merge mail counts as the closing message');
    const dHistory = await signalHistory(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, dup.signal.id);
    const step = dHistory.at(-1)!;
    assert.equal(step.reason, 'merged');
    assert.ok(step.public_message!.includes(main.signal.public_id));
    assert.ok(step.internal_note!.includes('zelfde paal'));
    const mHistory = await signalHistory(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, main.signal.id);
    assert.equal(mHistory.at(-1)!.reason, 'merge');
    assert.ok(mHistory.at(-1)!.internal_note!.includes(dup.signal.public_id));
    const actions = await db()
      .selectFrom('signals_actions')
      .select('signal_id')
      .where('tenant_id', '=', KRIMPEN.id)
      .where('description', '=', 'Kijken')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.signal_id),
      [main.signal.id],
    );

    for (const to of ['dubbel@example.nl', 'volger@example.nl']) {
      const mail = (await mailsTo(to)).at(-1)!;
      assert.ok(mail.subject.includes(main.signal.public_id), mail.subject);
      assert.match(mail.text_body, /\/meldingen\/volgen\/[A-Za-z0-9_-]+/);
    }
    const followers = await db()
      .selectFrom('signals_followers')
      .select('email')
      .where('tenant_id', '=', KRIMPEN.id)
      .where('signal_id', '=', main.signal.id)
      .execute();
    assert.deepEqual(followers.map((f) => f.email).sort(), ['dubbel@example.nl', 'volger@example.nl']);

    // A later public step on the main signal reaches the duplicate's reporter.
    await transitionSignal(db(), {
      tenantId: KRIMPEN.id,
      signalId: main.signal.id,
      to: 'ingepland',
      publicMessage: 'Monteur komt dinsdag.',
      actorUserId: actor,
      locale: 'nl',
      links,
      now: new Date(LATER.getTime() + 1000),
      principal: as('coordinator'),
    });
    const later = (await mailsTo('dubbel@example.nl')).at(-1)!;
    assert.ok(later.subject.includes(main.signal.public_id));
    assert.ok(later.text_body.includes('Monteur komt dinsdag.'));

    // The duplicate's old tracking link still works and says it was merged.
    const view = await trackingView(db(), principalOf(null, KRIMPEN.id, LATER), KRIMPEN.id, dup.trackingToken!);
    assert.equal(view.signal.state, 'geannuleerd');
    assert.ok(view.history.some((h) => h.publicMessage?.includes(main.signal.public_id)));
    assert.equal(view.mergedInto, main.signal.public_id, 'it names the signal it was merged into');
    assert.ok(
      view.history.every((h) => !('internalNote' in h) && !('internal_note' in h)),
      'no internal notes on the tracking page',
    );

    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', dup.signal.id)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audit.length, 1);
    const detail = JSON.stringify(audit[0]!.detail);
    assert.ok(detail.includes('merged'));
    assert.ok(!detail.includes('dubbel@example.nl'), 'no personal data in the audit detail');
  });

  it('refuses: itself, closed, already merged, sensitive with non-sensitive, another tenant — and writes nothing', async () => {
    const a = await report();
    const b = await report();
    await assert.rejects(mergeSignals(db(), mergeInput(a.signal.id, a.signal.id)), rejects(422, 'signals.merge.error.self'));
    const closed = await report();
    await transitionSignal(db(), {
      tenantId: KRIMPEN.id,
      signalId: closed.signal.id,
      to: 'afgehandeld',
      publicMessage: 'Gerepareerd.',
      actorUserId: actor,
      locale: 'nl',
      links,
      now: NOW,
      principal: as('coordinator'),
    });
    await assert.rejects(mergeSignals(db(), mergeInput(a.signal.id, closed.signal.id)), rejects(409, 'signals.merge.error.closed'));
    await assert.rejects(mergeSignals(db(), mergeInput(closed.signal.id, a.signal.id)), rejects(409, 'signals.merge.error.closed'));
    await mergeSignals(db(), mergeInput(b.signal.id, a.signal.id));
    await assert.rejects(mergeSignals(db(), mergeInput(b.signal.id, a.signal.id)), rejects(409, 'signals.merge.error.alreadyMerged'));
    await assert.rejects(mergeSignals(db(), mergeInput(a.signal.id, b.signal.id)), rejects(409, 'signals.merge.error.alreadyMerged'));
    const care = await report({ category: { serviceCode: 'eenzaamheid' }, reporter: { email: 'zorg@example.nl' } });
    await assert.rejects(mergeSignals(db(), mergeInput(care.signal.id, a.signal.id)), rejects(422, 'signals.merge.error.sensitivity'));
    await assert.rejects(mergeSignals(db(), mergeInput(a.signal.id, care.signal.id)), rejects(422, 'signals.merge.error.sensitivity'));
    const groningen = await createSignal(
      db(),
      newSignal({
        tenantId: GRONINGEN.id,
        latitude: 53.2194,
        longitude: 6.5665,
        links: { baseUrl: links.baseUrl, tenantSlug: GRONINGEN.slug },
      }),
    );
    await assert.rejects(mergeSignals(db(), mergeInput(a.signal.id, groningen.signal.id)), rejects(404));
    await assert.rejects(checkMerge(db(), a.signal, groningen.signal), rejects(404));
    const still = await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, care.signal.id);
    assert.equal(still.state, 'gemeld');
    assert.equal(still.merged_into_id, null);
  });

  it('mergeSignals checks who acts itself: only a coordinator of the municipality merges (403 for others), nothing changes', async () => {
    const a = await report();
    const b = await report();
    const others: Principal[] = [
      as('professional', KRIMPEN.id, k.municipality),
      as('admin'),
      as('resident'),
      as('coordinator', GRONINGEN.id),
    ];
    for (const principal of others) {
      await assert.rejects(
        mergeSignals(db(), { ...mergeInput(a.signal.id, b.signal.id), principal }),
        rejects(403),
        principal.roles.join(),
      );
    }
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, a.signal.id)).merged_into_id, null);
    assert.equal((await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, a.signal.id)).state, 'gemeld');
  });

  it('merges two sensitive signals: only the reporter moves (sensitive signals have no public followers)', async () => {
    const main = await report({ category: { serviceCode: 'eenzaamheid' }, reporter: { email: 'zorg1@example.nl' } });
    const dup = await report({ category: { serviceCode: 'eenzaamheid' }, reporter: { email: 'zorg2@example.nl' } });
    const r = await mergeSignals(db(), mergeInput(dup.signal.id, main.signal.id));
    assert.equal(r.mailed, 1);
    const mail = (await mailsTo('zorg2@example.nl')).at(-1)!;
    assert.ok(mail.subject.includes(main.signal.public_id));
    assert.ok(!mail.text_body.includes('zorg1@example.nl'));
  });

  it('splits a part off: a new signal with the same place and reporter, routed, mailed, linked both ways, audited; replay-safe', async () => {
    const original = await report({
      reporter: { email: 'splits@example.nl', name: 'Splits Melder' },
      description: 'Lamp kapot en buren maken veel lawaai',
    });
    const input = {
      tenantId: KRIMPEN.id,
      originalId: original.signal.id,
      categoryId: k.categories.get('burenoverlast')!,
      organisationId: null,
      description: 'Buren maken veel lawaai',
      submissionId: '6f1c2c4e-8a4b-4b7a-9a55-0d1f4f1e0a01',
      principal: as('coordinator'),
      locale: 'nl' as const,
      links,
      now: LATER,
    };
    const { child, replayed } = await splitSignal(db(), input);
    assert.equal(replayed, false);
    assert.equal(child.split_from_id, original.signal.id);
    assert.equal(child.organisation_id, k.housing, 'routing chose the housing corporation');
    assert.equal(child.reporter_email, 'splits@example.nl');
    assert.equal(child.latitude, original.signal.latitude);
    assert.equal(child.source, original.signal.source);
    const stored = await getSignalById(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, child.id);
    assert.equal(stored.split_from_id, original.signal.id);
    const mail = (await mailsTo('splits@example.nl')).at(-1)!;
    assert.ok(mail.subject.includes(child.public_id));
    assert.match(mail.text_body, /\/meldingen\/volgen\/[A-Za-z0-9_-]+/);
    assert.equal((await signalHistory(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, original.signal.id)).at(-1)!.reason, 'split');
    assert.equal((await signalHistory(db(), systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, child.id)).at(-1)!.reason, 'split_from');
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', original.signal.id)
      .where('action', '=', 'update')
      .execute();
    assert.ok(JSON.stringify(audit.at(-1)!.detail).includes(child.id));
    const again = await splitSignal(db(), input);
    assert.equal(again.replayed, true);
    assert.equal(again.child.id, child.id);

    const chosen = await splitSignal(db(), { ...input, submissionId: '6f1c2c4e-8a4b-4b7a-9a55-0d1f4f1e0a02', organisationId: k.welfare });
    assert.equal(chosen.child.organisation_id, k.welfare, 'the chosen organisation wins over routing');
  });

  it('split refuses a category with required questions, a sensitive category without e-mail, and an unknown organisation', async () => {
    const original = await report({ reporter: {}, wantsFeedback: false });
    const base = {
      tenantId: KRIMPEN.id,
      originalId: original.signal.id,
      organisationId: null,
      description: 'Deel',
      principal: as('coordinator'),
      locale: 'nl' as const,
      links,
      now: LATER,
    };
    const count = async () => (await db().selectFrom('signals_signals').select('id').where('tenant_id', '=', KRIMPEN.id).execute()).length;
    const before = await count();
    await assert.rejects(
      splitSignal(db(), { ...base, categoryId: k.categories.get('afval')!, submissionId: '6f1c2c4e-8a4b-4b7a-9a55-0d1f4f1e0b01' }),
      (e: unknown) => {
        assert.ok(e instanceof AppError && e.status === 422 && e.fields?.categoryId === 'signals.merge.error.splitQuestions', String(e));
        return true;
      },
    );
    await assert.rejects(
      splitSignal(db(), { ...base, categoryId: k.categories.get('eenzaamheid')!, submissionId: '6f1c2c4e-8a4b-4b7a-9a55-0d1f4f1e0b02' }),
      (e: unknown) => {
        assert.ok(e instanceof AppError && e.fields?.categoryId === 'signals.merge.error.splitNeedsEmail', String(e));
        return true;
      },
    );
    await assert.rejects(
      splitSignal(db(), {
        ...base,
        categoryId: k.categories.get('groen')!,
        organisationId: '00000000-0000-4000-8000-000000000000',
        submissionId: '6f1c2c4e-8a4b-4b7a-9a55-0d1f4f1e0b03',
      }),
      rejects(404),
    );
    assert.equal(await count(), before, 'nothing half-written');
  });
});
