import { formatNumber } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { SelectField } from '../../../../ui/form.tsx';
import { CATEGORIES } from '../../categories.ts';
import { PERIODS, type Dashboard, type DashboardFigures } from '../dashboard.ts';
import { categoryLabel } from '../../views/parts.tsx';
import { DataTable } from '../../../../ui/table.tsx';

function hoursText(ctx: ViewContext, h: number | null): string {
  if (h === null) return ctx.t('helpmatch.engine.dash.none');
  return ctx.t('helpmatch.engine.dash.hoursValue', { hours: formatNumber(ctx.locale, h, h < 10 ? 1 : 0) });
}
function pctText(ctx: ViewContext, x: number | null): string {
  return x === null ? ctx.t('helpmatch.engine.dash.none') : `${formatNumber(ctx.locale, Math.round(x * 100))}%`;
}

/** The key figures of one selection as a two-column table. */
function FiguresTable({ ctx, f, caption }: { ctx: ViewContext; f: DashboardFigures; caption: string }) {
  const { t } = ctx;
  const n = (x: number) => formatNumber(ctx.locale, x);
  const rows = [
    ['requests', n(f.requests)],
    ['openUnder7', n(f.openByAge.under7)],
    ['open7to30', n(f.openByAge.from7to30)],
    ['openOver30', n(f.openByAge.over30)],
    ['toReply', hoursText(ctx, f.medianHoursToFirstReply)],
    ['toMatch', hoursText(ctx, f.medianHoursToMatch)],
    ['within7', pctText(ctx, f.matchedWithin7Days)],
    ['replies', n(f.replies)],
    ['matches', n(f.matches)],
    ['perReply', pctText(ctx, f.matchesPerReply)],
    ['hours', formatNumber(ctx.locale, f.hours, 1)],
    ['activeOffers', n(f.activeOffers)],
    ['activeVolunteers', n(f.activeVolunteers)],
    ['gini', formatNumber(ctx.locale, f.gini, 2)],
  ] as const;
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('helpmatch.engine.dash.figure')}</th>
          <th scope="col">{t('helpmatch.engine.dash.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row">{t(`helpmatch.engine.dash.${k}`)}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The coordinator dashboard: filter form, key figures, matches by kind and subject, and one row per area below. */
export function DashboardPage({
  ctx,
  slug,
  dashboard,
  areaOptions,
  areaCode,
  query,
}: {
  ctx: ViewContext;
  slug: string;
  dashboard: Dashboard;
  areaOptions: { value: string; label: string }[];
  areaCode: string;
  query: string;
}) {
  const { t } = ctx;
  const f = dashboard.selection.figures;
  const n = (x: number) => formatNumber(ctx.locale, x);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.dash.title')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.engine.dash.intro')}</p>
      <form method="get" action={`/${slug}/hulp/dashboard`} class="form" aria-label={t('helpmatch.engine.dash.filter')}>
        <SelectField name="gebied" label={t('helpmatch.engine.dash.area')} options={areaOptions} value={areaCode} />
        <SelectField
          name="periode"
          label={t('helpmatch.engine.dash.period')}
          options={PERIODS.map((p) => ({ value: String(p), label: t('helpmatch.engine.dash.periodDays', { days: p }) }))}
          value={String(dashboard.period)}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('helpmatch.engine.dash.show')}
        </button>
      </form>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`/${slug}/hulp/dashboard.csv${query}`}>
            {t('helpmatch.engine.dash.csv')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/${slug}/hulp/suggesties`}>
            {t('helpmatch.engine.suggest.listTitle')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/${slug}/hulp/batch`}>
            {t('helpmatch.engine.batch.title')}
          </a>
        </li>
      </ul>
      <section class="section" aria-labelledby="dash-figures">
        <h2 class="utrecht-heading-2" id="dash-figures">
          {t('helpmatch.engine.dash.figures', { name: dashboard.selection.name })}
        </h2>
        <div class="table-scroll">
          <FiguresTable ctx={ctx} f={f} caption={t('helpmatch.engine.dash.figures', { name: dashboard.selection.name })} />
        </div>
      </section>
      <section class="section" aria-labelledby="dash-type">
        <h2 class="utrecht-heading-2" id="dash-type">
          {t('helpmatch.engine.dash.byType')}
        </h2>
        <table class="data-table">
          <caption class="visually-hidden">{t('helpmatch.engine.dash.byType')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('helpmatch.engine.dash.kind')}</th>
              <th scope="col">{t('helpmatch.engine.dash.count')}</th>
            </tr>
          </thead>
          <tbody>
            {(['latent', 'incidental', 'structural'] as const).map((k) => (
              <tr>
                <th scope="row">{t(`helpmatch.engine.helpType.${k}`)}</th>
                <td>{n(f.matchesByHelpType[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="section" aria-labelledby="dash-category">
        <h2 class="utrecht-heading-2" id="dash-category">
          {t('helpmatch.engine.dash.byCategory')}
        </h2>
        <table class="data-table">
          <caption class="visually-hidden">{t('helpmatch.engine.dash.byCategory')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('helpmatch.engine.dash.category')}</th>
              <th scope="col">{t('helpmatch.engine.dash.count')}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr>
                <th scope="row">{categoryLabel(ctx, c)}</th>
                <td>{n(f.matchesByCategory[c] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="section" aria-labelledby="dash-areas">
        <h2 class="utrecht-heading-2" id="dash-areas">
          {t('helpmatch.engine.dash.perArea')}
        </h2>
        {dashboard.rows.length === 0 ? (
          <p class="utrecht-paragraph">{t('helpmatch.engine.dash.noAreas')}</p>
        ) : (
          <DataTable
            caption={t('helpmatch.engine.dash.perArea')}
            columns={[
              t('helpmatch.engine.dash.areaName'),
              t('helpmatch.engine.dash.requests'),
              t('helpmatch.engine.dash.matches'),
              t('helpmatch.engine.dash.within7'),
              t('helpmatch.engine.dash.toMatch'),
              t('helpmatch.engine.dash.hours'),
              t('helpmatch.engine.dash.activeVolunteers'),
              'Gini',
            ]}
          >
            {dashboard.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a class="utrecht-link" href={`/${slug}/hulp/dashboard?gebied=${r.code}&periode=${dashboard.period}`}>
                    {r.name}
                  </a>
                </th>
                <td>{n(r.figures.requests)}</td>
                <td>{n(r.figures.matches)}</td>
                <td>{pctText(ctx, r.figures.matchedWithin7Days)}</td>
                <td>{hoursText(ctx, r.figures.medianHoursToMatch)}</td>
                <td>{formatNumber(ctx.locale, r.figures.hours, 1)}</td>
                <td>{n(r.figures.activeVolunteers)}</td>
                <td>{formatNumber(ctx.locale, r.figures.gini, 2)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
