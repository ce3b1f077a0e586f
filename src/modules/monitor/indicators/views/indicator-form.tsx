import { INDICATOR_THEMES, INDICATOR_UNITS } from '../../../../platform/module.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../../../ui/form.tsx';

export type IndicatorFormValues = Record<string, string>;

/** Define a new indicator, or edit one (`code` given: the code cannot change). */
export function IndicatorFormPage(props: {
  ctx: ViewContext;
  action: string;
  code?: string;
  values: IndicatorFormValues;
  errors?: Record<string, string> | undefined;
}) {
  const { ctx, action, code, values, errors } = props;
  const { t } = ctx;
  const choose = <K extends string>(keys: readonly K[], label: (k: K) => string) => keys.map((k) => ({ value: k, label: label(k) }));
  return (
    <>
      <h1 class="utrecht-heading-1">{code ? t('monitor.ind.editTitle', { code }) : t('monitor.ind.newTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={code ? t('monitor.ind.editTitle', { code }) : t('monitor.ind.newTitle')}>
        {!code && (
          <TextField
            name="code"
            label={t('monitor.ind.field.code')}
            hint={t('monitor.ind.field.codeHint')}
            value={values.code}
            error={errors?.code}
            maxLength={50}
          />
        )}
        <TextField name="nameNl" label={t('monitor.ind.field.nameNl')} value={values.nameNl} error={errors?.nameNl} />
        <TextField name="nameEn" label={t('monitor.ind.field.nameEn')} value={values.nameEn} error={errors?.nameEn} />
        <TextAreaField
          name="descriptionNl"
          label={t('monitor.ind.field.descriptionNl')}
          value={values.descriptionNl}
          error={errors?.descriptionNl}
        />
        <TextAreaField
          name="descriptionEn"
          label={t('monitor.ind.field.descriptionEn')}
          value={values.descriptionEn}
          error={errors?.descriptionEn}
        />
        <SelectField
          name="unit"
          label={t('monitor.ind.field.unit')}
          value={values.unit}
          error={errors?.unit}
          options={choose(INDICATOR_UNITS, (u) => t(`monitor.ind.unit.${u}`))}
        />
        <SelectField
          name="direction"
          label={t('monitor.ind.field.direction')}
          value={values.direction}
          error={errors?.direction}
          options={choose(['up', 'down', 'neutral'] as const, (d) => t(`monitor.ind.direction.${d}`))}
        />
        <SelectField
          name="source"
          label={t('monitor.ind.field.source')}
          value={values.source}
          error={errors?.source}
          options={choose(['survey', 'import', 'cbs', 'platform'] as const, (s) => t(`monitor.ind.source.${s}`))}
        />
        <SelectField
          name="theme"
          label={t('monitor.ind.field.theme')}
          value={values.theme}
          error={errors?.theme}
          options={choose(INDICATOR_THEMES, (th) => t(`monitor.ind.theme.${th}`))}
        />
        <TextField name="formula" label={t('monitor.ind.field.formula')} value={values.formula} error={errors?.formula} />
        <TextField
          name="minRespondents"
          label={t('monitor.ind.field.threshold')}
          hint={t('monitor.ind.field.thresholdHint')}
          inputMode="numeric"
          value={values.minRespondents ?? '30'}
          error={errors?.minRespondents}
        />
        <TextField
          name="decimals"
          label={t('monitor.ind.field.decimals')}
          inputMode="numeric"
          value={values.decimals ?? '1'}
          error={errors?.decimals}
        />
        <SubmitButton>{t('monitor.ind.save')}</SubmitButton>
      </Form>
    </>
  );
}
