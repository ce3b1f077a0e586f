import '../page.messages.ts';
import type { SummaryRenderArgs } from '../../../../platform/module.ts';
import type { OverviewSummary } from '../page.types.ts';
import { FiguresTable } from './indicator.tsx';

/**
 * The top of the neighbourhood page: how the area compares with the municipality (computed, with
 * the method), the municipality's own recorded judgement beside it (with its knelpunten), the link
 * to the wijkperspectief, and "Meer cijfers": the figures of themes other than the four functions.
 */
export function OverviewSection({ ctx, tenantSlug, area, data }: SummaryRenderArgs<OverviewSummary>) {
  const { t } = ctx;
  const id = `monitor-overview-${area.code}`;
  const isMuni = area.level === 'municipality';
  const c = data.classification;
  if (isMuni && data.more.length === 0 && data.recorded.length === 0) return null;
  return (
    <section class="section monitor-overview" aria-labelledby={id}>
      <h3 class="utrecht-heading-3" id={id}>
        {t('monitor.page.compare')}
      </h3>
      {!isMuni &&
        (c ? (
          <>
            <p class="utrecht-paragraph">
              <strong>{t('monitor.page.computed', { class: t(`monitor.page.class.${c.class}`) })}</strong>{' '}
              {t('monitor.page.computedCounts', { above: c.counts.above, around: c.counts.around, below: c.counts.below })}
            </p>
            <ul class="utrecht-unordered-list monitor-method">
              {c.methods.includes('pp5') && <li>{t('monitor.page.method.pp5')}</li>}
              {c.methods.includes('z') && <li>{t('monitor.page.method.z')}</li>}
              <li>{t('monitor.page.method.rule')}</li>
            </ul>
          </>
        ) : (
          <p class="utrecht-paragraph">{t('monitor.page.noClass')}</p>
        ))}
      {data.recorded.map((r) => (
        <div class="monitor-recorded">
          <h4 class="utrecht-heading-4">{t('monitor.page.recorded', { year: r.year })}</h4>
          <p class="utrecht-paragraph">
            <strong>{r.label || t(`monitor.page.class.${r.class}`)}</strong>
            {r.method && ` — ${r.method}`}
          </p>
          {r.knelpunten.length > 0 && (
            <>
              <p class="utrecht-paragraph">{t('monitor.page.knelpunten')}:</p>
              <ul class="utrecht-unordered-list">
                {r.knelpunten.map((k) => (
                  <li>{k}</li>
                ))}
              </ul>
            </>
          )}
          {r.sourceNote && <p class="utrecht-paragraph monitor-source">{t('monitor.page.source', { source: r.sourceNote })}</p>}
        </div>
      ))}
      {!isMuni && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/${tenantSlug}/wijken/${area.code}/wijkperspectief`}>
            {t('monitor.page.perspective', { name: area.name })}
          </a>
        </p>
      )}
      {data.more.length > 0 && (
        <>
          <h4 class="utrecht-heading-4">{t('monitor.page.more')}</h4>
          <FiguresTable ctx={ctx} rows={data.more} isMuni={isMuni} caption={t('monitor.page.more')} showTheme />
        </>
      )}
    </section>
  );
}
