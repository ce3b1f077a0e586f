/**
 * What an evaluation must satisfy before it is stored (refusals, 422 with a message per field) and
 * what it is warned about (shown, not blocking): border changes in the period (the monitor's
 * crosswalk), small numbers, suppressed measurements, fewer than two comparison areas.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, type FieldErrors } from '../../../platform/errors.ts';
import type { MessageKey, MessageVars } from '../../../platform/i18n/index.ts';
import type { Principal } from '../../../platform/principal.ts';
import { getArea } from '../../areas/areas.service.ts';
import { areaMeasurements, crosswalkOf, listIndicatorDefinitions, type MeasurementRow } from '../../monitor/monitor.service.ts';
import { getCard } from '../../programmes/programmes.service.ts';
import type { EvaluationData } from './register.schemas.ts';

/** Below this many respondents in one area and period a figure is warned about (and left out by the estimator). */
export const MIN_RESPONDENTS = 30;

export interface EvaluationWarning {
  key: MessageKey;
  vars?: MessageVars;
}

/** The parts the checks look at. */
export type Checked = Pick<EvaluationData, 'interventionCodes' | 'comparisonCodes' | 'indicatorCodes' | 'startDay' | 'endDay'>;

/**
 * Refuses (Invalid, nothing stored) an evaluation without intervention or comparison areas, with
 * an area in both sets, with areas that are not this municipality's, an end before the start, an
 * unknown card or indicator, or an outcome indicator without a figure before the start day in the
 * intervention areas or in the comparison areas (without one the difference cannot be taken).
 */
export async function refusals(db: DbOrTrx, principal: Principal, tenantId: string, d: Checked & { cardId: string | null }): Promise<void> {
  const errors: FieldErrors = {};
  if (d.interventionCodes.length === 0) errors.interventionCodes = 'evaluation.register.error.noIntervention';
  if (d.comparisonCodes.length === 0) errors.comparisonCodes = 'evaluation.register.error.noComparison';
  else if (d.comparisonCodes.some((c) => d.interventionCodes.includes(c))) errors.comparisonCodes = 'evaluation.register.error.overlap';
  for (const [field, list] of [
    ['interventionCodes', d.interventionCodes],
    ['comparisonCodes', d.comparisonCodes],
  ] as const) {
    if (errors[field]) continue;
    for (const code of list) {
      const area = await getArea(db, tenantId, code);
      if (!area || area.level === 'municipality') {
        errors[field] = 'evaluation.register.error.areaOutside';
        break;
      }
    }
  }
  if (d.endDay !== null && d.endDay < d.startDay) errors.endDay = 'evaluation.register.error.endBeforeStart';
  if (d.cardId !== null) {
    try {
      await getCard(db, principal, tenantId, d.cardId);
    } catch {
      errors.cardId = 'evaluation.register.error.card';
    }
  }
  if (d.indicatorCodes.length === 0) errors.indicatorCodes = 'evaluation.register.error.noIndicator';
  else {
    const known = new Set((await listIndicatorDefinitions(db, principal, tenantId)).map((i) => i.code));
    if (d.indicatorCodes.some((c) => !known.has(c))) errors.indicatorCodes = 'evaluation.register.error.unknownIndicator';
    else if (!errors.interventionCodes && !errors.comparisonCodes) {
      const rows = await areaMeasurements(db, principal, tenantId, {
        areaCodes: [...d.interventionCodes, ...d.comparisonCodes],
        indicatorCodes: d.indicatorCodes,
      });
      const before = (code: string, areas: readonly string[]) =>
        rows.some((m) => m.indicatorCode === code && areas.includes(m.areaCode) && m.periodEnd < d.startDay && m.value !== null);
      if (d.indicatorCodes.some((c) => !before(c, d.interventionCodes) || !before(c, d.comparisonCodes))) {
        errors.indicatorCodes = 'evaluation.register.error.noDataBefore';
      }
    }
  }
  if (Object.keys(errors).length > 0) throw Invalid(errors);
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/** The warnings of a (valid) evaluation, in a stable order. `today` bounds an open period. */
export async function warningsOf(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  d: Checked,
  today: string,
): Promise<EvaluationWarning[]> {
  const out: EvaluationWarning[] = [];
  const areas = [...d.interventionCodes, ...d.comparisonCodes];
  if (d.comparisonCodes.length > 0 && d.comparisonCodes.length < 2) out.push({ key: 'evaluation.register.warn.fewComparison' });
  const rows: MeasurementRow[] =
    areas.length > 0 && d.indicatorCodes.length > 0
      ? await areaMeasurements(db, principal, tenantId, { areaCodes: areas, indicatorCodes: d.indicatorCodes })
      : [];
  const firstYear = Math.min(yearOf(d.startDay) - 1, ...rows.map((m) => yearOf(m.periodStart)));
  const lastYear = yearOf(d.endDay ?? today);
  const changes = (await crosswalkOf(db, principal, tenantId, areas)).filter((r) => r.toYear > firstYear && r.toYear <= lastYear);
  for (const code of areas) {
    const mine = changes.filter((r) => r.fromCode === code || r.toCode === code);
    if (mine.length === 0) continue;
    const other = mine.map((r) => (r.fromCode === code ? r.toCode : r.fromCode)).filter((c) => c !== code);
    const years = [...new Set(mine.map((r) => r.toYear))].sort();
    const borders = mine.some((r) => r.changeKind !== 1);
    out.push({
      key: borders ? 'evaluation.register.warn.borderChanged' : 'evaluation.register.warn.codeChanged',
      vars: { area: code, other: [...new Set(other)].join(', ') || code, year: years.join(', ') },
    });
  }
  const small = rows.filter((m) => m.respondents !== null && m.respondents < MIN_RESPONDENTS && m.status !== 'suppressed');
  if (small.length > 0) {
    const cells = small.map((m) => `${m.areaCode} ${m.period}`);
    out.push({
      key: 'evaluation.register.warn.smallNumbers',
      vars: { count: small.length, min: MIN_RESPONDENTS, cells: cells.slice(0, 6).join(', ') },
    });
  }
  const suppressed = rows.filter((m) => m.status === 'suppressed');
  if (suppressed.length > 0) {
    const cells = suppressed.map((m) => `${m.areaCode} ${m.period}`);
    out.push({ key: 'evaluation.register.warn.suppressed', vars: { count: suppressed.length, cells: cells.slice(0, 6).join(', ') } });
  }
  for (const code of areas) {
    const missing = d.indicatorCodes.filter(
      (i) => !rows.some((m) => m.areaCode === code && m.indicatorCode === i && m.periodEnd < d.startDay && m.value !== null),
    );
    if (missing.length > 0) out.push({ key: 'evaluation.register.warn.noBefore', vars: { area: code, indicators: missing.join(', ') } });
  }
  return out;
}
