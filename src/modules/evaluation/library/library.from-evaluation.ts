/**
 * A card prefilled from a finished evaluation (register/ and results/): its title, the areas it ran
 * in, the effect as computed (the plain-language sentences, and the estimate with its interval of
 * the first outcome that has one) and the question as the source. Nothing is invented: what the
 * evaluation does not know (what it is, for whom, cost, lessons) stays empty for the coordinator.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import { getEvaluation } from '../register/register.service.ts';
import { resultsOf } from '../results/results.service.ts';
import { allow } from '../register/register.access.ts';
import type { InterventionInput } from './library.schemas.ts';

export interface FromEvaluation {
  reference: string;
  evaluationId: string;
  input: InterventionInput;
}

const UNIT: Record<string, string> = {
  percent: 'procentpunt',
  score: 'punt',
  per1000: 'per 1000',
  hours: 'uur',
  days: 'dagen',
  euro: 'euro',
};

/** A slug from a title: lowercase ASCII words joined by hyphens (at most 80 characters). */
export function slugOf(title: string): string {
  const s = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || 'aanpak';
}

/** The prefill of a card from a finished evaluation the principal may see (409 when it is not finished). */
export async function interventionFromEvaluation(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
): Promise<FromEvaluation> {
  allow(principal, tenantId, 'intervention.manage');
  const { evaluation } = await getEvaluation(db, principal, tenantId, reference);
  if (evaluation.status !== 'finished') throw new AppError(409, 'not_finished', 'evaluation.library.error.notFinished');
  const results = await resultsOf(db, principal, tenantId, reference);
  const intervention = results.evaluation.areas.filter((a) => a.role === 'intervention').map((a) => results.areaNames[a.code] ?? a.code);
  const withSentence = results.outcomes.filter((o) => o.sentence !== null);
  const measured = results.outcomes.find(
    (o) => o.result && o.result.estimate !== null && o.result.ciLow !== null && o.result.ciHigh !== null,
  );
  const r = measured?.result ?? null;
  const noResult = 'De evaluatie heeft nog geen uitkomst.';
  return {
    reference: evaluation.reference,
    evaluationId: evaluation.id,
    input: {
      slug: slugOf(evaluation.titleNl),
      titleNl: evaluation.titleNl,
      titleEn: evaluation.titleEn,
      whereText: intervention.join(', ').slice(0, 300),
      effectNl: (withSentence.map((o) => o.sentence!.nl).join(' ') || noResult).slice(0, 4000),
      effectEn: withSentence
        .map((o) => o.sentence!.en)
        .join(' ')
        .slice(0, 4000),
      estimate: r?.estimate ?? null,
      ciLow: r ? r.ciLow : null,
      ciHigh: r ? r.ciHigh : null,
      effectLevel: r?.level ?? null,
      effectUnit: measured ? (UNIT[measured.unit] ?? '') : '',
      effectIndicatorCode: measured?.indicatorCode ?? '',
      effectVerdict: measured?.verdict ?? '',
      sourceNote: `Evaluatie ${evaluation.reference}: ${evaluation.questionNl}`.slice(0, 1000),
    },
  };
}
