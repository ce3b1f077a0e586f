import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import type { DissatisfiedPolicy } from '../actions.reopen.ts';
import { Radios } from '../../views/parts.tsx';

/** The "niet tevreden" setting of a tenant: reopen at once or let a coordinator decide. */
export function FeedbackSettingsPage({
  ctx,
  slug,
  policy,
  saved,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  policy: DissatisfiedPolicy;
  saved?: boolean;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.feedbackSettings.title')}</h1>
      {saved && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{t('signals.feedbackSettings.saved')}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t('signals.feedbackSettings.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/beheer/meldingen/terugkoppeling`} label={t('signals.feedbackSettings.title')}>
        <Radios
          name="policy"
          legend={t('signals.feedbackSettings.legend')}
          value={policy}
          error={errors?.policy}
          options={[
            { value: 'reopen', label: t('signals.feedbackSettings.reopen') },
            { value: 'coordinator', label: t('signals.feedbackSettings.coordinator') },
          ]}
        />
        <SubmitButton>{t('signals.feedbackSettings.save')}</SubmitButton>
      </Form>
    </>
  );
}
