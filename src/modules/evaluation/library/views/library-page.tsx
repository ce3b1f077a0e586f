import type { ViewContext } from '../../../../ui/context.ts';
import { tenantPath } from '../../../../ui/context.ts';
import { SelectField, TextField } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { FUNCTIONS, LEVELS, type SearchQuery } from '../library.schemas.ts';
import type { CardView } from '../library.presenter.ts';

export interface LibraryPageModel {
  cards: CardView[];
  query: SearchQuery;
  /** Target groups to choose from (of the cards the visitor can see). */
  targetGroups: string[];
  canManage: boolean;
  canImport: boolean;
}

/** The library: a search form that works without JavaScript (GET), the cards found, the JSON download. */
export function LibraryPage({ ctx, model, notice }: { ctx: ViewContext; model: LibraryPageModel; notice?: MessageKey | null }) {
  const { t } = ctx;
  const q = model.query;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('evaluation.library.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('evaluation.library.intro')}</p>
      {(model.canManage || model.canImport) && (
        <ul class="utrecht-unordered-list">
          {model.canManage && (
            <li>
              <a class="utrecht-link" href={tenantPath(ctx, '/beheer/wat-werkt/nieuw')}>
                {t('evaluation.library.new')}
              </a>
            </li>
          )}
          {model.canImport && (
            <li>
              <a class="utrecht-link" href={tenantPath(ctx, '/beheer/wat-werkt/import')}>
                {t('evaluation.library.importLink')}
              </a>
            </li>
          )}
        </ul>
      )}
      <form
        method="get"
        action={tenantPath(ctx, '/wat-werkt')}
        class="form"
        role="search"
        aria-label={t('evaluation.library.search.legend')}
      >
        <TextField name="q" type="search" label={t('evaluation.library.search.q')} value={q.q} maxLength={200} />
        <SelectField
          name="functie"
          label={t('evaluation.library.search.function')}
          value={q.functie ?? ''}
          options={[
            { value: '', label: t('evaluation.library.search.anyFunction') },
            ...FUNCTIONS.map((f) => ({ value: f, label: t(`evaluation.library.function.${f}`) })),
          ]}
        />
        <SelectField
          name="doelgroep"
          label={t('evaluation.library.search.targetGroup')}
          value={q.doelgroep}
          options={[
            { value: '', label: t('evaluation.library.search.anyTargetGroup') },
            ...model.targetGroups.map((g) => ({ value: g, label: g })),
          ]}
        />
        <SelectField
          name="niveau"
          label={t('evaluation.library.search.level')}
          value={q.niveau ?? ''}
          options={[
            { value: '', label: t('evaluation.library.search.anyLevel') },
            ...LEVELS.map((l) => ({ value: l, label: t(`evaluation.library.level.${l}`) })),
          ]}
        />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {t('evaluation.library.search.submit')}
        </button>
      </form>
      <h2 class="utrecht-heading-2" id="found">
        {t('evaluation.library.search.count', { count: model.cards.length })}
      </h2>
      {model.cards.length === 0 ? (
        <p class="utrecht-paragraph">{t('evaluation.library.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list library-cards" aria-labelledby="found">
          {model.cards.map((c) => (
            <li>
              <a class="utrecht-link" href={tenantPath(ctx, `/wat-werkt/${c.slug}`)}>
                {c.title}
              </a>
              {!c.published && <strong> ({t('evaluation.library.draft')})</strong>}
              <br />
              {[c.where, c.functions.join(', '), c.level].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={tenantPath(ctx, '/wat-werkt.json')} download>
          {t('evaluation.library.exportAll')}
        </a>
      </p>
    </>
  );
}
