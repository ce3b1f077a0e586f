/**
 * Reading evaluation results: per outcome the stored estimate (computed by the job, never here)
 * with its sentence in Dutch and English. Non-staff see published evaluations only; staff of the
 * municipality see drafts as well (`evaluation.viewDraft`).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, NotFound } from '../../../platform/errors.ts';
import type { IndicatorUnit } from '../../../platform/module.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { getArea } from '../../areas/areas.service.ts';
import { listIndicatorDefinitions } from '../../monitor/monitor.service.ts';
import { getCard, getProgrammeById } from '../../programmes/programmes.service.ts';
import type { EstimateResult, Verdict } from '../estimate/estimate.types.ts';
import { can } from '../policies.ts';
import * as store from './results.store.ts';
import { resultSentence } from './sentence.ts';

export type { EvaluationHead } from './results.store.ts';

export interface OutcomeResult {
  indicatorCode: string;
  nameNl: string;
  nameEn: string;
  unit: IndicatorUnit;
  decimals: number;
  /** null: not computed yet (a draft, or the job has not run since the evaluation was saved). */
  verdict: Verdict | null;
  result: EstimateResult | null;
  computedAt: Date | null;
  sentence: { nl: string; en: string } | null;
  /** Invented demo values went into it (label it). */
  isDemo: boolean;
}

export interface EvaluationResults {
  evaluation: store.EvaluationHead;
  /** Names of the evaluation's areas by code. */
  areaNames: Record<string, string>;
  outcomes: OutcomeResult[];
  /** The evaluation is a demo, or invented demo values went into one of its results. */
  isDemo: boolean;
}

/** Staff of this municipality see drafts and unpublished evaluations. */
export function seesDrafts(principal: Principal, tenantId: string): boolean {
  return principal.tenantId === tenantId && can(principal, 'evaluation.viewDraft');
}

/** Results of evaluations (already visible to the principal), with their sentences. */
export async function resultsOfHeads(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  heads: readonly store.EvaluationHead[],
): Promise<EvaluationResults[]> {
  if (heads.length === 0) return [];
  const codes = [...new Set(heads.flatMap((h) => h.areas.map((a) => a.code)))];
  const [indicators, stored, areas] = await Promise.all([
    listIndicatorDefinitions(db, principal, tenantId),
    store.storedResults(
      db,
      tenantId,
      heads.map((h) => h.id),
    ),
    Promise.all(codes.map((c) => getArea(db, tenantId, c))),
  ]);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const areaNames: Record<string, string> = {};
  const levels = new Map<string, string>();
  for (const a of areas) {
    if (!a) continue;
    areaNames[a.code] = a.name;
    levels.set(a.code, a.level);
  }
  return heads.map((head) => {
    const intervention = head.areas.filter((a) => a.role === 'intervention').map((a) => a.code);
    const names = intervention.map((c) => areaNames[c] ?? c);
    const interventionLevels = new Set(intervention.map((c) => levels.get(c)));
    const level = interventionLevels.size === 1 ? [...interventionLevels][0] : null;
    const areaLevel = level === 'district' || level === 'neighbourhood' ? level : null;
    const results = new Map((stored.get(head.id) ?? []).map((r) => [r.indicatorCode, r]));
    const outcomes = head.outcomes.map((code): OutcomeResult => {
      const ind = byCode.get(code);
      const r = results.get(code) ?? null;
      const base = {
        indicatorCode: code,
        nameNl: ind?.nameNl ?? code,
        nameEn: ind?.nameEn || ind?.nameNl || code,
        unit: ind?.unit ?? 'score',
        decimals: ind?.decimals ?? 1,
      };
      if (!r) return { ...base, verdict: null, result: null, computedAt: null, sentence: null, isDemo: false };
      const sentence = (locale: 'nl' | 'en') =>
        resultSentence(locale, {
          ...r.result,
          verdict: r.verdict,
          areaNames: names,
          areaLevel,
          indicator: { name: locale === 'nl' ? base.nameNl : base.nameEn, unit: base.unit, decimals: base.decimals },
        });
      return {
        ...base,
        verdict: r.verdict,
        result: r.result,
        computedAt: r.computedAt,
        sentence: { nl: sentence('nl'), en: sentence('en') },
        isDemo: r.demoValues,
      };
    });
    return { evaluation: head, areaNames, outcomes, isDemo: head.isDemo || outcomes.some((o) => o.isDemo) };
  });
}

/** One evaluation's results by its reference; NotFound when it does not exist or the principal may not see it. */
export async function resultsOf(db: DbOrTrx, principal: Principal, tenantId: string, reference: string): Promise<EvaluationResults> {
  authorize(can(principal, 'evaluation.view'));
  const head = await store.evaluationByReference(db, tenantId, reference);
  if (!head || (!head.published && !seesDrafts(principal, tenantId))) throw NotFound();
  return (await resultsOfHeads(db, principal, tenantId, [head]))[0]!;
}

/** The evaluations of a project card the principal may see (published ones; staff all), with their results. */
export async function resultsOfCard(db: DbOrTrx, principal: Principal, tenantId: string, cardId: string): Promise<EvaluationResults[]> {
  authorize(can(principal, 'evaluation.view'));
  const heads = await store.evaluationsOfCard(db, tenantId, cardId, !seesDrafts(principal, tenantId));
  return resultsOfHeads(db, principal, tenantId, heads);
}

/** The project card an evaluation belongs to, as a link (null: none, or not visible to the principal). */
export async function cardLinkOf(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  cardId: string | null,
): Promise<{ path: string; number: string; titleNl: string; titleEn: string } | null> {
  if (!cardId) return null;
  try {
    const card = await getCard(db, principal, tenantId, cardId);
    const programme = await getProgrammeById(db, principal, tenantId, card.programmeId);
    return {
      path: `/programmas/${programme.slug}/projecten/${card.id}`,
      number: card.number,
      titleNl: card.titleNl,
      titleEn: card.titleEn,
    };
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 403)) return null;
    throw err;
  }
}

/** Published evaluations with a project area among `areaCodes`, with their results (the neighbourhood section's job). */
export async function publishedResultsForAreas(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  areaCodes: readonly string[],
): Promise<EvaluationResults[]> {
  authorize(can(principal, 'evaluation.view'));
  return resultsOfHeads(db, principal, tenantId, await store.publishedForAreas(db, tenantId, areaCodes));
}
