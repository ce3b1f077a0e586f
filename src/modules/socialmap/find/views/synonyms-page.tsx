import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import { SYNONYM_ALTERNATIVES_MAX, SYNONYM_WORD_MAX, type Synonym } from '../find.synonyms.service.ts';

export interface SynonymValues {
  word?: string | undefined;
  alternatives?: string | undefined;
}

function Fields({
  ctx,
  values,
  errors,
}: {
  ctx: ViewContext;
  values?: SynonymValues | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="word"
        label={t('socialmap.synonyms.word')}
        hint={t('socialmap.synonyms.wordHint')}
        value={values?.word}
        error={errors?.word}
        maxLength={SYNONYM_WORD_MAX}
      />
      <TextField
        name="alternatives"
        label={t('socialmap.synonyms.alternatives')}
        hint={t('socialmap.synonyms.alternativesHint')}
        value={values?.alternatives}
        error={errors?.alternatives}
        maxLength={SYNONYM_ALTERNATIVES_MAX}
      />
    </>
  );
}

/** Coordinators: the municipality's search words ("koffie" also finds "inloop"), with a form to add one. */
export function SynonymsPage({
  ctx,
  base,
  synonyms,
  notice,
  errors,
  values,
}: {
  ctx: ViewContext;
  /** `/{tenant}/sociale-kaart/beheer/zoekwoorden`. */
  base: string;
  synonyms: Synonym[];
  notice?: MessageKey | null;
  errors?: Record<string, string> | undefined;
  values?: SynonymValues | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.synonyms.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('socialmap.synonyms.intro')}</p>
      {synonyms.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.synonyms.none')}</p>
      ) : (
        <DataTable
          class="utrecht-table"
          caption={t('socialmap.synonyms.title')}
          columns={[t('socialmap.synonyms.word'), t('socialmap.synonyms.alternatives'), t('socialmap.synonyms.actions')]}
        >
          {synonyms.map((s) => (
            <tr>
              <td>{s.word}</td>
              <td>{s.alternatives.join(', ')}</td>
              <td>
                <a class="utrecht-link" href={`${base}/${s.id}`}>
                  {t('socialmap.synonyms.edit')}
                  <span class="visually-hidden"> {s.word}</span>
                </a>
                <Form ctx={ctx} action={`${base}/${s.id}/weghalen`} label={`${t('socialmap.synonyms.delete')} ${s.word}`}>
                  <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    {t('socialmap.synonyms.delete')}
                    <span class="visually-hidden"> {s.word}</span>
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="utrecht-heading-2">{t('socialmap.synonyms.add')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={base} label={t('socialmap.synonyms.add')}>
        <Fields ctx={ctx} values={values} errors={errors} />
        <SubmitButton>{t('socialmap.synonyms.addSubmit')}</SubmitButton>
      </Form>
    </>
  );
}

/** Coordinators: change one search word. */
export function SynonymEditPage({
  ctx,
  base,
  synonym,
  errors,
  values,
}: {
  ctx: ViewContext;
  base: string;
  synonym: Synonym;
  errors?: Record<string, string> | undefined;
  values?: SynonymValues | undefined;
}) {
  const { t } = ctx;
  const title = t('socialmap.synonyms.editTitle', { word: synonym.word });
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`${base}/${synonym.id}`} label={title}>
        <Fields
          ctx={ctx}
          values={{ word: values?.word ?? synonym.word, alternatives: values?.alternatives ?? synonym.alternatives.join(', ') }}
          errors={errors}
        />
        <SubmitButton>{t('socialmap.synonyms.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('socialmap.synonyms.back')}
        </a>
      </p>
    </>
  );
}
