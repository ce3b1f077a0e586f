import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { amountText, resultSentence, signedNumber, type SentenceInput } from './sentence.ts';

const base: SentenceInput = {
  verdict: 'no_clear_effect',
  reasons: [],
  estimate: 4.2,
  ciLow: -1.2,
  ciHigh: 9.1,
  level: 0.9,
  areaNames: ['Molenwijk'],
  areaLevel: 'district',
  indicator: { name: 'Actief in de wijk', unit: 'percent', decimals: 0 },
};
const en = (over: Partial<SentenceInput> = {}) => ({
  ...base,
  indicator: { ...base.indicator, name: 'Active in the neighbourhood' },
  ...over,
});

describe('evaluation results: the sentence in plain language', () => {
  it('no clear effect: the estimate and the wide interval (the issue’s example)', () => {
    assert.equal(
      resultSentence('nl', base),
      'In Molenwijk steeg het cijfer ‘Actief in de wijk’ 4 procentpunten meer dan in vergelijkbare wijken; de onzekerheid is groot: tussen \u22121 en +9. Een duidelijk effect zien we (nog) niet.',
    );
    assert.equal(
      resultSentence('en', en()),
      'In Molenwijk, the figure ‘Active in the neighbourhood’ rose 4 percentage points more than in similar districts; the uncertainty is large: between \u22121 and +9. We do not see a clear effect (yet).',
    );
  });

  it('no clear effect because places without the project differ as much: said so', () => {
    const s = resultSentence('nl', { ...base, ciLow: 1, ciHigh: 8, reasons: ['placebo_not_unusual'] });
    assert.match(s, /In vergelijkbare wijken zonder project zien we even grote verschillen\.$/);
  });

  it('effect: direction, amount with decimals in the locale, and the interval', () => {
    const input = {
      ...base,
      verdict: 'effect' as const,
      estimate: -2.46,
      ciLow: -3.91,
      ciHigh: -1.05,
      areaNames: ['Molenwijk', 'Rivierenwijk'],
      indicator: { name: 'Eenzaam', unit: 'percent' as const, decimals: 1 },
    };
    assert.equal(
      resultSentence('nl', input),
      'In Molenwijk en Rivierenwijk daalde het cijfer ‘Eenzaam’ 2,5 procentpunten meer dan in vergelijkbare wijken. Het echte verschil ligt waarschijnlijk tussen \u22123,9 en \u22121,1 (90 procent zeker).',
    );
    assert.equal(
      resultSentence('en', { ...input, level: 0.95, indicator: { ...input.indicator, name: 'Lonely' } }),
      'In Molenwijk and Rivierenwijk, the figure ‘Lonely’ fell 2.5 percentage points more than in similar districts. The true difference is probably between \u22123.9 and \u22121.1 (95 percent sure).',
    );
  });

  it('an estimate that rounds to nothing: about as much', () => {
    assert.match(
      resultSentence('nl', { ...base, estimate: 0.3 }),
      /veranderde het cijfer ‘Actief in de wijk’ ongeveer evenveel als in vergelijkbare wijken;/,
    );
  });

  it('cannot tell yet: the reasons in plain words', () => {
    const input = {
      ...base,
      verdict: 'cannot_tell' as const,
      reasons: ['too_few_areas', 'pre_trend'] as const,
      areaLevel: 'neighbourhood' as const,
    };
    assert.equal(
      resultSentence('nl', { ...input, reasons: [...input.reasons] }),
      'Of het project in Molenwijk verschil maakt voor het cijfer ‘Actief in de wijk’, kunnen we nog niet zeggen: er zijn te weinig gebieden om te vergelijken en vóór de start ontwikkelden de gebieden zich al verschillend.',
    );
    assert.equal(
      resultSentence('en', en({ verdict: 'cannot_tell', reasons: ['small_numbers'] })),
      'We cannot tell yet whether the project makes a difference to the figure ‘Active in the neighbourhood’ in Molenwijk: too few people answered the questions.',
    );
  });

  it('no data: its own sentence', () => {
    assert.equal(
      resultSentence('nl', { ...base, verdict: 'no_data', estimate: null, ciLow: null, ciHigh: null, reasons: ['no_after'] }),
      'Voor het cijfer ‘Actief in de wijk’ in Molenwijk zijn er nog geen cijfers om iets over te zeggen.',
    );
    assert.equal(
      resultSentence('en', en({ verdict: 'no_data', estimate: null, ciLow: null, ciHigh: null })),
      'There are no figures yet to say anything about the figure ‘Active in the neighbourhood’ in Molenwijk.',
    );
  });

  it('units from the indicator and signed numbers', () => {
    assert.equal(amountText('nl', 'score', 1, 0.4), '0,4 punten');
    assert.equal(amountText('nl', 'score', 0, 1), '1 punt');
    assert.equal(amountText('en', 'hours', 1, 3.5), '3.5 hours');
    assert.equal(amountText('nl', 'per1000', 0, 12), '12 per 1.000 inwoners');
    assert.equal(amountText('nl', 'euro', 0, 1200), '€ 1.200');
    assert.equal(signedNumber('nl', -0.04, 1), '0,0');
    assert.equal(signedNumber('nl', 1234.5, 1), '+1.234,5');
  });
});
