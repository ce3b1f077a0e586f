import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { Checkbox } from '../../views/parts.tsx';

export interface JobSettingsValues {
  reminderDays: string;
  escalationEnabled: boolean;
  anonymiseAfterMonths: string;
  deleteCancelledAfterMonths: string;
  deleteClosedAfterMonths: string;
}

/** The deadline and retention settings of a tenant (coordinators and administrators). */
export function JobSettingsPage({
  ctx,
  slug,
  values,
  errors,
  saved,
}: {
  ctx: ViewContext;
  slug: string;
  values: JobSettingsValues;
  errors?: Record<string, string>;
  saved?: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.jobs.title')}</h1>
      {saved && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{t('signals.jobs.saved')}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t('signals.jobs.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/beheer/meldingen/termijnen`} label={t('signals.jobs.title')}>
        <h2 class="utrecht-heading-2">{t('signals.jobs.deadlines')}</h2>
        <TextField
          name="reminderDays"
          label={t('signals.jobs.reminderDays')}
          hint={t('signals.jobs.reminderDaysHint')}
          value={values.reminderDays}
          error={errors?.reminderDays}
          inputMode="numeric"
          maxLength={4}
        />
        <Checkbox name="escalationEnabled" label={t('signals.jobs.escalationEnabled')} checked={values.escalationEnabled} />
        <h2 class="utrecht-heading-2">{t('signals.jobs.retention')}</h2>
        <TextField
          name="anonymiseAfterMonths"
          label={t('signals.jobs.anonymiseAfterMonths')}
          hint={t('signals.jobs.anonymiseAfterMonthsHint')}
          value={values.anonymiseAfterMonths}
          error={errors?.anonymiseAfterMonths}
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          name="deleteCancelledAfterMonths"
          label={t('signals.jobs.deleteCancelledAfterMonths')}
          value={values.deleteCancelledAfterMonths}
          error={errors?.deleteCancelledAfterMonths}
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          name="deleteClosedAfterMonths"
          label={t('signals.jobs.deleteClosedAfterMonths')}
          value={values.deleteClosedAfterMonths}
          error={errors?.deleteClosedAfterMonths}
          inputMode="numeric"
          maxLength={4}
        />
        <SubmitButton>{t('signals.jobs.save')}</SubmitButton>
      </Form>
    </>
  );
}
