import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_SETS, itemSet, latestVersion } from '../itemsets/itemsets.ts';
import { cohesionScore, scorersFor, type Answers } from './scoring.ts';
import { meanEstimate, shareEstimate, studentTQuantile } from './stats.ts';

const close = (actual: number | null | undefined, expected: number, eps = 1e-9) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);
const score = (set: string, version: string, code: string, answers: Answers) => {
  const s = scorersFor(set, version).find((x) => x.code === code);
  assert.ok(s, `${code} in ${set}@${version}`);
  return s.score(answers);
};

/** Agreement values: 1 = helemaal mee eens … 5 = helemaal mee oneens. */
const COHESION_2019: Answers = {
  'cohesion-vm.know_hardly': 2, // mee eens with the reverse item → oriented 2 → 1 point
  'cohesion-vm.pleasant': 2, // oriented 4 → 3
  'cohesion-vm.togetherness': 3, // oriented 3 → 2
  'cohesion-vm.at_home': 1, // oriented 5 → 4
  'cohesion-vm.help_together': 4, // oriented 2 → 1
};

describe('item sets', () => {
  it('has the four sets with their versions, every item and option in Dutch and English', () => {
    assert.deepEqual(
      ITEM_SETS.map((s) => `${s.set}@${s.version}`),
      ['cohesion-vm@2019', 'cohesion-vm@2021', 'dsp-functions@1', 'help-kinds@1', 'hhw-wijkmonitor@2009'],
    );
    assert.equal(itemSet('cohesion-vm', '2019')?.items.length, 5);
    assert.equal(itemSet('cohesion-vm', '2021')?.items.length, 6);
    assert.equal(itemSet('cohesion-vm', '2020'), null);
    assert.equal(latestVersion('cohesion-vm'), '2021');
    assert.equal(latestVersion('nope'), null);
    for (const s of ITEM_SETS) {
      assert.ok(s.titleNl && s.titleEn && s.source, s.set);
      assert.equal(new Set(s.items.map((i) => i.key)).size, s.items.length, `${s.set}: keys unique`);
      for (const i of s.items) {
        assert.ok(i.textNl.length > 5 && i.textEn.length > 5, `${s.set}.${i.key}`);
        if (i.kind === 'scale') assert.ok(i.options && i.options.every((o) => o.labelNl && o.labelEn), `${s.set}.${i.key} options`);
        else assert.ok(i.min !== undefined && i.max !== undefined, `${s.set}.${i.key} range`);
      }
      // Every indicator of a set has a scorer, and every scorer an indicator.
      assert.deepEqual(
        scorersFor(s.set, s.version)
          .map((x) => x.code)
          .sort(),
        s.indicators.map((d) => d.code).sort(),
        s.set,
      );
    }
    assert.deepEqual(
      itemSet('cohesion-vm', '2019')
        ?.items.filter((i) => i.reverse)
        .map((i) => i.key),
      ['know_hardly'],
    );
  });

  it('produces the fixed indicator codes', () => {
    const codes = new Set(ITEM_SETS.flatMap((s) => s.indicators.map((d) => d.code)));
    for (const c of [
      'cohesion_vm',
      'dsp_meet_weekly',
      'dsp_know_10plus',
      'dsp_help_monthly',
      'dsp_together_year',
      'dsp_help_hours',
      'help_kind_latent',
      'help_kind_incidental',
      'help_kind_structural',
      'wm07_cohesion',
      'wm09_active',
      'wm10_involvement_satisfied',
      'wm11_responsible',
      'wm24_social_facilities',
      'wm25_contact_opportunities',
      'wm59_volunteering',
      'wm71_enough_contact',
    ]) {
      assert.ok(codes.has(c), c);
    }
  });
});

