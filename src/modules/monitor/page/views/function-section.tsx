import '../page.messages.ts';
import type { SummaryRenderArgs } from '../../../../platform/module.ts';
import type { FunctionSummary } from '../page.types.ts';
import { IndicatorBlock, SimilarNote } from './indicator.tsx';

/**
 * The monitor's figures for one function of cohesion on the neighbourhood page (inside that
 * function's block): each indicator of the theme with a figure here. Nothing measured: no section
 * (the block then says "Nog geen gegevens" and what would fill it).
 */
export function FunctionSection({ ctx, area, data, fn }: SummaryRenderArgs<FunctionSummary> & { fn: string }) {
  const { t } = ctx;
  const shown = data.indicators.filter((s) => s.latest !== null);
  if (shown.length === 0) return null;
  const id = `monitor-${fn}-${area.code}`;
  return (
    <section class="section monitor-section" aria-labelledby={id}>
      <h3 class="utrecht-heading-3" id={id}>
        {t('monitor.page.figures')}
      </h3>
      {shown.map((s) => (
        <IndicatorBlock ctx={ctx} s={s} idPrefix={id} />
      ))}
      {area.level !== 'municipality' && shown.some((s) => s.latest?.status === 'ok') && <SimilarNote ctx={ctx} similar={data.similar} />}
    </section>
  );
}
