import { inLocale } from '../../config/categories.presenter.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { formatDay } from '../../dates.ts';
import type { Category } from '../../config/categories.presenter.ts';
import { filterQueryString, MAX_FILTER_NAME, type ListPage, type ListQuery, type SavedFilter } from '../list.service.ts';
import { SIGNAL_STATES } from '../../workflow.ts';
import { SignalMap, type SignalMapDrawing } from './list-map.tsx';

interface Props {
  ctx: ViewContext;
  slug: string;
  query: ListQuery;
  page: ListPage;
  categories: Category[];
  organisations: { id: string; name: string }[];
  orgNames: ReadonlyMap<string, string>;
  saved: SavedFilter[];
  map: SignalMapDrawing | null | undefined;
  exportLimit: number;
  now: Date;
  /** Wijken and buurten by name, for the area filter and column (codes are for machines). */
  areas: readonly { code: string; name: string; level: 'district' | 'neighbourhood' }[];
}

/** How many filters differ from the default (open signals, everything else all). */
function activeFilters(q: ListQuery): number {
  return (q.status !== 'open' ? 1 : 0) + (['categorie', 'gebied', 'organisatie', 'telaat', 'gevoelig'] as const).filter((k) => q[k]).length;
}

/** The list for professionals and coordinators: GET filters, list or map, paging, CSV export and saved filters (works without JavaScript). */
export function SignalListPage(p: Props) {
  const { ctx, slug, query } = p;
  const { t } = ctx;
  const base = `/${slug}/meldingen/behandelen`;
  const filterQs = filterQueryString(query);
  const viewHref = (weergave: 'lijst' | 'kaart') => `${base}?${filterQs}${weergave === 'kaart' ? '&weergave=kaart' : ''}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.list.title')}</h1>
      <nav aria-label={t('signals.list.views')}>
        <ul class="utrecht-unordered-list list-views">
          {(['lijst', 'kaart'] as const).map((v) => (
            <li>
              <a class="utrecht-link" href={viewHref(v)} aria-current={query.weergave === v ? 'page' : undefined}>
                {t(`signals.list.view.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FilterForm {...p} base={base} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/export.csv?${filterQs}`}>
          {t('signals.list.export.link')}
        </a>{' '}
        {t('signals.list.export.hint', { n: p.exportLimit.toLocaleString('nl-NL') })}
      </p>
      <h2 class="utrecht-heading-2" id="resultaten">
        {p.page.more
          ? t('signals.list.resultsMore', { n: p.page.total.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'nl-NL') })
          : p.page.total === 1
            ? t('signals.list.result.one')
            : t('signals.list.results', { n: p.page.total })}
      </h2>
      {query.weergave === 'kaart' && (
        <section aria-labelledby="kaart-titel">
          <h3 class="utrecht-heading-3" id="kaart-titel">
            {t('signals.list.map.heading')}
          </h3>
          <p class="utrecht-paragraph">{t('signals.list.map.explain')}</p>
          <SignalMap ctx={ctx} slug={slug} drawing={p.map ?? null} />
          {p.map && p.map.missing > 0 && <p class="utrecht-paragraph">{t('signals.list.map.missing', { n: p.map.missing })}</p>}
        </section>
      )}
      <ResultTable {...p} base={base} />
      <Pager {...p} base={base} filterQs={filterQs} />
      <SavedFilters {...p} base={base} />
    </>
  );
}

/** The filters, folded in a disclosure (open when a filter is chosen): the list comes first. Works without JavaScript. */
function FilterForm({ ctx, query, categories, organisations, areas, base }: Props & { base: string }) {
  const { t } = ctx;
  const all = { value: '', label: t('signals.list.all') };
  const active = activeFilters(query);
  return (
    <details class="list-filters" open={active > 0 ? true : undefined}>
      <summary>{active > 0 ? t('signals.list.filtersActive', { n: active }) : t('signals.list.filtersSummary')}</summary>
      <form method="get" action={base} class="form" aria-label={t('signals.list.filters')}>
        <SelectField
          name="status"
          label={t('signals.list.state')}
          value={query.status}
          options={[
            { value: 'open', label: t('signals.list.allOpen') },
            all,
            ...SIGNAL_STATES.map((s) => ({ value: s, label: t(`signals.state.${s}`) })),
          ]}
        />
        <SelectField
          name="categorie"
          label={t('signals.list.category')}
          value={query.categorie}
          options={[all, ...categories.map((c) => ({ value: c.serviceCode, label: c.name }))]}
        />
        <SelectField
          name="gebied"
          label={t('signals.list.area')}
          hint={t('signals.list.areaHint')}
          value={query.gebied}
          options={[
            all,
            ...areas.map((a) => ({
              value: a.code,
              label: t(a.level === 'district' ? 'signals.list.areaWijk' : 'signals.list.areaBuurt', { name: a.name }),
            })),
          ]}
        />
        <SelectField
          name="organisatie"
          label={t('signals.list.organisation')}
          value={query.organisatie}
          options={[all, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          name="telaat"
          label={t('signals.list.overdue')}
          value={query.telaat}
          options={[all, { value: '1', label: t('signals.list.overdueOnly') }]}
        />
        <SelectField
          name="gevoelig"
          label={t('signals.list.sensitive')}
          value={query.gevoelig}
          options={[all, { value: 'ja', label: t('signals.list.sensitiveYes') }, { value: 'nee', label: t('signals.list.sensitiveNo') }]}
        />
        {query.weergave === 'kaart' && <input type="hidden" name="weergave" value="kaart" />}
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.list.filter')}
        </button>
      </form>
    </details>
  );
}

function SavedFilters({ ctx, query, saved, base }: Props & { base: string }) {
  const { t } = ctx;
  return (
    <details class="list-saved-filters" open={saved.length > 0 ? true : undefined}>
      <summary>{t('signals.list.saved.fold')}</summary>
      <section aria-labelledby="bewaarde-filters">
        <h2 class="utrecht-heading-2" id="bewaarde-filters">
          {t('signals.list.saved.title')}
        </h2>
        {saved.length === 0 ? (
          <p class="utrecht-paragraph">{t('signals.list.saved.none')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {saved.map((s) => (
              <li>
                <a class="utrecht-link" href={`${base}?${s.query}`}>
                  {s.name}
                </a>{' '}
                <Form ctx={ctx} action={`${base}/filters/${s.id}/verwijderen`}>
                  <button type="submit" class="utrecht-button utrecht-button--subtle">
                    {t('signals.list.saved.delete', { name: s.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form ctx={ctx} action={`${base}/filters`} label={t('signals.list.saved.save')}>
          {(['status', 'categorie', 'gebied', 'organisatie', 'telaat', 'gevoelig'] as const).map((k) => (
            <input type="hidden" name={k} value={query[k]} />
          ))}
          <TextField name="name" label={t('signals.list.saved.name')} hint={t('signals.list.saved.nameHint')} maxLength={MAX_FILTER_NAME} />
          <SubmitButton>{t('signals.list.saved.save')}</SubmitButton>
        </Form>
      </section>
    </details>
  );
}

function ResultTable({ ctx, slug, page, orgNames, now, areas }: Props & { base: string }) {
  const { t, locale } = ctx;
  const areaName = (code: string | null) => (code ? (areas.find((a) => a.code === code)?.name ?? code) : null);
  if (page.rows.length === 0) return <p class="utrecht-paragraph">{t('signals.list.none')}</p>;
  const head = ['number', 'category', 'state', 'area', 'organisation', 'deadline'] as const;
  return (
    <div class="table-scroll">
      <table class="utrecht-table data-table">
        <caption class="utrecht-table__caption">
          {t(page.first ? 'signals.list.captionFirst' : 'signals.list.captionPage', { n: page.rows.length })}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {t(`signals.list.col.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {page.rows.map((r) => {
            // Overdue: a red bar and the words "te laat", never colour alone.
            const late = !!r.deadlineAt && !r.closed && r.deadlineAt < now;
            return (
              <tr class={`utrecht-table__row${late ? ' signals-overdue' : ''}`}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`/${slug}/meldingen/behandelen/${r.publicId}`}>
                    {r.publicId}
                  </a>
                </td>
                <td class="utrecht-table__cell">
                  {inLocale(ctx.locale, r.categoryName, r.categoryNameEn)}
                  {r.sensitive ? ` (${t('signals.list.sensitiveShort')})` : ''}
                </td>
                <td class="utrecht-table__cell">{t(`signals.state.${r.state}`)}</td>
                <td class="utrecht-table__cell">{areaName(r.buurtCode) ?? areaName(r.wijkCode) ?? '—'}</td>
                <td class="utrecht-table__cell">{(r.organisationId && orgNames.get(r.organisationId)) || '—'}</td>
                <td class="utrecht-table__cell">
                  {r.deadlineAt ? formatDay(locale, r.deadlineAt) : '—'}
                  {late && <strong class="signals-late"> ({t('signals.list.late')})</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Page links by cursor (keyset): newest (first page), previous (newer) and next (older); works without JavaScript. */
function Pager({ ctx, query, page, base, filterQs }: Props & { base: string; filterQs: string }) {
  const { t } = ctx;
  if (page.first && !page.next) return null;
  const href = (cursor: { na?: string; voor?: string }) => {
    const extra = new URLSearchParams(cursor as Record<string, string>).toString();
    return `${base}?${filterQs}${query.weergave === 'kaart' ? '&weergave=kaart' : ''}${extra ? `&${extra}` : ''}`;
  };
  return (
    <nav class="sm-pager" aria-label={t('signals.list.pages')}>
      <ul class="utrecht-unordered-list list-pages">
        {!page.first && (
          <li>
            <a class="utrecht-link" href={href({})}>
              {t('signals.list.firstPage')}
            </a>
          </li>
        )}
        {page.prev && (
          <li>
            <a class="utrecht-link" href={href({ voor: page.prev })} rel="prev">
              {t('signals.list.prev')}
            </a>
          </li>
        )}
        {page.next && (
          <li>
            <a class="utrecht-link" href={href({ na: page.next })} rel="next">
              {t('signals.list.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