describe('cohesion scale scoring (hand-computed)', () => {
  it('2019: five items, item 1 reverse-scored: (1 + 3 + 2 + 4 + 1) / 5 × 2.5 = 5.5', () => {
    close(score('cohesion-vm', '2019', 'cohesion_vm', COHESION_2019), 5.5);
  });

  it('2019: the ends of the scale are 0 and 10', () => {
    const best: Record<string, number> = { ...COHESION_2019, 'cohesion-vm.know_hardly': 5 };
    for (const k of ['pleasant', 'togetherness', 'at_home', 'help_together']) best[`cohesion-vm.${k}`] = 1;
    close(score('cohesion-vm', '2019', 'cohesion_vm', best), 10);
    const worst: Record<string, number> = { ...COHESION_2019, 'cohesion-vm.know_hardly': 1 };
    for (const k of ['pleasant', 'togetherness', 'at_home', 'help_together']) worst[`cohesion-vm.${k}`] = 5;
    close(score('cohesion-vm', '2019', 'cohesion_vm', worst), 0);
  });

  it('2019: one item missing is scored over the four answered ((1 + 3 + 2 + 4) / 4 × 2.5 = 6.25); two missing give no score', () => {
    const one: Answers = { ...COHESION_2019, 'cohesion-vm.help_together': null };
    close(score('cohesion-vm', '2019', 'cohesion_vm', one), 6.25);
    const invalid: Answers = { ...COHESION_2019, 'cohesion-vm.help_together': 9 }; // not an option: as missing
    close(score('cohesion-vm', '2019', 'cohesion_vm', invalid), 6.25);
    const two: Answers = { ...one, 'cohesion-vm.pleasant': undefined };
    assert.equal(score('cohesion-vm', '2019', 'cohesion_vm', two), null);
  });

  it('2021: six items, the neighbours item positive: (1 + 3 + 2 + 4 + 1 + 4) / 6 × 2.5 = 6.25; without the reverse it would be 7.08', () => {
    const answers: Answers = { ...COHESION_2019, 'cohesion-vm.neighbours_absent': 1 };
    close(score('cohesion-vm', '2021', 'cohesion_vm', answers), 6.25);
    // One of six missing still scores (5 answered: (3 + 2 + 4 + 1 + 4) / 5 × 2.5 = 7); two missing do not.
    close(score('cohesion-vm', '2021', 'cohesion_vm', { ...answers, 'cohesion-vm.know_hardly': null }), 7);
    assert.equal(
      score('cohesion-vm', '2021', 'cohesion_vm', { ...answers, 'cohesion-vm.know_hardly': null, 'cohesion-vm.at_home': null }),
      null,
    );
  });

  it('answers given as text are read as numbers; fractions and out-of-range hours are not answers', () => {
    const set = itemSet('cohesion-vm', '2019')!;
    close(cohesionScore(set, ['know_hardly', 'pleasant'], { 'cohesion-vm.know_hardly': '2', 'cohesion-vm.pleasant': ' 2 ' }), 5); // (1 + 3) / 2 × 2.5
    assert.equal(score('dsp-functions', '1', 'dsp_help_hours', { 'dsp-functions.help_hours': '12' }), 12);
    assert.equal(score('dsp-functions', '1', 'dsp_help_hours', { 'dsp-functions.help_hours': 2.5 }), null);
    assert.equal(score('dsp-functions', '1', 'dsp_help_hours', { 'dsp-functions.help_hours': 800 }), null);
    assert.equal(score('dsp-functions', '1', 'dsp_help_hours', { 'dsp-functions.help_hours': -1 }), null);
  });

  it('the Wijkmonitor cohesion (question 7) scores like the 2019 scale', () => {
    const answers: Record<string, number> = {};
    Object.values(COHESION_2019).forEach((v, i) => (answers[`hhw-wijkmonitor.q07_${i + 1}`] = Number(v)));
    close(score('hhw-wijkmonitor', '2009', 'wm07_cohesion', answers), 5.5);
  });
});

