import { formatNumber } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { renderExplanation } from '../../matching/explain.ts';
import type { ExplanationPart } from '../../matching/types.ts';

/** An explanation as one plain sentence fragment. */
export function Explanation({ ctx, parts }: { ctx: ViewContext; parts: readonly ExplanationPart[] }) {
  return <>{renderExplanation(ctx.t, parts)}</>;
}

/** A score 0–100 for display. */
export function scoreText(ctx: ViewContext, score: number): string {
  return formatNumber(ctx.locale, Math.round(score));
}
