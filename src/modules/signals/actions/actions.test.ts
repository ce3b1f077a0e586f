import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal } from '../signals.service.ts';
import { localDate } from '../../../platform/time.ts';
import { KRIMPEN, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const REPORTER_NAME = 'Geheime Melder';
const REPORTER_EMAIL = 'geheim.melder@example.nl';
const SECRET_TEXT = 'Buurvrouw op nummer 7 eet niet meer';
const base = `/${KRIMPEN.slug}/meldingen`;

describe('network actions and the "niet tevreden" rule (HTTP)', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let signalId = '';
  let token = '';
  const b: Record<string, TestBrowser> = {};
  const emails: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const db = () => ctx.database.db;
  const mailsTo = (to: string) =>
    db().selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at').orderBy('id').execute();
  // Same clock time for every action: order by organisation (housing before municipality, as created).
  const actions = () =>
    db()
      .selectFrom('signals_actions')
      .selectAll()
      .select(sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'))
      .orderBy(sql`organisation_id = ${k.housing}`, 'desc')
      .execute();
  const signal = (publicId: string) =>
    db().selectFrom('signals_signals').selectAll().where('public_id', '=', publicId).executeTakeFirstOrThrow();
  const inDays = (n: number) => DateTime.fromISO(localDate(ctx.clock.now())).plus({ days: n }).toISODate()!;
  const links = { baseUrl: 'http://localhost', tenantSlug: KRIMPEN.slug };

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    const s = await createSignal(
      db(),
      newSignal({
        category: { serviceCode: 'eenzaamheid' },
        description: SECRET_TEXT,
        reporter: { name: REPORTER_NAME, email: REPORTER_EMAIL },
        links,
        now: ctx.clock.now(),
      }),
    );
    signalId = s.signal.public_id;
    token = s.trackingToken!;
    assert.equal(s.signal.organisation_id, k.welfare);
    const who = [
      ['welfare', 'professional', k.welfare],
      ['housing', 'professional', k.housing],
      ['municipality', 'professional', k.municipality],
      ['coordinator', 'coordinator', null],
      ['resident', 'resident', null],
      ['admin', 'admin', k.municipality],
    ] as const;
    for (const [name, role, org] of who) {
      b[name] = new TestBrowser(ctx.app);
      emails[name] = `${name}.${Date.now()}@test.samenhang.nl`;
      ids[name] = await signInAs(ctx, b[name]!, { tenantId: KRIMPEN.id, role, organisationId: org, email: emails[name] });
    }
  });

  it('the routed organisation adds an action for another organisation: mailed without reporter details, audited, in the history', async () => {
    const page = `${base}/behandelen/${signalId}`;
    assert.equal((await b.housing!.get(page)).statusCode, 404, 'no action yet: the housing corporation does not see it');
    const res = await b.welfare!.post(`${page}/acties`, {
      organisationId: k.housing,
      description: 'Huisbezoek door de woonconsulent',
      dueDate: inDays(3),
    });
    assert.equal(res.statusCode, 303, res.body);
    const [a] = await actions();
    assert.equal(a!.organisation_id, k.housing);
    assert.equal(a!.status, 'open');
    assert.equal(a!.due_date, inDays(3));
    const mails = await mailsTo(emails.housing!);
    assert.equal(mails.length, 1);
    assert.ok(mails[0]!.text_body.includes(`/meldingen/behandelen/${signalId}`));
    for (const secret of [REPORTER_NAME, REPORTER_EMAIL, SECRET_TEXT]) {
      assert.ok(!mails[0]!.text_body.includes(secret) && !mails[0]!.subject.includes(secret), secret);
    }
    assert.equal((await mailsTo(emails.municipality!)).length, 0, 'other organisations get nothing');
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'signal_action')
      .where('actor_user_id', '=', ids.welfare!)
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'create');
    const welfarePage = await b.welfare!.get(page);
    assert.ok(welfarePage.body.includes('Acties in het netwerk'));
    assert.ok(
      welfarePage.body.includes('Actie voor Wonen Krimpen aan den IJssel: Huisbezoek door de woonconsulent'),
      'internal history note',
    );
    // Not on the reporter's tracking page.
    const track = await new TestBrowser(ctx.app).get(`${base}/volgen/${token}`);
    assert.ok(!track.body.includes('Huisbezoek'));
  });

  it('the action organisation sees the signal without reporter details; others get 404/403', async () => {
    const page = `${base}/behandelen/${signalId}`;
    const housing = await b.housing!.get(page);
    assert.equal(housing.statusCode, 200);
    assert.ok(housing.body.includes('Huisbezoek door de woonconsulent'));
    assert.ok(!housing.body.includes(REPORTER_EMAIL) && !housing.body.includes(REPORTER_NAME));
    assert.equal(
      (await b.housing!.post(`${page}/acties`, { organisationId: k.housing, description: 'Nog iets' })).statusCode,
      403,
      'an action organisation cannot add actions',
    );
    assert.equal((await b.municipality!.get(page)).statusCode, 404);
    assert.equal((await b.municipality!.post(`${page}/acties`, { organisationId: k.municipality, description: 'x' })).statusCode, 404);
    assert.equal((await b.resident!.post(`${page}/acties`, { organisationId: k.municipality, description: 'x' })).statusCode, 403);
    assert.equal((await b.admin!.post(`${page}/acties`, { organisationId: k.municipality, description: 'x' })).statusCode, 403);
    const [a] = await actions();
    assert.equal((await b.municipality!.post(`${page}/acties/${a!.id}/klaar`, { result: 'x' })).statusCode, 404);
    assert.equal((await actions()).length, 1);
  });

  it('refuses bad input with a clear 422 and stores nothing', async () => {
    const page = `${base}/behandelen/${signalId}`;
    const cases: [Record<string, string>, string][] = [
      [{ organisationId: k.housing, description: '  ' }, 'Schrijf op wat er moet gebeuren.'],
      [{ organisationId: 'nonsense', description: 'x' }, 'Kies een organisatie.'],
      [{ organisationId: k.housing, description: 'x', ownerUserId: ids.municipality! }, 'hoort niet bij de gekozen organisatie'],
      [{ organisationId: k.housing, description: 'x', dueDate: inDays(-1) }, 'al voorbij'],
      [{ organisationId: k.housing, description: 'x', dueDate: '2026-02-31' }, 'jjjj-mm-dd'],
      [{ organisationId: k.housing, description: 'x'.repeat(1001) }, 'Deze tekst is te lang.'],
    ];
    for (const [form, text] of cases) {
      const res = await b.welfare!.post(`${page}/acties`, form);
      assert.equal(res.statusCode, 422, JSON.stringify(form));
      assert.ok(res.body.includes(text), `${text} in ${res.body.slice(0, 300)}`);
    }
    assert.equal((await actions()).length, 1);
  });

  it('a coordinator adds an action with an owner: only the owner is mailed', async () => {
    const before = (await mailsTo(emails.housing!)).length;
    const res = await b.coordinator!.post(`${base}/behandelen/${signalId}/acties`, {
      organisationId: k.municipality,
      description: 'Wijkcoach belt maandag',
      ownerUserId: ids.municipality!,
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await mailsTo(emails.municipality!)).length, 1);
    assert.equal((await mailsTo(emails.housing!)).length, before);
    const all = await actions();
    assert.equal(all[1]!.organisation_id, k.municipality);
    assert.equal(all[1]!.owner_user_id, ids.municipality);
    // Now the municipality's professional sees the signal through the action.
    assert.equal((await b.municipality!.get(`${base}/behandelen/${signalId}`)).statusCode, 200);
  });

  it('closing is refused while actions are open, and allowed when they are done or dropped', async () => {
    const page = `${base}/behandelen/${signalId}`;
    const refused = await b.welfare!.post(`${page}/status`, { to: 'afgehandeld', publicMessage: 'Klaar' });
    assert.equal(refused.statusCode, 409);
    assert.ok((await b.welfare!.get(`${page}?naar=afgehandeld`)).body.includes('Nog open: 2'), 'hint near the close step');
    const [housingAction, municipalityAction] = await actions();
    assert.equal(
      (await b.housing!.post(`${page}/acties/${municipalityAction!.id}/vervallen`, { reason: 'x' })).statusCode,
      403,
      'not their action',
    );
    assert.equal((await b.housing!.post(`${page}/acties/${housingAction!.id}/klaar`, { result: '' })).statusCode, 422);
    assert.equal(
      (await b.housing!.post(`${page}/acties/${housingAction!.id}/wijzigen`, { ownerUserId: ids.housing!, dueDate: inDays(5) })).statusCode,
      303,
    );
    assert.equal(
      (await b.housing!.post(`${page}/acties/${housingAction!.id}/klaar`, { result: 'Bezoek gedaan, hulp geregeld' })).statusCode,
      303,
    );
    assert.equal(
      (await b.housing!.post(`${page}/acties/${housingAction!.id}/klaar`, { result: 'nog eens' })).statusCode,
      409,
      'already done',
    );
    assert.equal(
      (await b.municipality!.post(`${page}/acties/${municipalityAction!.id}/vervallen`, { reason: 'Niet meer nodig' })).statusCode,
      303,
    );
    assert.equal((await b.welfare!.post(`${page}/acties/00000000-0000-0000-0000-000000000000/klaar`, { result: 'x' })).statusCode, 404);
    const after = await actions();
    assert.deepEqual(
      after.map((a) => [a.status, a.result]),
      [
        ['done', 'Bezoek gedaan, hulp geregeld'],
        ['dropped', 'Niet meer nodig'],
      ],
    );
    assert.equal(after[0]!.owner_user_id, ids.housing);
    const audits = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'signal_action')
      .where('action', '=', 'update')
      .execute();
    assert.equal(audits.length, 3);
    assert.equal((await b.welfare!.post(`${page}/status`, { to: 'afgehandeld', publicMessage: 'Er is hulp geregeld.' })).statusCode, 303);
    assert.equal((await signal(signalId)).state, 'afgehandeld');
    assert.equal(
      (await b.welfare!.post(`${page}/acties`, { organisationId: k.housing, description: 'Te laat' })).statusCode,
      409,
      'no new actions on a closed signal',
    );
  });

  it('settings page: coordinators and admins set the "niet tevreden" policy; others may not', async () => {
    const path = `/${KRIMPEN.slug}/beheer/meldingen/terugkoppeling`;
    assert.equal((await b.resident!.get(path)).statusCode, 403);
    assert.equal((await b.welfare!.get(path)).statusCode, 403);
    const page = await b.admin!.get(path);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('value="reopen" checked'));
    assert.equal((await b.admin!.post(path, { policy: 'nonsense' })).statusCode, 422);
    assert.equal((await b.coordinator!.post(path, { policy: 'coordinator' })).statusCode, 303);
    assert.ok((await b.coordinator!.get(`${path}?opgeslagen=1`)).body.includes('value="coordinator" checked'));
    const audit = await db().selectFrom('audit_log').selectAll().where('entity', '=', 'signals_settings').execute();
    assert.equal(audit.length, 1);
  });

  it('with policy "coordinator", niet tevreden + niet opgelost asks the coordinator, who declines with a message to the reporter', async () => {
    const reporter = new TestBrowser(ctx.app);
    const track = `${base}/volgen/${token}`;
    assert.equal((await reporter.get(track)).statusCode, 200);
    const fb = await reporter.post(track, { satisfied: 'nee', solved: 'nee', reason: 'Niemand is langs geweest' });
    assert.equal(fb.statusCode, 200);
    assert.ok(fb.body.includes('Een coördinator bekijkt uw reactie'));
    const s = await signal(signalId);
    assert.equal(s.state, 'afgehandeld', 'not reopened');
    assert.ok(s.reopen_requested_at);
    const coordMail = await mailsTo(emails.coordinator!);
    assert.equal(coordMail.length, 1);
    assert.ok(coordMail[0]!.text_body.includes(`/meldingen/behandelen/${signalId}`));
    assert.ok(!coordMail[0]!.text_body.includes(REPORTER_EMAIL) && !coordMail[0]!.text_body.includes('Niemand is langs'));
    const page = `${base}/behandelen/${signalId}`;
    const coordPage = await b.coordinator!.get(page);
    assert.ok(coordPage.body.includes('Verzoek om heropenen'));
    assert.ok(coordPage.body.includes('Niemand is langs geweest'));
    assert.ok(coordPage.body.includes('value="niet"'));
    assert.equal((await b.welfare!.post(`${page}/heropenen`, { decision: 'heropenen' })).statusCode, 403, 'only coordinators decide');
    assert.equal((await b.coordinator!.post(`${page}/heropenen`, { decision: 'niet', message: '' })).statusCode, 422);
    // The clock stands still, so mails share created_at: tell the new one apart by id, not by order.
    const mailsBefore = new Set((await mailsTo(REPORTER_EMAIL)).map((m) => m.id));
    assert.equal(
      (await b.coordinator!.post(`${page}/heropenen`, { decision: 'niet', message: 'De woonconsulent is op 20 november geweest.' }))
        .statusCode,
      303,
    );
    const after = await signal(signalId);
    assert.equal(after.state, 'afgehandeld');
    assert.equal(after.reopen_requested_at, null);
    const newMails = (await mailsTo(REPORTER_EMAIL)).filter((m) => !mailsBefore.has(m.id));
    assert.equal(newMails.length, 1);
    assert.ok(newMails[0]!.text_body.includes('De woonconsulent is op 20 november geweest.'));
    assert.ok(!newMails[0]!.text_body.includes('tevreden bent'), 'no second satisfaction question');
    const trackPage = (await reporter.get(track)).body;
    assert.ok(trackPage.includes('De woonconsulent is op 20 november geweest.'));
    assert.equal((await b.coordinator!.post(`${page}/heropenen`, { decision: 'heropenen' })).statusCode, 409, 'no request any more');
  });

  it('with policy "coordinator" the coordinator can reopen; satisfied or solved never reopens; policy "reopen" reopens at once', async () => {
    const close = async (publicId: string) => {
      assert.equal(
        (await b.coordinator!.post(`${base}/behandelen/${publicId}/status`, { to: 'afgehandeld', publicMessage: 'Opgelost.' })).statusCode,
        303,
      );
    };
    const make = async () => {
      const s = await createSignal(db(), newSignal({ links, now: ctx.clock.now() }));
      await close(s.signal.public_id);
      return { id: s.signal.public_id, track: `${base}/volgen/${s.trackingToken}` };
    };
    const one = await make();
    const reporter = new TestBrowser(ctx.app);
    await reporter.get(one.track);
    assert.equal((await reporter.post(one.track, { satisfied: 'nee', solved: 'nee' })).statusCode, 200);
    assert.equal(
      (await b.coordinator!.post(`${base}/behandelen/${one.id}/heropenen`, { decision: 'heropenen', message: 'We kijken opnieuw.' }))
        .statusCode,
      303,
    );
    assert.equal((await signal(one.id)).state, 'heropend');
    assert.equal((await signal(one.id)).reopen_requested_at, null);

    const two = await make();
    await reporter.get(two.track);
    assert.equal((await reporter.post(two.track, { satisfied: 'nee', solved: 'ja', reason: 'Duurde lang' })).statusCode, 200);
    const t2 = await signal(two.id);
    assert.equal(t2.state, 'afgehandeld');
    assert.equal(t2.reopen_requested_at, null, 'solved: recorded, no request');

    assert.equal((await b.coordinator!.post(`/${KRIMPEN.slug}/beheer/meldingen/terugkoppeling`, { policy: 'reopen' })).statusCode, 303);
    const three = await make();
    await reporter.get(three.track);
    const fb = await reporter.post(three.track, { satisfied: 'nee', solved: 'nee' });
    assert.ok(fb.body.includes('opnieuw geopend'));
    const t3 = await signal(three.id);
    assert.equal(t3.state, 'heropend');
    assert.equal(t3.reopen_requested_at, null);
  });
});