describe('shares (one respondent: 1, 0 or no answer)', () => {
  const cases: [string, string, string, string, number | string | null, number | null][] = [
    ['dsp-functions', '1', 'dsp_meet_weekly', 'meet_often', 2, 1],
    ['dsp-functions', '1', 'dsp_meet_weekly', 'meet_often', 3, 0],
    ['dsp-functions', '1', 'dsp_meet_weekly', 'meet_often', null, null],
    ['dsp-functions', '1', 'dsp_know_10plus', 'know_people', 4, 1],
    ['dsp-functions', '1', 'dsp_know_10plus', 'know_people', 3, 0],
    ['dsp-functions', '1', 'dsp_help_monthly', 'help_often', 3, 1],
    ['dsp-functions', '1', 'dsp_help_monthly', 'help_often', 4, 0],
    ['dsp-functions', '1', 'dsp_together_year', 'together_times', 2, 1],
    ['dsp-functions', '1', 'dsp_together_year', 'together_times', 1, 0],
    ['help-kinds', '1', 'help_kind_latent', 'latent', 1, 1],
    ['help-kinds', '1', 'help_kind_incidental', 'incidental', 2, 0],
    ['help-kinds', '1', 'help_kind_structural', 'structural', 7, null],
    ['hhw-wijkmonitor', '2009', 'wm09_active', 'q09', 1, 1],
    ['hhw-wijkmonitor', '2009', 'wm10_involvement_satisfied', 'q10', 2, 1],
    ['hhw-wijkmonitor', '2009', 'wm10_involvement_satisfied', 'q10', 3, 0],
    ['hhw-wijkmonitor', '2009', 'wm11_responsible', 'q11', 1, 1],
    ['hhw-wijkmonitor', '2009', 'wm24_social_facilities', 'q24', 4, 0],
    ['hhw-wijkmonitor', '2009', 'wm25_contact_opportunities', 'q25', 2, 1],
    ['hhw-wijkmonitor', '2009', 'wm59_volunteering', 'q59', 2, 0],
    ['hhw-wijkmonitor', '2009', 'wm71_enough_contact', 'q71', '1', 1],
  ];
  for (const [set, version, code, key, answer, expected] of cases) {
    it(`${code}: ${key} = ${answer} → ${expected}`, () => {
      assert.equal(score(set, version, code, { [`${set}.${key}`]: answer }), expected);
    });
  }
});

describe('confidence intervals (reference values from t tables and scipy)', () => {
  it('t quantiles of 0.975', () => {
    close(studentTQuantile(0.975, 1), 12.706204736174694, 1e-8);
    close(studentTQuantile(0.975, 2), 4.302652729749462, 1e-9);
    close(studentTQuantile(0.975, 4), 2.7764451051977934, 1e-9);
    close(studentTQuantile(0.975, 9), 2.262157162798205, 1e-9);
    close(studentTQuantile(0.975, 29), 2.045229642132703, 1e-9);
    close(studentTQuantile(0.975, 100), 1.9839715185235518, 1e-9);
  });

  it('mean of 4, 6, 8: 6 ± 4.3027 · 2 / √3 = [1.0317, 10.9683]; clamped to the scale when asked', () => {
    const e = meanEstimate([4, 6, 8])!;
    close(e.value, 6);
    close(e.ciLow, 1.0317245764993395, 1e-8);
    close(e.ciHigh, 10.96827542350066, 1e-8);
    assert.equal(meanEstimate([4, 6, 8], { lower: 0, upper: 10 })!.ciHigh, 10);
    assert.equal(meanEstimate([4]), null);
  });

  it('Wilson: 12 of 30 = 40 % [24.59, 57.68]; 0 of 30 [0, 11.35]; 30 of 30 [88.65, 100]; 1 of 5 [3.62, 62.45]', () => {
    const a = shareEstimate(12, 30)!;
    close(a.value, 40);
    close(a.ciLow, 24.590628116801852, 1e-7);
    close(a.ciHigh, 57.67963974667752, 1e-7);
    const b = shareEstimate(0, 30)!;
    close(b.ciLow, 0);
    close(b.ciHigh, 11.351339317396876, 1e-7);
    const c = shareEstimate(30, 30)!;
    close(c.ciLow, 88.64866068260312, 1e-7);
    close(c.ciHigh, 100, 1e-7);
    const d = shareEstimate(1, 5)!;
    close(d.ciLow, 3.6224108632430085, 1e-7);
    close(d.ciHigh, 62.446537023747474, 1e-7);
    assert.equal(shareEstimate(0, 0), null);
  });
});
