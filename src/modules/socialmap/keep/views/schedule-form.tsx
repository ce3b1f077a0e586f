/** The form to add a time to a service: every week, every month in some weeks, or once; start and end time. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { ChoiceGroup, TextAreaField } from './fields.tsx';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const MONTH_WEEKS = ['1', '2', '3', '4', '-1'] as const;

export interface ScheduleFormValues {
  kind: string;
  days: readonly string[];
  weeks: readonly string[];
  date: string;
  valid_from: string;
  valid_to: string;
  opens_at: string;
  closes_at: string;
  description: string;
}

export function KeepSchedulePage({
  ctx,
  service,
  values,
  errors,
}: {
  ctx: ViewContext;
  service: { id: string; name: string };
  values: ScheduleFormValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/sociale-kaart/beheer/aanbod/${service.id}`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.sched.addTitle', { name: service.name })}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('socialmap.keep.form.editTitle', { name: service.name })}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`${base}/tijden`} label={t('socialmap.keep.sched.add')}>
        <ChoiceGroup
          type="radio"
          name="kind"
          legend={t('socialmap.keep.sched.kind')}
          options={(['weekly', 'monthly', 'once'] as const).map((k) => ({ value: k, label: t(`socialmap.keep.sched.kind.${k}`) }))}
          checked={[values.kind]}
          error={errors?.kind}
        />
        <ChoiceGroup
          type="checkbox"
          name="days"
          legend={t('socialmap.keep.sched.days')}
          options={WEEKDAY_CODES.map((d) => ({ value: d, label: t(`socialmap.keep.day.${d}`) }))}
          checked={values.days}
          error={errors?.days ?? errors?.byday}
        />
        <ChoiceGroup
          type="checkbox"
          name="weeks"
          legend={t('socialmap.keep.sched.weeks')}
          options={MONTH_WEEKS.map((w) => ({ value: w, label: t(`socialmap.keep.sched.week.${w}`) }))}
          checked={values.weeks}
          error={errors?.weeks}
        />
        <TextField
          name="date"
          label={t('socialmap.keep.sched.date')}
          hint={t('socialmap.keep.sched.dateHint')}
          value={values.date}
          error={errors?.date ?? errors?.dtstart}
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          name="opens_at"
          label={t('socialmap.keep.sched.opens')}
          hint={t('socialmap.keep.sched.timeHint')}
          value={values.opens_at}
          error={errors?.opens_at}
          inputMode="numeric"
          maxLength={5}
        />
        <TextField
          name="closes_at"
          label={t('socialmap.keep.sched.closes')}
          hint={t('socialmap.keep.sched.timeHint')}
          value={values.closes_at}
          error={errors?.closes_at}
          inputMode="numeric"
          maxLength={5}
        />
        <TextField
          name="valid_from"
          label={t('socialmap.keep.sched.from')}
          hint={t('socialmap.keep.sched.dateHint')}
          value={values.valid_from}
          error={errors?.valid_from}
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          name="valid_to"
          label={t('socialmap.keep.sched.to')}
          hint={t('socialmap.keep.sched.dateHint')}
          value={values.valid_to}
          error={errors?.valid_to}
          inputMode="numeric"
          maxLength={10}
        />
        <TextAreaField
          name="description"
          label={t('socialmap.keep.sched.description')}
          value={values.description}
          error={errors?.description}
          maxLength={1000}
          rows={2}
        />
        <SubmitButton>{t('socialmap.keep.sched.add')}</SubmitButton>
      </Form>
    </>
  );
}
