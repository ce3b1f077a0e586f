import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import type { FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { actionsPath, cardFromActionPath, cardPath, overviewPath } from '../../overview/overview.paths.ts';
import { ANGLES, type Angle } from '../actions.schemas.ts';
import type { ActionTable as Model, ActionView } from '../actions.service.ts';
import { ActionForm, EMPTY_ACTION, type ActionFormValues } from './action-form.tsx';

export interface ActionTablePageProps {
  ctx: ViewContext;
  slug: string;
  model: Model;
  notice?: MessageKey | null;
  add?: { values: ActionFormValues; errors?: FieldErrors } | undefined;
}

/** "B, V" with the full names for screen readers (the letters are the source's columns). */
export function AngleList({ ctx, angles }: { ctx: ViewContext; angles: readonly Angle[] }) {
  const { t } = ctx;
  if (angles.length === 0) return <>{t('programmes.actions.empty')}</>;
  return <>{angles.map((a) => t(`programmes.actions.angle.${a}`)).join(', ')}</>;
}

/** The rows as one table (the same table prints); links to the card or to the new-card form. */
export function ActionRows({
  ctx,
  slug,
  programmeSlug,
  rows,
  caption,
  tools,
}: {
  ctx: ViewContext;
  slug: string;
  programmeSlug: string;
  rows: readonly ActionView[];
  caption: string;
  /** Show the card and edit links (not in the printed programme document). */
  tools?: { canCreateCard: boolean; canManage: boolean } | undefined;
}) {
  const { t, locale } = ctx;
  const empty = t('programmes.actions.empty');
  const cols = [
    t('programmes.actions.col.number'),
    t('programmes.actions.col.targetGroup'),
    t('programmes.actions.col.action'),
    t('programmes.actions.col.initiator'),
    t('programmes.actions.col.planning'),
    t('programmes.actions.col.angles'),
    t('programmes.actions.col.anchoring'),
    ...(tools ? [t('programmes.actions.col.card')] : []),
  ];
  return (
    <div class="table-scroll">
      <table class="data-table data-table--reflow pg-actions">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr id={`actie-${r.number}`}>
              <th scope="row" data-label={cols[0]}>
                {r.number}
              </th>
              <td data-label={cols[1]}>{r.targetGroup || empty}</td>
              <td data-label={cols[2]}>
                {(locale === 'en' && r.actionEn) || r.actionNl}
                {r.flags.map((f) => (
                  <p class="pg-flag">{t('programmes.actions.flag', { text: f })}</p>
                ))}
              </td>
              <td data-label={cols[3]}>{r.initiator || empty}</td>
              <td data-label={cols[4]}>{r.planning || empty}</td>
              <td data-label={cols[5]}>
                <AngleList ctx={ctx} angles={r.angles} />
              </td>
              <td data-label={cols[6]}>
                {r.anchoring.length === 0 ? (
                  empty
                ) : (
                  <ul class="pg-plain-list">
                    {r.anchoring.map((a) => (
                      <li>{a}</li>
                    ))}
                  </ul>
                )}
              </td>
              {tools && (
                <td data-label={cols[7]}>
                  {r.project ? (
                    <a class="utrecht-link" href={cardPath(slug, programmeSlug, r.project.id)}>
                      {t('programmes.actions.cardLink', { number: r.project.number, title: r.project.title })}
                    </a>
                  ) : tools.canCreateCard ? (
                    <a
                      class="utrecht-link pg-noprint"
                      href={cardFromActionPath(slug, programmeSlug, r.id)}
                      aria-label={t('programmes.actions.makeCardFor', { number: r.number })}
                    >
                      {t('programmes.actions.makeCard')}
                    </a>
                  ) : (
                    empty
                  )}
                  {tools.canManage && (
                    <>
                      {' '}
                      <a
                        class="utrecht-link pg-noprint"
                        href={`${actionsPath(slug, programmeSlug)}/${r.id}/wijzigen`}
                        aria-label={t('programmes.actions.editFor', { number: r.number })}
                      >
                        {t('programmes.actions.edit')}
                      </a>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The action table page: the filter (a GET form), the table, and for the coordinator the form to add a row. */
export function ActionTablePage({ ctx, slug, model, notice, add }: ActionTablePageProps) {
  const { t, locale } = ctx;
  const p = model.programme;
  const title = (locale === 'en' && p.titleEn) || p.titleNl;
  const here = actionsPath(slug, p.slug);
  const filtered = model.filter.angle !== undefined || model.filter.anchoring !== undefined;
  const sources = [...new Set(model.rows.map((r) => r.sourceNote).filter((s) => s !== ''))];
  return (
    <div class="pg-doc">
      <h1 class="utrecht-heading-1">{t('programmes.actions.heading', { title })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('programmes.actions.intro')}</p>
      <p class="utrecht-paragraph pg-noprint">{t('programmes.actions.angleHint')}</p>
      <form method="get" action={here} class="form pg-noprint pg-filter" aria-label={t('programmes.actions.filter.title')}>
        <h2 class="utrecht-heading-2">{t('programmes.actions.filter.title')}</h2>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="filter-hoek">
            {t('programmes.actions.filter.angle')}
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="filter-hoek" name="hoek">
            <option value="">{t('programmes.actions.filter.all')}</option>
            {ANGLES.map((a) => (
              <option value={a} selected={model.filter.angle === a}>
                {t(`programmes.actions.angle.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="filter-borging">
            {t('programmes.actions.filter.anchoring')}
          </label>
          <select class="utrecht-select utrecht-select--html-select" id="filter-borging" name="borging">
            <option value="">{t('programmes.actions.filter.all')}</option>
            {model.anchorings.map((a) => (
              <option value={a} selected={model.filter.anchoring === a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('programmes.actions.filter.apply')}
        </button>
        {filtered && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={here}>
              {t('programmes.actions.filter.reset')}
            </a>
          </p>
        )}
      </form>
      <p class="utrecht-paragraph" role="status">
        {t('programmes.actions.filter.count', { shown: model.rows.length, total: model.total })}
      </p>
      {model.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t(model.total === 0 ? 'programmes.actions.none' : 'programmes.actions.noneFiltered')}</p>
      ) : (
        <ActionRows
          ctx={ctx}
          slug={slug}
          programmeSlug={p.slug}
          rows={model.rows}
          caption={t('programmes.actions.caption', { title })}
          tools={{ canCreateCard: model.canCreateCard, canManage: model.canManage }}
        />
      )}
      {sources.map((s) => (
        <p class="utrecht-paragraph pg-source">{t('programmes.actions.source', { note: s })}</p>
      ))}
      <p class="utrecht-paragraph pg-noprint">{t('programmes.actions.print')}</p>
      <p class="utrecht-paragraph pg-noprint">
        <a class="utrecht-link" href={overviewPath(slug, p.slug)}>
          {t('programmes.actions.toOverview')}
        </a>
      </p>
      {model.canManage && (
        <section class="pg-noprint" aria-labelledby="actie-toevoegen">
          <h2 class="utrecht-heading-2" id="actie-toevoegen">
            {t('programmes.actions.add.title')}
          </h2>
          <ActionForm
            ctx={ctx}
            action={here}
            values={add?.values ?? { ...EMPTY_ACTION, number: String(model.nextNumber) }}
            errors={add?.errors}
            submitLabel={t('programmes.actions.form.add')}
            label={t('programmes.actions.add.title')}
          />
        </section>
      )}
    </div>
  );
}
