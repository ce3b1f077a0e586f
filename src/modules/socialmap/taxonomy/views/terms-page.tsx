import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import type { Taxonomy } from '../taxonomy.service.ts';
import type { TermItem } from '../taxonomy.presenter.ts';
import { DataTable } from '../../../../ui/table.tsx';
import { TERM_DESCRIPTION_MAX, TERM_NAME_MAX } from '../../socialmap.schemas.ts';

type Values = { taxonomy_id?: string; name?: string; description?: string; name_en?: string; description_en?: string };

/** The English name and explanation of a term (shown on English pages and by the HSDS API in English). */
function EnglishFields({
  ctx,
  values,
  errors,
}: {
  ctx: ViewContext;
  values?: Values | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="name_en"
        label={t('socialmap.terms.nameEn')}
        hint={t('socialmap.terms.englishHint')}
        value={values?.name_en}
        error={errors?.name_en}
        maxLength={TERM_NAME_MAX}
      />
      <TextField
        name="description_en"
        label={t('socialmap.terms.descriptionEn')}
        value={values?.description_en}
        error={errors?.description_en}
        maxLength={TERM_DESCRIPTION_MAX}
      />
    </>
  );
}

/** Coordinators: the categories (taxonomies and terms) of the social map, with a form to add a term. */
export function TermsPage({
  ctx,
  slug,
  taxonomies,
  terms,
  errors,
  values,
  canImport,
}: {
  ctx: ViewContext;
  slug: string;
  taxonomies: Taxonomy[];
  terms: TermItem[];
  /** The viewer may import HSDS files (coordinators): only then the page links to the import. */
  canImport: boolean;
  errors?: Record<string, string>;
  values?: Values;
}) {
  const { t } = ctx;
  // The taxonomy's own English name on English pages ("Basic functions"), else its Dutch name.
  const taxName = (tax: Taxonomy): string => (ctx.locale === 'en' && tax.name_en ? tax.name_en : tax.name);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.terms.title')}</h1>
      <p class="utrecht-paragraph">{t('socialmap.terms.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/sociale-kaart/beheer/zoekwoorden`}>
          {t('socialmap.synonyms.title')}
        </a>
      </p>
      {taxonomies.map((tax) => (
        <section aria-labelledby={`tax-${tax.id}`}>
          <h2 class="utrecht-heading-2" id={`tax-${tax.id}`}>
            {taxName(tax)}
          </h2>
          <DataTable
            class="utrecht-table"
            caption={taxName(tax)}
            columns={[
              t('socialmap.terms.name'),
              t('socialmap.terms.nameEn'),
              t('socialmap.terms.description'),
              t('socialmap.terms.code'),
              t('socialmap.terms.actions'),
            ]}
          >
            {terms
              .filter((term) => term.taxonomyId === tax.id)
              .map((term) => (
                <tr>
                  <td>{term.name}</td>
                  <td lang="en">{term.nameEn ?? ''}</td>
                  <td>{term.description}</td>
                  <td>{term.code ?? ''}</td>
                  <td>
                    <a class="utrecht-link" href={`/${slug}/sociale-kaart/beheer/categorieen/${term.id}`}>
                      {t('socialmap.terms.edit')}
                      <span class="visually-hidden"> {term.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
      <h2 class="utrecht-heading-2">{t('socialmap.terms.add')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/sociale-kaart/beheer/categorieen`} label={t('socialmap.terms.add')}>
        <SelectField
          name="taxonomy_id"
          label={t('socialmap.terms.taxonomy')}
          value={values?.taxonomy_id}
          error={errors?.taxonomy_id}
          options={taxonomies.map((x) => ({ value: x.id, label: taxName(x) }))}
        />
        <TextField name="name" label={t('socialmap.terms.name')} value={values?.name} error={errors?.name} maxLength={TERM_NAME_MAX} />
        <TextField
          name="description"
          label={t('socialmap.terms.description')}
          value={values?.description}
          error={errors?.description}
          maxLength={TERM_DESCRIPTION_MAX}
        />
        <EnglishFields ctx={ctx} values={values} errors={errors} />
        <SubmitButton>{t('socialmap.terms.addSubmit')}</SubmitButton>
      </Form>
      {canImport && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/${slug}/sociale-kaart/beheer/import`}>
            {t('socialmap.import.title')}
          </a>
        </p>
      )}
    </>
  );
}

/** Coordinators: rename or re-describe one term. */
export function TermEditPage({
  ctx,
  slug,
  term,
  errors,
  values,
}: {
  ctx: ViewContext;
  slug: string;
  term: TermItem;
  errors?: Record<string, string>;
  values?: Values;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.terms.editTitle', { name: term.name })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form
        ctx={ctx}
        action={`/${slug}/sociale-kaart/beheer/categorieen/${term.id}`}
        label={t('socialmap.terms.editTitle', { name: term.name })}
      >
        <TextField
          name="name"
          label={t('socialmap.terms.name')}
          value={values?.name ?? term.name}
          error={errors?.name}
          maxLength={TERM_NAME_MAX}
        />
        <TextField
          name="description"
          label={t('socialmap.terms.description')}
          value={values?.description ?? term.description}
          error={errors?.description}
          maxLength={TERM_DESCRIPTION_MAX}
        />
        <EnglishFields
          ctx={ctx}
          values={{ name_en: values?.name_en ?? term.nameEn ?? '', description_en: values?.description_en ?? term.descriptionEn ?? '' }}
          errors={errors}
        />
        <SubmitButton>{t('socialmap.terms.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/sociale-kaart/beheer/categorieen`}>
          {t('socialmap.terms.back')}
        </a>
      </p>
    </>
  );
}
