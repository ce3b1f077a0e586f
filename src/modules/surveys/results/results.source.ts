/**
 * The surveys module's live indicators (issue 13): for every survey period and item-set version,
 * the figures per buurt, wijk and municipality, suppressed below the threshold and against
 * differencing. The monitor's recompute job calls `compute`; never on a request.
 *
 * Responses are grouped by (survey period, item set, version): surveys of the same period with the
 * same version are pooled (the same questions), versions are never mixed. When one period has
 * answers in two versions of a set, only the newest version's figures are given for that period.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorSource } from '../../../platform/module.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { ITEM_SETS, itemSet } from '../itemsets/itemsets.ts';
import { aggregateIndicator } from './aggregate.ts';
import { listResultResponses, listResultSurveys, type ResultResponse, type ResultSurvey } from './results.store.ts';
import { scorersFor } from './scoring.ts';

/** Every indicator of every item set, once per code (the newest version's definition). */
export function surveyIndicatorDefinitions(): IndicatorDefinition[] {
  const byCode = new Map<string, IndicatorDefinition>();
  const sets = [...ITEM_SETS].sort((a, b) => Number(a.version) - Number(b.version));
  for (const s of sets) for (const d of s.indicators) byCode.set(d.code, d);
  return [...byCode.values()];
}

interface Group {
  period: string;
  set: string;
  version: string;
  surveys: ResultSurvey[];
  responses: ResultResponse[];
}

/** Group the responses by (period, set, version); a response counts for a set only in the version it stored. */
function groupResponses(surveys: readonly ResultSurvey[], responses: readonly ResultResponse[]): Group[] {
  const surveyById = new Map(surveys.map((s) => [s.id, s]));
  const groups = new Map<string, Group>();
  for (const r of responses) {
    const survey = surveyById.get(r.surveyId);
    if (!survey) continue;
    for (const ref of survey.itemSets) {
      const version = r.itemVersions[ref.set];
      if (version === undefined || !itemSet(ref.set, version)) continue;
      const key = `${survey.period}\u0000${ref.set}\u0000${version}`;
      let g = groups.get(key);
      if (!g) {
        g = { period: survey.period, set: ref.set, version, surveys: [], responses: [] };
        groups.set(key, g);
      }
      if (!g.surveys.includes(survey)) g.surveys.push(survey);
      g.responses.push(r);
    }
  }
  // Newest version first per (period, set): an older version in the same period is left out.
  const newest = new Map<string, string>();
  for (const g of groups.values()) {
    const k = `${g.period}\u0000${g.set}`;
    const cur = newest.get(k);
    if (cur === undefined || Number(g.version) > Number(cur)) newest.set(k, g.version);
  }
  return [...groups.values()].filter((g) => newest.get(`${g.period}\u0000${g.set}`) === g.version);
}

/** The threshold of a figure: the larger of the survey's `min_respondents` and the indicator's own, never below 5. */
export function thresholdFor(surveyMinimum: number, definition: IndicatorDefinition | undefined): number {
  return Math.max(surveyMinimum, definition?.minRespondents ?? 0, 5);
}

/** The measurements of a tenant's surveys (pure apart from the reads). */
export async function computeSurveyMeasurements(db: DbOrTrx, tenantId: string): Promise<IndicatorMeasurement[]> {
  const surveys = await listResultSurveys(db, tenantId);
  if (surveys.length === 0) return [];
  const responses = await listResultResponses(
    db,
    tenantId,
    surveys.map((s) => s.id),
  );
  if (responses.length === 0) return [];
  const parents = new Map<string, string | null>();
  for (const a of await listAreas(db, tenantId)) parents.set(a.code, a.parentCode);
  const definitions = new Map(surveyIndicatorDefinitions().map((d) => [d.code, d]));

  const out: IndicatorMeasurement[] = [];
  for (const g of groupResponses(surveys, responses)) {
    const surveyThreshold = Math.max(...g.surveys.map((s) => s.minRespondents));
    const withMunicipality = g.surveys.every((s) => s.areaCode === null || s.areaCode === tenantId);
    const isDemo = g.responses.some((r) => r.isDemo);
    const sourceNote = `item set ${g.set} version ${g.version}; ${g.surveys.length === 1 ? '1 survey' : `${g.surveys.length} surveys`}`;
    for (const scorer of scorersFor(g.set, g.version)) {
      const values: { areaCode: string; value: number }[] = [];
      for (const r of g.responses) {
        const v = scorer.score(r.answers);
        if (v !== null) values.push({ areaCode: r.areaCode, value: v });
      }
      if (values.length === 0) continue;
      const threshold = thresholdFor(surveyThreshold, definitions.get(scorer.code));
      out.push(
        ...aggregateIndicator({
          scorer,
          values,
          parents,
          municipalityCode: tenantId,
          withMunicipality,
          threshold,
          period: g.period,
          sourceNote,
          isDemo,
        }),
      );
    }
  }
  return out;
}

/** The surveys module's IndicatorSource (ModuleDefinition.indicators). */
export const surveysIndicatorSource: IndicatorSource = {
  id: 'surveys',
  definitions: surveyIndicatorDefinitions(),
  compute: ({ db, tenantId }) => computeSurveyMeasurements(db, tenantId),
};
