import '../page.messages.ts';
import type { SummaryRenderArgs } from '../../../../platform/module.ts';
import type { FunctionSummary } from '../page.types.ts';
import { FiguresTable, IndicatorBlock, SimilarNote, splitShown } from './indicator.tsx';

/**
 * The monitor's figures for one function of cohesion on the neighbourhood page (inside that
 * function's block): each indicator of the theme with a figure here, the first few in full
 * (splitShown), the others as rows in a table that opens without JavaScript. Nothing measured: no section
 * (the block then says "Nog geen gegevens" and what would fill it).
 */
export function FunctionSection({ ctx, area, data, fn }: SummaryRenderArgs<FunctionSummary> & { fn: string }) {
  const { t } = ctx;
  const shown = data.indicators.filter((s) => s.latest !== null);
  if (shown.length === 0) return null;
  const id = `monitor-${fn}-${area.code}`;
  const { full, rest } = splitShown(shown);
  return (
    <section class="section monitor-section" aria-labelledby={id}>
      <h3 class="utrecht-heading-3" id={id}>
        {t('monitor.page.figures')}
      </h3>
      {full.map((s) => (
        <IndicatorBlock ctx={ctx} s={s} idPrefix={id} />
      ))}
      {rest.length > 0 && (
        <details class="monitor-more">
          <summary>{t('monitor.page.moreHere', { count: rest.length })}</summary>
          <FiguresTable
            ctx={ctx}
            rows={rest}
            isMuni={area.level === 'municipality'}
            caption={t('monitor.page.moreHere', { count: rest.length })}
            showTheme={false}
          />
        </details>
      )}
      {area.level !== 'municipality' && shown.some((s) => s.latest?.status === 'ok') && <SimilarNote ctx={ctx} similar={data.similar} />}
    </section>
  );
}
