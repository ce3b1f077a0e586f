import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, buildSignal, buildTenant } from '../../../../test/helpers/factories.ts';
import { setupTenant } from '../../signals/signals.test-support.ts';
import { AppError } from '../../../platform/errors.ts';
import { addMembership, createUser } from '../../people/people.service.ts';
import { buildProgrammeWithProject, principal } from '../monitoring/monitoring.test-support.ts';
import {
  addAgendaItem,
  addMonths,
  createForum,
  getForum,
  getMeeting,
  markActionDone,
  markHeld,
  nextMeetingDay,
  planMeeting,
  recordItem,
} from './consult.service.ts';
import { CONSULT_REMINDER_JOB, consultReminderJob, runConsultReminders } from './consult.jobs.ts';
import { testConfig } from '../../../platform/config.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const status = (e: unknown) => (e instanceof AppError ? `${e.status} ${JSON.stringify(e.fields ?? {})}` : String(e));

describe('programmes: consultation rhythm (forums, meetings, reminders)', () => {
  const ctx = useTestDb();
  let signalNumber = '';
  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    signalNumber = (await buildSignal(ctx.database.db)).signal.public_id;
    await buildTenant(ctx.database.db, GRONINGEN);
    for (const [tenantId, email] of [
      [KRIMPEN.id, 'coordinator@krimpen.example'],
      [GRONINGEN.id, 'coordinator@groningen.example'],
    ] as const) {
      const { id } = await createUser(ctx.database.db, { email, name: 'Coördinator' });
      await addMembership(ctx.database.db, { tenantId, userId: id, organisationId: null, role: 'coordinator' });
    }
  });
  const coordinator = (now = NOW) => principal(KRIMPEN.id, now, ['coordinator']);

  it('computes the next meeting from the rhythm', () => {
    assert.equal(addMonths('2026-12-31', 2), '2027-02-28');
    const f = { rhythm_months: 2 };
    assert.equal(nextMeetingDay(f, [], '2026-11-23'), null);
    assert.equal(nextMeetingDay(f, [{ held_on: '2026-10-01', status: 'held' }], '2026-11-23'), '2026-12-01');
    assert.equal(nextMeetingDay(f, [{ held_on: '2026-05-01', status: 'held' }], '2026-11-23'), '2027-01-01', 'skips what lies in the past');
    assert.equal(
      nextMeetingDay(
        f,
        [
          { held_on: '2026-10-01', status: 'held' },
          { held_on: '2026-11-30', status: 'planned' },
        ],
        '2026-11-23',
      ),
      '2026-11-30',
    );
    assert.equal(nextMeetingDay({ rhythm_months: null }, [{ held_on: '2026-10-01', status: 'held' }], '2026-11-23'), null);
  });

  it('plans meetings by the rhythm, records agenda, decisions and actions, and plans the next one when held', async () => {
    const db = ctx.database.db;
    const { projectId } = await buildProgrammeWithProject(db, KRIMPEN.id);
    const forumId = await createForum(db, coordinator(), KRIMPEN.id, {
      name: 'Werkgroep sociale samenhang',
      kind: 'working_group',
      rhythmMonths: 2,
      description: '',
    });
    await assert.rejects(
      planMeeting(db, coordinator(), KRIMPEN.id, forumId, null),
      (e) => status(e) === '422 {"day":"programmes.consult.error.day"}',
    );
    const first = await planMeeting(db, coordinator(), KRIMPEN.id, forumId, '2026-12-01');
    await addAgendaItem(db, coordinator(), KRIMPEN.id, forumId, first, { kind: 'project', ref: projectId, title: '' });
    await addAgendaItem(db, coordinator(), KRIMPEN.id, forumId, first, { kind: 'other', ref: '', title: 'Evaluatie eind 2010' });
    await assert.rejects(
      addAgendaItem(db, coordinator(), KRIMPEN.id, forumId, first, { kind: 'signal', ref: 'M-2026-99999', title: '' }),
      (e) => status(e) === '422 {"signal":"programmes.consult.error.signal"}',
    );
    await assert.rejects(
      addAgendaItem(db, coordinator(), KRIMPEN.id, forumId, first, {
        kind: 'project',
        ref: '00000000-0000-4000-8000-000000000000',
        title: '',
      }),
      (e) => status(e) === '422 {"project":"programmes.consult.error.project"}',
    );
    // A signal by its public number (typed in lower case), through the signals service.
    await addAgendaItem(db, coordinator(), KRIMPEN.id, forumId, first, { kind: 'signal', ref: signalNumber.toLowerCase(), title: '' });
    await recordItem(db, coordinator(), KRIMPEN.id, forumId, first, {
      kind: 'decision',
      text: 'Wijkschouw vernieuwen',
      ownerRole: '',
      dueOn: null,
    });
    await recordItem(db, coordinator(), KRIMPEN.id, forumId, first, {
      kind: 'action',
      text: 'Plan van aanpak schrijven',
      ownerRole: 'beleidsmedewerker Wmo',
      dueOn: '2026-12-15',
    });
    await assert.rejects(
      recordItem(db, coordinator(), KRIMPEN.id, forumId, first, { kind: 'action', text: 'Zonder eigenaar', ownerRole: '', dueOn: null }),
      (e) => status(e) === '422 {"ownerRole":"programmes.consult.error.ownerRole","dueOn":"programmes.consult.error.dueOn"}',
    );
    const m = await getMeeting(db, coordinator(), KRIMPEN.id, forumId, first);
    assert.deepEqual(
      m.agenda.map((a) => [a.kind, a.title]),
      [
        [
          'project',
          '1. ' +
            (await db.selectFrom('programme_projects').select('title_nl').where('id', '=', projectId).executeTakeFirstOrThrow()).title_nl,
        ],
        ['other', 'Evaluatie eind 2010'],
        ['signal', signalNumber],
      ],
    );
    assert.match(signalNumber, /^SIG-2026-[0-9]{6}$/);
    assert.equal(m.agenda[2]!.ref, signalNumber);
    assert.deepEqual(
      m.decisions.map((d) => d.text),
      ['Wijkschouw vernieuwen'],
    );
    assert.equal(m.actions[0]!.ownerRole, 'beleidsmedewerker Wmo');

    const next = await markHeld(db, coordinator(new Date('2026-12-01T16:00:00Z')), KRIMPEN.id, forumId, first, 'Goed overleg');
    assert.ok(next);
    const f = await getForum(db, coordinator(new Date('2026-12-02T10:00:00Z')), KRIMPEN.id, forumId);
    assert.equal(f.next, '2027-02-01');
    assert.deepEqual(
      f.meetings.map((x) => [x.heldOn, x.status]),
      [
        ['2027-02-01', 'planned'],
        ['2026-12-01', 'held'],
      ],
    );
    // A professional sees, but does not manage; another municipality does not see it at all.
    const pro = principal(KRIMPEN.id, NOW, ['professional'], []);
    assert.equal((await getForum(db, pro, KRIMPEN.id, forumId)).canManage, false);
    await assert.rejects(
      recordItem(db, pro, KRIMPEN.id, forumId, first, { kind: 'decision', text: 'x', ownerRole: '', dueOn: null }),
      (e) => e instanceof AppError && e.status === 403,
    );
    await assert.rejects(
      getForum(db, principal(GRONINGEN.id, NOW, ['coordinator']), GRONINGEN.id, forumId),
      (e) => e instanceof AppError && e.status === 404,
    );
    await assert.rejects(
      getForum(db, principal(KRIMPEN.id, NOW, ['resident']), KRIMPEN.id, forumId),
      (e) => e instanceof AppError && e.status === 403,
    );
  });

  it('mails the staff once a week before a meeting and once when an action is overdue (the reminders job)', async () => {
    const db = ctx.database.db;
    const forumId = await createForum(db, coordinator(), KRIMPEN.id, {
      name: 'Klankbordgroep',
      kind: 'sounding_board',
      rhythmMonths: 2,
      description: '',
    });
    const meetingId = await planMeeting(db, coordinator(), KRIMPEN.id, forumId, '2027-03-10');
    await recordItem(db, coordinator(), KRIMPEN.id, forumId, meetingId, {
      kind: 'action',
      text: 'Begroting nalopen',
      ownerRole: 'programmamanager',
      dueOn: '2027-03-20',
    });
    const mails = async () =>
      db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('subject', 'like', '%Klankbordgroep%')
        .orderBy('subject')
        .execute();

    await runConsultReminders(db, new Date('2027-03-01T07:00:00Z'), 'https://samenhang.example');
    assert.deepEqual(await mails(), [], 'nine days before: nothing yet');
    const r = await runConsultReminders(db, new Date('2027-03-03T07:00:00Z'), 'https://samenhang.example');
    assert.equal(r.meetings, 1);
    let sent = await mails();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.to_address, 'coordinator@krimpen.example');
    assert.equal(sent[0]!.subject, 'Over een week: Klankbordgroep op 2027-03-10');
    assert.match(
      sent[0]!.text_body,
      new RegExp(`https://samenhang.example/${KRIMPEN.slug}/beheer/overleggen/${forumId}/vergaderingen/${meetingId}`),
    );
    await runConsultReminders(db, new Date('2027-03-04T07:00:00Z'), 'https://samenhang.example');
    assert.equal((await mails()).length, 1, 'once');

    await runConsultReminders(db, new Date('2027-03-20T12:00:00Z'), 'https://samenhang.example');
    assert.equal((await mails()).length, 1, 'not overdue on its due day');
    await runConsultReminders(db, new Date('2027-03-21T08:00:00Z'), 'https://samenhang.example');
    await runConsultReminders(db, new Date('2027-03-22T08:00:00Z'), 'https://samenhang.example');
    sent = await mails();
    assert.deepEqual(
      sent.map((s) => s.subject),
      ['Actie over de datum: Klankbordgroep', 'Over een week: Klankbordgroep op 2027-03-10'],
    );
    assert.match(sent[0]!.text_body, /De actie "Begroting nalopen" \(programmamanager\) had klaar moeten zijn op 2027-03-20/);
    // Groningen's coordinator got nothing of Krimpen's.
    assert.equal(sent.filter((s) => s.to_address.includes('groningen')).length, 0);

    // A done action is not reminded.
    const later = await planMeeting(db, coordinator(), KRIMPEN.id, forumId, '2027-05-10');
    await recordItem(db, coordinator(), KRIMPEN.id, forumId, later, {
      kind: 'action',
      text: 'Al gedaan',
      ownerRole: 'wijkcoördinator',
      dueOn: '2027-04-01',
    });
    const m = await getMeeting(db, coordinator(), KRIMPEN.id, forumId, later);
    await markActionDone(db, coordinator(), KRIMPEN.id, forumId, later, m.actions[0]!.id);
    await runConsultReminders(db, new Date('2027-04-05T08:00:00Z'), 'https://samenhang.example');
    assert.equal((await mails()).filter((s) => s.text_body.includes('Al gedaan')).length, 0);
  });

  it('the reminders job runs daily: each run enqueues the next one', async () => {
    const db = ctx.database.db;
    const now = new Date('2027-06-01T05:00:00Z');
    await consultReminderJob({ db, config: testConfig(), payload: {}, tenantId: null, now });
    const next = await db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', CONSULT_REMINDER_JOB).execute();
    assert.deepEqual(
      next.map((j) => [new Date(j.run_at).toISOString(), j.status]),
      [['2027-06-02T05:00:00.000Z', 'pending']],
    );
  });
});
