import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { MAX_OPEN, SCALE_VALUES, questionKey } from '../monitoring.questions.ts';
import type { MonitorForm } from '../monitoring.service.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

/** Enter a code: a resident's or professional's personal code, or (paper) the code printed on a form. */
export function MonitorCodePage({
  ctx,
  action,
  paper = false,
  errors,
  values,
  saved = false,
}: {
  ctx: ViewContext;
  action: string;
  paper?: boolean;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
  saved?: boolean;
}) {
  const { t } = ctx;
  const title = paper ? t('programmes.monitoring.paperTitle') : t('programmes.monitoring.codeTitle');
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Notice ctx={ctx} messageKey={saved ? 'programmes.monitoring.paperSaved' : null} />
      <p class="utrecht-paragraph">{paper ? t('programmes.monitoring.paperIntro') : t('programmes.monitoring.codeIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={title}>
        <TextField
          name="code"
          label={t('programmes.monitoring.code')}
          hint={t('programmes.monitoring.codeHint')}
          error={errors?.code}
          value={str(values, 'code')}
          autocomplete="off"
          maxLength={40}
          required
        />
        <SubmitButton>{t('programmes.monitoring.next')}</SubmitButton>
      </Form>
    </>
  );
}

/** The form of one phase: a 1-5 scale per statement and one open question; the code goes along hidden. */
export function MonitorFormPage({
  ctx,
  action,
  form,
  code,
  paper = false,
  errors,
  values,
}: {
  ctx: ViewContext;
  action: string;
  form: MonitorForm;
  code: string;
  paper?: boolean;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const { t } = ctx;
  const phase = t(form.phase === 'effect' ? 'programmes.monitoring.phase.effect' : 'programmes.monitoring.phase.expectation');
  const title = t('programmes.monitoring.formTitle', { phase, title: form.project.title });
  const role = t(form.role === 'resident' ? 'programmes.monitoring.roleOne.resident' : 'programmes.monitoring.roleOne.professional');
  const scale = SCALE_VALUES.map((v) => ({ value: v, label: `${v} – ${t(`programmes.monitoring.scale.${v}`)}` }));
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {t(form.phase === 'effect' ? 'programmes.monitoring.formIntro.effect' : 'programmes.monitoring.formIntro.expectation', {
          title: form.project.title,
          role,
        })}
      </p>
      <p class="utrecht-paragraph">{paper ? t('programmes.monitoring.paperHint') : t('programmes.monitoring.anonymous')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={title}>
        <input type="hidden" name="code" value={code} />
        {form.scaleKeys.map((key) => (
          <ChoiceGroup
            type="radio"
            name={key}
            legend={t(questionKey(form.phase, key))}
            options={scale}
            checked={[str(values, key)]}
            error={errors?.[key]}
          />
        ))}
        <TextAreaField
          name="open"
          label={t(questionKey(form.phase, 'open'))}
          error={errors?.open}
          value={str(values, 'open')}
          maxLength={MAX_OPEN}
        />
        <SubmitButton>{t('programmes.monitoring.send')}</SubmitButton>
      </Form>
    </>
  );
}

export function MonitorThanksPage({ ctx }: { ctx: ViewContext }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('programmes.monitoring.thanksTitle')}</h1>
      <p class="utrecht-paragraph" role="status">
        {ctx.t('programmes.monitoring.thanks')}
      </p>
    </>
  );
}
