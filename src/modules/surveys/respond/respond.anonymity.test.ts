/**
 * No answer can be tied to a person (issue 13): after responses by code, by the open link and on
 * paper, no column of a response points to an invitation or a user, an invitation records only
 * that it was used, no audit entry names a response, and no page shows a response or links one to
 * a code or a person.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { BUURT_A, T, buildCodes, buildSurvey, filledForm, setupAreas } from './respond.test-support.ts';

describe('surveys: anonymity of responses', () => {
  const ctx = useTestApp();
  const s = {} as { id: string; token: string; userIds: string[]; coordinator: TestBrowser };

  const columns = async (table: string) =>
    (
      await sql<{
        column_name: string;
      }>`select column_name from information_schema.columns where table_name = ${table} order by column_name`.execute(ctx.database.db)
    ).rows.map((r) => r.column_name);

  before(async () => {
    await setupAreas(ctx.database.db);
    const built = await buildSurvey(ctx.database.db, ctx.clock.now());
    s.id = built.id;
    s.token = built.token!;
    const [personal] = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'personal', 1);
    const [paper] = await buildCodes(ctx.database.db, ctx.clock.now(), s.id, 'paper', 1);
    // A signed-in resident answers by the link and with a code; a volunteer enters a paper form.
    const resident = new TestBrowser(ctx.app);
    const volunteer = new TestBrowser(ctx.app);
    s.coordinator = new TestBrowser(ctx.app);
    s.userIds = [
      await signInAs(ctx, resident, { tenantId: T.id, role: 'resident' }),
      await signInAs(ctx, volunteer, { tenantId: T.id, role: 'volunteer' }),
      await signInAs(ctx, s.coordinator, { tenantId: T.id, role: 'coordinator' }),
    ];
    await resident.get(`/${T.slug}/enquete`);
    assert.equal((await resident.post(`/${T.slug}/enquete/${s.token}`, filledForm())).statusCode, 303);
    assert.equal((await resident.post(`/${T.slug}/enquete/antwoorden`, { code: personal!, ...filledForm() })).statusCode, 303);
    await volunteer.get(`/${T.slug}/enquete/papier/${s.id}`);
    assert.equal((await volunteer.post(`/${T.slug}/enquete/papier/${s.id}`, { code: paper!, ...filledForm(BUURT_A) })).statusCode, 303);
  });

  it('a response has no column that can point to a person, a code or a moment', async () => {
    assert.deepEqual(await columns('survey_responses'), [
      'answers',
      'area_code',
      'channel',
      'id',
      'is_demo',
      'item_versions',
      'submitted_on',
      'survey_id',
      'tenant_id',
    ]);
    // An invitation knows only that it was used: not when, not by whom, not which response.
    assert.deepEqual(await columns('survey_invitations'), [
      'area_code',
      'code_hash',
      'created_at',
      'id',
      'kind',
      'survey_id',
      'tenant_id',
      'used',
    ]);
  });

  it('no stored response holds an invitation, a code hash or a user', async () => {
    const responses = await ctx.database.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', s.id).execute();
    assert.deepEqual(responses.map((r) => r.channel).sort(), ['invitation', 'link', 'paper']);
    const invitations = await ctx.database.db.selectFrom('survey_invitations').selectAll().where('survey_id', '=', s.id).execute();
    assert.equal(invitations.filter((i) => i.used).length, 2);
    const secrets = [...invitations.flatMap((i) => [i.id, i.code_hash]), ...s.userIds];
    for (const r of responses) {
      const text = JSON.stringify(r);
      for (const x of secrets) assert.ok(!text.includes(x), `response ${r.id} holds ${x}`);
      assert.match(r.submitted_on, /^\d{4}-\d{2}-\d{2}$/);
    }
    // Nothing in the audit log names a response or an invitation, or a respondent's or the volunteer's action.
    const audit = await ctx.database.db.selectFrom('audit_log').selectAll().execute();
    const ids = [...responses.map((r) => r.id), ...invitations.map((i) => i.id)];
    for (const a of audit) {
      const text = JSON.stringify(a);
      for (const x of ids) assert.ok(!text.includes(x), `audit ${a.action} ${a.entity} names ${x}`);
      assert.ok(
        !s.userIds.slice(0, 2).includes(a.actor_user_id ?? ''),
        `audit entry by a respondent or the volunteer: ${a.action} ${a.entity}`,
      );
    }
  });

  it('no page shows a response, or links one to a code or a person', async () => {
    const responses = await ctx.database.db.selectFrom('survey_responses').select('id').where('survey_id', '=', s.id).execute();
    const invitations = await ctx.database.db.selectFrom('survey_invitations').select(['id', 'code_hash']).execute();
    const pages = [
      await s.coordinator.get(`/${T.slug}/beheer/enquetes`),
      await s.coordinator.get(`/${T.slug}/beheer/enquetes/${s.id}`),
      await s.coordinator.get(`/${T.slug}/enquete/papier`),
      await s.coordinator.get(`/${T.slug}/enquete/papier/${s.id}`),
      await s.coordinator.get(`/${T.slug}/enquete/bedankt`),
      await s.coordinator.get(`/${T.slug}/enquete/${s.token}`),
    ];
    for (const p of pages) {
      assert.equal(p.statusCode, 200);
      for (const x of [...responses.map((r) => r.id), ...invitations.flatMap((i) => [i.id, i.code_hash])]) assert.ok(!p.body.includes(x));
    }
    // The coordinator sees counts only.
    assert.match(pages[1]!.body, /Codes: 2 van 2 gebruikt\. Antwoorden: 3\./);
  });
});
