import type { ViewContext } from '../../../../ui/context.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { FUNCTIONS, LEVELS, LIMITS } from '../library.schemas.ts';
import type { FormValues } from '../library.presenter.ts';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The card form (new, edit, or prefilled from an evaluation); works without JavaScript. */
export function CardForm({
  ctx,
  action,
  heading,
  intro,
  values,
  errors,
}: {
  ctx: ViewContext;
  action: string;
  heading: string;
  intro: string | null;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  const text = (name: string, label: Parameters<typeof t>[0], hint?: string, maxLength: number = LIMITS.short) => (
    <TextField name={name} label={t(label)} hint={hint} value={one(values[name])} error={errors[name]} maxLength={maxLength} />
  );
  const area = (name: string, label: Parameters<typeof t>[0], hint?: string) => (
    <TextAreaField name={name} label={t(label)} hint={hint} value={one(values[name])} error={errors[name]} maxLength={LIMITS.text} />
  );
  return (
    <>
      <h1 class="utrecht-heading-1">{heading}</h1>
      {intro && <p class="utrecht-paragraph">{intro}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={heading}>
        {['evaluatie', 'effectIndicatorCode', 'effectVerdict', 'effectLevel'].map((h) =>
          one(values[h]) ? <input type="hidden" name={h} value={one(values[h])} /> : null,
        )}
        {text('titleNl', 'evaluation.library.form.titleNl', undefined, LIMITS.title)}
        {text('slug', 'evaluation.library.form.slug', t('evaluation.library.form.slugHint'), 80)}
        {area('whatNl', 'evaluation.library.form.whatNl')}
        {area('forWhomNl', 'evaluation.library.form.forWhomNl')}
        {text('whereText', 'evaluation.library.form.whereText')}
        {area('costNl', 'evaluation.library.form.costNl')}
        {text('costEuros', 'evaluation.library.form.costEuros', t('evaluation.library.form.costEurosHint'), 15)}
        {area('effectNl', 'evaluation.library.form.effectNl', t('evaluation.library.form.effectHint'))}
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{t('evaluation.library.form.numbersHint')}</legend>
          {text('estimate', 'evaluation.library.form.estimate', undefined, 20)}
          {text('ciLow', 'evaluation.library.form.ciLow', undefined, 20)}
          {text('ciHigh', 'evaluation.library.form.ciHigh', undefined, 20)}
          {text('effectUnit', 'evaluation.library.form.effectUnit', undefined, 60)}
        </fieldset>
        {area('lessonsNl', 'evaluation.library.form.lessonsNl')}
        {text('contactOrganisation', 'evaluation.library.form.contactOrganisation')}
        <ChoiceGroup
          type="checkbox"
          name="functions"
          legend={t('evaluation.library.form.functions')}
          options={FUNCTIONS.map((f) => ({ value: f, label: t(`evaluation.library.function.${f}`) }))}
          checked={many(values.functions)}
          error={errors.functions}
        />
        {area('targetGroups', 'evaluation.library.form.targetGroups', t('evaluation.library.form.targetGroupsHint'))}
        <SelectField
          name="level"
          label={t('evaluation.library.form.level')}
          value={one(values.level) || 'neighbourhood'}
          error={errors.level}
          options={LEVELS.map((l) => ({ value: l, label: t(`evaluation.library.level.${l}`) }))}
        />
        {area('sourceNote', 'evaluation.library.form.sourceNote')}
        {text('titleEn', 'evaluation.library.form.titleEn', undefined, LIMITS.title)}
        {area('whatEn', 'evaluation.library.form.whatEn')}
        {area('forWhomEn', 'evaluation.library.form.forWhomEn')}
        {area('costEn', 'evaluation.library.form.costEn')}
        {area('effectEn', 'evaluation.library.form.effectEn')}
        {area('lessonsEn', 'evaluation.library.form.lessonsEn')}
        <SubmitButton>{t('evaluation.library.form.save')}</SubmitButton>
      </Form>
    </>
  );
}
