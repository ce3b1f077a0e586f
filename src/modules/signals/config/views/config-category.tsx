/** Settings pages: one category (edit, delete) with its extra questions (list, move, remove, add, edit). */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { CategoryQuestion, Category, CategoryGroup } from '../categories.presenter.ts';
import { Checkbox, TextArea } from '../../views/parts.tsx';
import { ButtonForm, Saved, Section } from './config-parts.tsx';
import { CategoryFields, type FormValues } from './config-categories.tsx';
import { MAX_DESCRIPTION, MAX_KEY, MAX_LABEL, MAX_OPTION, MAX_OPTIONS_INPUT } from '../config.schemas.ts';

/** Form values of an existing category. */
export function categoryValues(c: Category): FormValues {
  return {
    name: c.name,
    description: c.description,
    nameEn: c.nameEn,
    descriptionEn: c.descriptionEn,
    groupId: c.groupId,
    deadlineDays: String(c.deadlineDays),
    position: String(c.position),
    sensitive: c.sensitive ? '1' : '',
    active: c.active ? '1' : '',
  };
}

/** Form values of an existing question. */
export function questionValues(q: CategoryQuestion): FormValues {
  return {
    key: q.key,
    label: q.label,
    type: q.type,
    required: q.required ? '1' : '',
    options: (q.options ?? []).join('\n'),
    hardStopAnswer: q.hardStop?.answer ?? '',
    hardStopMessage: q.hardStop?.message ?? '',
    labelEn: q.labelEn ?? '',
    optionsEn: (q.optionsEn ?? []).join('\n'),
  };
}

function QuestionFields({
  ctx,
  values,
  errors,
  keyEditable,
}: {
  ctx: ViewContext;
  values: FormValues;
  errors?: FieldErrors | undefined;
  keyEditable: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="label"
        label={t('signals.config.q.label')}
        hint={t('signals.config.q.label.hint')}
        value={values.label}
        error={errors?.label}
        required
        maxLength={MAX_LABEL}
      />
      {keyEditable ? (
        <TextField
          name="key"
          label={t('signals.config.q.key')}
          hint={t('signals.config.q.key.hint')}
          value={values.key}
          error={errors?.key}
          required
          maxLength={MAX_KEY}
        />
      ) : (
        <p class="utrecht-paragraph">
          {t('signals.config.q.keyFixed')} <code>{values.key}</code>
        </p>
      )}
      <SelectField
        name="type"
        label={t('signals.config.q.type')}
        value={values.type ?? 'text'}
        error={errors?.type}
        options={(['text', 'select', 'yesno'] as const).map((v) => ({ value: v, label: t(`signals.config.q.type.${v}`) }))}
      />
      <Checkbox name="required" label={t('signals.config.q.required')} checked={values.required === '1'} />
      <TextArea
        name="options"
        label={t('signals.config.q.options')}
        hint={t('signals.config.q.options.hint')}
        value={values.options}
        error={errors?.options}
        rows={4}
        maxLength={MAX_OPTIONS_INPUT}
      />
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t('signals.config.q.hardStop')}</legend>
        <p class="utrecht-paragraph">{t('signals.config.q.hardStop.intro')}</p>
        <TextField
          name="hardStopAnswer"
          label={t('signals.config.q.hardStopAnswer')}
          hint={t('signals.config.q.hardStopAnswer.hint')}
          value={values.hardStopAnswer}
          error={errors?.hardStopAnswer}
          maxLength={MAX_OPTION}
        />
        <TextArea
          name="hardStopMessage"
          label={t('signals.config.q.hardStopMessage')}
          hint={t('signals.config.q.hardStopMessage.hint')}
          value={values.hardStopMessage}
          error={errors?.hardStopMessage}
          rows={2}
          maxLength={MAX_DESCRIPTION}
        />
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">{t('signals.config.q.english')}</legend>
        <p class="utrecht-paragraph">{t('signals.config.q.english.intro')}</p>
        <TextField
          name="labelEn"
          label={t('signals.config.q.labelEn')}
          value={values.labelEn}
          error={errors?.labelEn}
          maxLength={MAX_LABEL}
        />
        <TextArea
          name="optionsEn"
          label={t('signals.config.q.optionsEn')}
          hint={t('signals.config.q.optionsEn.hint')}
          value={values.optionsEn}
          error={errors?.optionsEn}
          rows={4}
          maxLength={MAX_OPTIONS_INPUT}
        />
      </fieldset>
    </>
  );
}

