/**
 * The result of one outcome in one plain sentence (Dutch B1 and English), built from the stored
 * estimate: "In Molenwijk steeg het cijfer ‘Actief in de wijk’ 4 procentpunten meer dan in
 * vergelijkbare wijken; de onzekerheid is groot: tussen −1 en +9. …". Numbers in the reader's
 * locale, units from the indicator; for "cannot tell yet" the reasons in plain words.
 */
import './results.messages.ts';
import { formatNumber, translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';
import type { IndicatorUnit } from '../../../platform/module.ts';
import type { Reason, Verdict } from '../estimate/estimate.types.ts';

export interface SentenceInput {
  verdict: Verdict;
  reasons: readonly Reason[];
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  level: number;
  /** Names of the intervention areas. */
  areaNames: readonly string[];
  /** Level of the intervention areas: "vergelijkbare wijken" or "buurten". */
  areaLevel: 'district' | 'neighbourhood' | null;
  indicator: { name: string; unit: IndicatorUnit; decimals: number };
}

const MINUS = '\u2212';

/** A number in the locale with the true minus sign. */
export function plainNumber(locale: Locale, n: number, decimals: number): string {
  const s = formatNumber(locale, Math.abs(n), decimals);
  return n < 0 && Number(s.replace(/\D/g, '')) !== 0 ? `${MINUS}${s}` : s;
}

/** A signed number for an interval: "+9", "−1", "0". */
export function signedNumber(locale: Locale, n: number, decimals: number): string {
  const s = formatNumber(locale, Math.abs(n), decimals);
  if (Number(s.replace(/\D/g, '')) === 0) return s;
  return `${n < 0 ? MINUS : '+'}${s}`;
}

/** An amount of change with the indicator's unit: "4 procentpunten", "3,5 uur", "€ 12". */
export function amountText(locale: Locale, unit: IndicatorUnit, decimals: number, value: number): string {
  const t = translator(locale);
  const n = formatNumber(locale, value, decimals);
  const one = value === 1;
  switch (unit) {
    case 'percent':
      return t(one ? 'evaluation.results.unit.percent.one' : 'evaluation.results.unit.percent', { value: n });
    case 'score':
      return t(one ? 'evaluation.results.unit.score.one' : 'evaluation.results.unit.score', { value: n });
    case 'per1000':
    case 'hours':
    case 'days':
    case 'euro':
      return t(`evaluation.results.unit.${unit}`, { value: n });
    case 'count':
    case 'ratio':
      return t('evaluation.results.unit.plain', { value: n });
  }
}

function list(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(items);
}

/** The sentence for one outcome in one language. */
export function resultSentence(locale: Locale, input: SentenceInput): string {
  const t = translator(locale);
  const decimals = input.indicator.decimals;
  const areas = list(locale, input.areaNames);
  const indicator = t('evaluation.results.indicator', { name: input.indicator.name });
  const places = t(`evaluation.results.places.${input.areaLevel ?? 'other'}` as MessageKey);
  const range = () => ({
    low: signedNumber(locale, input.ciLow as number, decimals),
    high: signedNumber(locale, input.ciHigh as number, decimals),
  });
  const hasRange = input.ciLow !== null && input.ciHigh !== null;

  if ((input.verdict === 'effect' || input.verdict === 'no_clear_effect') && input.estimate !== null) {
    const rounded = Number(formatNumber('en', Math.abs(input.estimate), decimals).replace(/,/g, ''));
    const vars = { areas, indicator, places, amount: amountText(locale, input.indicator.unit, decimals, rounded) };
    const main =
      rounded === 0
        ? t('evaluation.results.sentence.same', vars)
        : t(input.estimate > 0 ? 'evaluation.results.sentence.up' : 'evaluation.results.sentence.down', vars);
    const parts: string[] = [];
    if (input.verdict === 'effect') {
      parts.push(`${main}.`);
      if (hasRange) parts.push(t('evaluation.results.sentence.range', { ...range(), level: Math.round(input.level * 100) }));
    } else {
      parts.push(hasRange ? `${main}; ${t('evaluation.results.sentence.uncertain', range())}` : `${main}.`);
      if (input.reasons.includes('placebo_not_unusual')) parts.push(t('evaluation.results.sentence.placebo', { places }));
    }
    return parts.join(' ');
  }
  if (input.verdict === 'cannot_tell') {
    const reasons = list(
      locale,
      input.reasons.map((r) => t(`evaluation.results.reason.${r}`)),
    );
    return t('evaluation.results.sentence.cannotTell', {
      areas,
      indicator,
      reasons: reasons || t('evaluation.results.reason.too_few_areas'),
    });
  }
  return t('evaluation.results.sentence.noData', { areas, indicator });
}
