/**
 * Comparison areas suggested for an evaluation: the municipality's other areas of the same level
 * (wijk with wijk, buurt with buurt), ranked by how much they look like the intervention areas on
 * the CBS figures the monitor holds and on the outcome indicators' values before the start (see
 * suggest.ts for the distance). Each suggestion carries the figures it was based on.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import type { Principal } from '../../../platform/principal.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { areaMeasurements, listIndicatorDefinitions, type MeasurementRow } from '../../monitor/monitor.service.ts';
import { allow } from './register.access.ts';
import { suggestInput, type SuggestInput } from './register.schemas.ts';
import { rankCandidates, type Likeness, type Profile } from './suggest.ts';

/** CBS figures that describe size of land and water or split the inhabitants again: left out of the likeness. */
const NOT_COMPARED = /^cbs_(oppervlakte|mannen$|vrouwen$)/;

export interface SuggestionFeature {
  /** `cbs:<indicator>` (a CBS figure) or `pre:<indicator>` (mean of an outcome indicator before the start). */
  key: string;
  indicatorCode: string;
  kind: 'cbs' | 'outcome';
  nameNl: string;
  nameEn: string;
  decimals: number;
}

export interface SuggestedArea {
  areaCode: string;
  name: string;
  distance: number | null;
  likeness: Likeness | null;
  values: Record<string, number | null>;
  /** Feature keys the distance is based on. */
  used: string[];
}

export interface ComparisonSuggestion {
  level: 'district' | 'neighbourhood';
  features: SuggestionFeature[];
  intervention: { areaCode: string; name: string; values: Record<string, number | null> }[];
  suggestions: SuggestedArea[];
}

/** The latest value whose period ended before the start day, or else the first one there is. */
function cbsValue(rows: readonly MeasurementRow[], startDay: string): number | null {
  const known = rows.filter((m) => m.value !== null).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const before = known.filter((m) => m.periodEnd < startDay);
  return (before.at(-1) ?? known[0])?.value ?? null;
}

/** The mean of the values whose period ended before the start day. */
function preValue(rows: readonly MeasurementRow[], startDay: string): number | null {
  const xs = rows.filter((m) => m.periodEnd < startDay && m.value !== null).map((m) => m.value as number);
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export async function suggestComparisonAreas(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: SuggestInput,
): Promise<ComparisonSuggestion> {
  allow(principal, tenantId, 'evaluation.manage');
  const parsed = checkForm(suggestInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  const { interventionCodes, indicatorCodes, startDay, limit } = parsed.data;
  const first = await getArea(db, tenantId, interventionCodes[0]!);
  if (!first || first.level === 'municipality') throw Invalid({ interventionCodes: 'evaluation.register.error.areaOutside' });
  const level = first.level;
  const all = await listAreas(db, tenantId, { level });
  const names = new Map(all.map((a) => [a.code, a.name]));
  if (interventionCodes.some((c) => !names.has(c))) throw Invalid({ interventionCodes: 'evaluation.register.error.sameLevel' });
  const candidates = all.filter((a) => !interventionCodes.includes(a.code)).map((a) => a.code);

  const indicators = await listIndicatorDefinitions(db, principal, tenantId);
  const features: SuggestionFeature[] = [
    ...indicators
      .filter((i) => indicatorCodes.includes(i.code))
      .map((i) => ({
        key: `pre:${i.code}`,
        indicatorCode: i.code,
        kind: 'outcome' as const,
        nameNl: i.nameNl,
        nameEn: i.nameEn,
        decimals: i.decimals,
      })),
    ...indicators
      .filter((i) => i.source === 'cbs' && !NOT_COMPARED.test(i.code) && !indicatorCodes.includes(i.code))
      .map((i) => ({
        key: `cbs:${i.code}`,
        indicatorCode: i.code,
        kind: 'cbs' as const,
        nameNl: i.nameNl,
        nameEn: i.nameEn,
        decimals: i.decimals,
      })),
  ];
  const rows = await areaMeasurements(db, principal, tenantId, {
    areaCodes: [...interventionCodes, ...candidates],
    indicatorCodes: [...new Set(features.map((f) => f.indicatorCode))],
  });
  const byCell = new Map<string, MeasurementRow[]>();
  for (const m of rows) {
    const k = `${m.areaCode}|${m.indicatorCode}`;
    byCell.set(k, [...(byCell.get(k) ?? []), m]);
  }
  const profile = (code: string): Profile => ({
    code,
    values: Object.fromEntries(
      features.map((f) => {
        const cell = byCell.get(`${code}|${f.indicatorCode}`) ?? [];
        return [f.key, f.kind === 'cbs' ? cbsValue(cell, startDay) : preValue(cell, startDay)];
      }),
    ),
  });
  const interventionProfiles = interventionCodes.map(profile);
  const candidateProfiles = candidates.map(profile);
  const ranked = rankCandidates({
    intervention: interventionProfiles,
    candidates: candidateProfiles,
    features: features.map((f) => f.key),
  });
  const values = new Map(candidateProfiles.map((p) => [p.code, { ...p.values }]));
  return {
    level,
    features,
    intervention: interventionProfiles.map((p) => ({ areaCode: p.code, name: names.get(p.code) ?? p.code, values: { ...p.values } })),
    suggestions: ranked.slice(0, limit).map((r) => ({
      areaCode: r.code,
      name: names.get(r.code) ?? r.code,
      distance: r.distance,
      likeness: r.likeness,
      values: values.get(r.code) ?? {},
      used: r.used,
    })),
  };
}
