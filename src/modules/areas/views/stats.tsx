import { formatNumber } from '../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../ui/context.ts';
import { STAT_KEYS, type StatKey } from '../import/stats.ts';

const PERCENT: readonly StatKey[] = ['age0to15', 'age15to25', 'age25to45', 'age45to65', 'age65plus'];

/** A key figure formatted for the reader, or "onbekend" when absent. */
export function formatStat(ctx: ViewContext, stats: Record<string, number>, key: StatKey): string {
  const v = stats[key];
  if (typeof v !== 'number') return ctx.t('areas.unknown');
  if (PERCENT.includes(key)) return `${formatNumber(ctx.locale, v)}%`;
  return formatNumber(ctx.locale, v, key === 'householdSize' ? 1 : 0);
}

const hasFigures = (stats: Record<string, number>) => STAT_KEYS.some((k) => typeof stats[k] === 'number');

/**
 * CBS key figures of an area as a definition list, with the source line. A buurt without figures of
 * its own shows those of its wijk, said in so many words and linked (the demo loads CBS figures per
 * wijk only).
 */
export function KeyFigures({
  ctx,
  stats: own,
  standIn,
}: {
  ctx: ViewContext;
  stats: Record<string, number>;
  standIn?: { area: { name: string; stats: Record<string, number> }; href: string } | null;
}) {
  const { t } = ctx;
  const borrowed = !hasFigures(own) && standIn && hasFigures(standIn.area.stats) ? standIn : null;
  const stats = borrowed ? borrowed.area.stats : own;
  const known = hasFigures(stats);
  return (
    <section class="section" aria-labelledby="key-figures">
      <h2 class="utrecht-heading-2" id="key-figures">
        {t('areas.page.keyFigures')}
      </h2>
      {known ? (
        <>
          {borrowed && (
            <p class="utrecht-paragraph">
              {t('areas.page.wijkFigures')}{' '}
              <a class="utrecht-link" href={borrowed.href}>
                {borrowed.area.name}
              </a>
              .
            </p>
          )}
          <dl class="key-figures">
            {STAT_KEYS.map((k) => (
              <>
                <dt>{t(`areas.stat.${k}`)}</dt>
                <dd>{formatStat(ctx, stats, k)}</dd>
              </>
            ))}
          </dl>
          <p class="utrecht-paragraph">{t('areas.page.source')}</p>
        </>
      ) : (
        <p class="utrecht-paragraph">{t('areas.page.noStats')}</p>
      )}
    </section>
  );
}
