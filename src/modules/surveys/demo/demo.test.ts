/**
 * The demo survey: open, labelled demo, ten paper codes that work, invented responses marked
 * is_demo that are valid answers to their item sets; three buurten above the threshold of 30 and
 * three below; the same data on every run.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildArea } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { BUURT_A, BUURT_B, T, setupAreas } from '../respond/respond.test-support.ts';
import { readAnswers, type QuestionSet } from '../respond/respond.service.ts';
import { itemSet } from '../itemsets/itemsets.ts';
import { DEMO_SURVEY_SETS, demoPaperCodes, surveysDemoSeed } from './demo.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('surveys: demo data', () => {
  const ctx = useTestDb();
  const seed = () =>
    inTransaction(ctx.database.db, (trx) => surveysDemoSeed(trx, { tenants: [T], organisations: new Map(), users: new Map(), now: NOW }));
  const responses = () =>
    ctx.database.db.selectFrom('survey_responses').selectAll().where('tenant_id', '=', T.id).orderBy('area_code').orderBy('id').execute();

  before(async () => {
    await setupAreas(ctx.database.db);
    for (let i = 3; i <= 6; i++) {
      const x = 4.62 + i * 0.01;
      await buildArea(ctx.database.db, {
        tenantId: T.id,
        level: 'neighbourhood',
        code: `BU054201${String(i).padStart(2, '0')}`,
        name: `Buurt ${i}`,
        bbox: [x, 51.9, x + 0.01, 51.93],
      });
    }
    await seed();
  });

  it('is one open demo survey with the cohesion scale 2021 and the DSP functions, and ten working paper codes', async () => {
    const surveys = await ctx.database.db.selectFrom('surveys').selectAll().where('tenant_id', '=', T.id).execute();
    assert.equal(surveys.length, 1);
    const s = surveys[0]!;
    assert.equal(s.is_demo, true);
    assert.equal(s.status, 'open');
    assert.ok(s.opens_on! <= '2026-11-23' && s.closes_on! >= '2026-11-23');
    assert.deepEqual(s.item_sets, [
      { set: 'cohesion-vm', version: '2021' },
      { set: 'dsp-functions', version: '1' },
    ]);
    const codes = demoPaperCodes(T.id);
    assert.equal(codes.length, 10);
    assert.deepEqual(codes, demoPaperCodes(T.id));
    const hashes = (await ctx.database.db.selectFrom('survey_invitations').select(['code_hash', 'kind', 'used']).execute())
      .map((r) => r.code_hash)
      .sort();
    assert.deepEqual(hashes, codes.map((c) => hashToken(c.replace('-', ''))).sort());
  });

  it('has invented, valid responses: three buurten above the threshold, three below', async () => {
    const rows = await responses();
    assert.ok(rows.every((r) => r.is_demo));
    const perBuurt = new Map<string, number>();
    for (const r of rows) perBuurt.set(r.area_code, (perBuurt.get(r.area_code) ?? 0) + 1);
    const counts = [...perBuurt.values()];
    assert.equal(perBuurt.size, 6);
    assert.equal(counts.filter((n) => n >= 30).length, 3);
    assert.equal(counts.filter((n) => n < 30).length, 3);
    assert.ok((perBuurt.get(BUURT_A) ?? 0) >= 30 && (perBuurt.get(BUURT_B) ?? 0) >= 30);
    const sets: QuestionSet[] = DEMO_SURVEY_SETS.map((ref) => {
      const is = itemSet(ref.set, ref.version)!;
      return {
        set: is.set,
        version: is.version,
        title: is.titleNl,
        items: is.items.map((it) => ({
          name: `${is.set}.${it.key}`,
          text: it.textNl,
          kind: it.kind,
          options: (it.options ?? []).map((o) => ({ value: String(o.value), label: o.labelNl })),
          min: it.min ?? null,
          max: it.max ?? null,
          optional: it.optional ?? false,
        })),
      };
    });
    for (const r of rows) {
      const body = Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, v === null ? '' : String(v)]));
      const { fields } = readAnswers(sets, body, { allEmptyAllowed: false });
      assert.deepEqual(fields, {}, `demo response ${JSON.stringify(r.answers)}`);
      assert.deepEqual(r.item_versions, { 'cohesion-vm': '2021', 'dsp-functions': '1' });
    }
  });

  it('is the same on every run', async () => {
    const first = (await responses()).map((r) => [r.area_code, r.channel, r.submitted_on, JSON.stringify(r.answers)].join('|')).sort();
    await ctx.database.db.deleteFrom('surveys').where('tenant_id', '=', T.id).execute();
    await seed();
    const second = (await responses()).map((r) => [r.area_code, r.channel, r.submitted_on, JSON.stringify(r.answers)].join('|')).sort();
    assert.deepEqual(second, first);
  });
});
