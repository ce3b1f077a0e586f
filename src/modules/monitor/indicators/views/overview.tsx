import { INDICATOR_THEMES } from '../../../../platform/module.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { IndicatorOverview } from '../../monitor.service.ts';
import { formatNumber, type MessageKey } from '../../../../platform/i18n/index.ts';

export const monitorPath = (slug: string) => `/${slug}/beheer/monitor`;
export const indicatorPath = (slug: string, code: string) => `${monitorPath(slug)}/indicatoren/${encodeURIComponent(code)}`;

/** `/{tenant}/beheer/monitor`: every indicator by theme, with unit, source, threshold, latest period, counts and targets. */
export function IndicatorsOverviewPage(props: {
  ctx: ViewContext;
  slug: string;
  indicators: readonly IndicatorOverview[];
  canManage: boolean;
  notice?: MessageKey | null;
}) {
  const { ctx, slug, indicators, canManage } = props;
  const { t } = ctx;
  const n = (x: number) => formatNumber(ctx.locale, x);
  const themes = INDICATOR_THEMES.filter((theme) => indicators.some((i) => i.theme === theme));
  return (
    <>
      <h1 class="utrecht-heading-1">{t('monitor.ind.title')}</h1>
      <Notice ctx={ctx} messageKey={props.notice} />
      <p class="utrecht-paragraph">{t('monitor.ind.intro')}</p>
      {canManage && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${monitorPath(slug)}/indicatoren/nieuw`}>
            {t('monitor.ind.new')}
          </a>
        </p>
      )}
      {indicators.length === 0 && <p class="utrecht-paragraph">{t('monitor.ind.none')}</p>}
      {themes.map((theme) => (
        <section aria-labelledby={`thema-${theme}`}>
          <h2 class="utrecht-heading-2" id={`thema-${theme}`}>
            {t(`monitor.ind.theme.${theme}`)}
          </h2>
          <DataTable
            caption={t(`monitor.ind.theme.${theme}`)}
            columns={[
              t('monitor.ind.col.indicator'),
              t('monitor.ind.col.unit'),
              t('monitor.ind.col.source'),
              t('monitor.ind.col.threshold'),
              t('monitor.ind.col.latest'),
              t('monitor.ind.col.count'),
              t('monitor.ind.col.targets'),
            ]}
          >
            {indicators
              .filter((i) => i.theme === theme)
              .map((i) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={indicatorPath(slug, i.code)}>
                      {ctx.locale === 'nl' ? i.nameNl : i.nameEn}
                    </a>{' '}
                    <span class="muted">({i.code})</span>
                  </th>
                  <td>{t(`monitor.ind.unit.${i.unit}`)}</td>
                  <td>{t(`monitor.ind.source.${i.source}`)}</td>
                  <td>{n(i.minRespondents)}</td>
                  <td>{i.stats.latestPeriod ?? '–'}</td>
                  <td>{n(i.stats.measurements)}</td>
                  <td>{n(i.stats.targets)}</td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
    </>
  );
}