function QuestionTable({ ctx, base, questions }: { ctx: ViewContext; base: string; questions: readonly CategoryQuestion[] }) {
  const { t } = ctx;
  if (questions.length === 0) return <p class="utrecht-paragraph">{t('signals.config.q.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('signals.config.q.caption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {(['label', 'key', 'type', 'required', 'hardStop', 'actions'] as const).map((c) => (
              <th class="utrecht-table__header-cell" scope="col">
                {t(`signals.config.q.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {questions.map((q, i) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {q.label}
              </th>
              <td class="utrecht-table__cell">
                <code>{q.key}</code>
              </td>
              <td class="utrecht-table__cell">
                {t(`signals.config.q.type.${q.type}`)}
                {q.options?.length ? ` (${q.options.join(', ')})` : ''}
              </td>
              <td class="utrecht-table__cell">{q.required ? t('signals.config.yes') : t('signals.config.no')}</td>
              <td class="utrecht-table__cell">
                {q.hardStop ? t('signals.config.q.hardStopShort', { answer: q.hardStop.answer }) : t('signals.config.no')}
              </td>
              <td class="utrecht-table__cell">
                <div class="sm-actions">
                  <a class="utrecht-link" href={`${base}/vragen/${q.key}`}>
                    {t('signals.config.q.edit', { label: q.label })}
                  </a>
                  {i > 0 && (
                    <ButtonForm ctx={ctx} action={`${base}/vragen/${q.key}/omhoog`} label={t('signals.config.up', { name: q.label })} />
                  )}
                  {i < questions.length - 1 && (
                    <ButtonForm ctx={ctx} action={`${base}/vragen/${q.key}/omlaag`} label={t('signals.config.down', { name: q.label })} />
                  )}
                  <ButtonForm
                    ctx={ctx}
                    action={`${base}/vragen/${q.key}/verwijderen`}
                    label={t('signals.config.remove', { name: q.label })}
                  />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One category: its settings form, delete, and its questions. */
export function CategoryPage(props: {
  ctx: ViewContext;
  slug: string;
  category: Category;
  groups: CategoryGroup[];
  signalCount: number;
  values: FormValues;
  errors?: FieldErrors | undefined;
  questionValues: FormValues;
  questionErrors?: FieldErrors | undefined;
  saved: boolean;
}) {
  const { ctx, slug, category, groups, signalCount } = props;
  const { t } = ctx;
  const base = `/${slug}/beheer/meldingen/categorieen/${category.id}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.category.title', { name: category.name })}</h1>
      <Saved show={props.saved} text={t('signals.config.saved')} />
      <dl>
        <dt>{t('signals.config.field.serviceCode')}</dt>
        <dd>
          <code>{category.serviceCode}</code>
        </dd>
        <dt>{t('signals.config.col.signals')}</dt>
        <dd>{signalCount}</dd>
      </dl>
      <p class="utrecht-paragraph">{t('signals.config.serviceCode.fixed')}</p>
      <Section id="instellingen" title={t('signals.config.category.settings')}>
        <ErrorSummary ctx={ctx} errors={props.errors} />
        <Form ctx={ctx} action={base} label={t('signals.config.category.settings')}>
          <CategoryFields ctx={ctx} groups={groups} values={props.values} errors={props.errors} isNew={false} />
          <SubmitButton>{t('signals.config.category.save')}</SubmitButton>
        </Form>
      </Section>
      <Section id="vragen" title={t('signals.config.q.title')}>
        <p class="utrecht-paragraph">{t('signals.config.q.intro')}</p>
        <QuestionTable ctx={ctx} base={base} questions={category.questions} />
      </Section>
      <Section id="nieuwe-vraag" title={t('signals.config.q.new')}>
        <ErrorSummary ctx={ctx} errors={props.questionErrors} />
        <Form ctx={ctx} action={`${base}/vragen`} label={t('signals.config.q.new')}>
          <QuestionFields ctx={ctx} values={props.questionValues} errors={props.questionErrors} keyEditable />
          <SubmitButton>{t('signals.config.q.add')}</SubmitButton>
        </Form>
      </Section>
      <Section id="verwijderen" title={t('signals.config.category.delete')}>
        <p class="utrecht-paragraph">
          {signalCount > 0 ? t('signals.config.category.deleteInUse', { n: signalCount }) : t('signals.config.category.deleteIntro')}
        </p>
        {signalCount === 0 && (
          <ButtonForm ctx={ctx} action={`${base}/verwijderen`} label={t('signals.config.category.deleteButton', { name: category.name })} />
        )}
      </Section>
    </>
  );
}

/** Edit one question (its key stays). */
export function QuestionPage({
  ctx,
  slug,
  category,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  category: Category;
  values: FormValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/meldingen/categorieen/${category.id}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.q.editTitle', { name: category.name })}</h1>
      <p class="utrecht-paragraph">{t('signals.config.q.keyWhy')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`${base}/vragen/${values.key}`} label={t('signals.config.q.editTitle', { name: category.name })}>
        <QuestionFields ctx={ctx} values={values} errors={errors} keyEditable={false} />
        <SubmitButton>{t('signals.config.q.save')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}#vragen`}>
          {t('signals.config.back', { name: category.name })}
        </a>
      </p>
    </>
  );
}
