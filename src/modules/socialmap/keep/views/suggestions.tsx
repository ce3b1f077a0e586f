/** Correction suggestions: the public form, the thank-you page, and the list the provider or coordinator handles. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { formatCheckedDate } from '../freshness.ts';
import type { OpenSuggestion } from '../keep.presenter.ts';
import { ChoiceGroup, TextAreaField } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

/** One open suggestion with its accept/reject form (ids made unique per suggestion). */
export function SuggestionItem({
  ctx,
  suggestion: g,
  headingLevel,
  showEditLink,
  errors,
}: {
  ctx: ViewContext;
  suggestion: OpenSuggestion;
  headingLevel: 2 | 3;
  showEditLink: boolean;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const suffix = g.id.slice(0, 8);
  return (
    <article class="card keep-suggestion" aria-labelledby={`sugg-${g.id}`}>
      <Heading class={`utrecht-heading-${headingLevel}`} id={`sugg-${g.id}`}>
        {t('socialmap.keep.sugg.for', { name: g.serviceName })}
      </Heading>
      <p class="utrecht-paragraph">{t('socialmap.keep.sugg.received', { date: formatCheckedDate(g.createdAt, ctx.locale) })}</p>
      <blockquote class="keep-quote">{g.message}</blockquote>
      <p class="utrecht-paragraph">{g.hasEmail ? t('socialmap.keep.sugg.replyWanted') : t('socialmap.keep.sugg.noReply')}</p>
      {showEditLink && (
        <p class="utrecht-paragraph">
          <a
            class="utrecht-link"
            href={tenantPath(ctx, `/sociale-kaart/beheer/aanbod/${g.serviceId}`)}
            aria-label={`${t('socialmap.keep.sugg.editService')}: ${g.serviceName}`}
          >
            {t('socialmap.keep.sugg.editService')}
          </a>
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form
        ctx={ctx}
        action={tenantPath(ctx, `/sociale-kaart/beheer/voorstellen/${g.id}`)}
        label={t('socialmap.keep.sugg.for', { name: g.serviceName })}
      >
        <ChoiceGroup
          type="radio"
          name={`decision-${suffix}`}
          legend={t('socialmap.keep.handle.decisionLabel')}
          options={[
            { value: 'accepted', label: t('socialmap.keep.handle.accept') },
            { value: 'rejected', label: t('socialmap.keep.handle.reject') },
          ]}
          checked={[]}
          error={errors?.[`decision-${suffix}`]}
        />
        <TextAreaField
          name={`reason-${suffix}`}
          label={t('socialmap.keep.handle.reasonLabel')}
          error={errors?.[`reason-${suffix}`]}
          maxLength={1000}
          rows={3}
        />
        <SubmitButton>{t('socialmap.keep.handle.submit')}</SubmitButton>
      </Form>
    </article>
  );
}

/** The field-name suffix of a suggestion's handle form. */
export const suggestionSuffix = (id: string) => id.slice(0, 8);

/** Open suggestions the user may handle. */
export function SuggestionsPage({
  ctx,
  suggestions,
  notice,
  errorsFor,
}: {
  ctx: ViewContext;
  suggestions: OpenSuggestion[];
  notice?: MessageKey | null;
  errorsFor?: { id: string; errors: FieldErrors } | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.sugg.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      {suggestions.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.sugg.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('socialmap.keep.sugg.lead')}</p>
          {suggestions.map((g) => (
            <SuggestionItem
              ctx={ctx}
              suggestion={g}
              headingLevel={2}
              showEditLink
              errors={errorsFor?.id === g.id ? errorsFor.errors : undefined}
            />
          ))}
        </>
      )}
    </>
  );
}

/** The public form: what is wrong, and optionally an e-mail address for a reply. */
export function SuggestPage({
  ctx,
  service,
  values,
  errors,
}: {
  ctx: ViewContext;
  service: { id: string; name: string };
  values?: { message?: string; email?: string };
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.suggest.title')}</h1>
      <p class="utrecht-paragraph">
        {t('socialmap.keep.suggest.about', { name: service.name })}.{' '}
        <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/aanbod/${service.id}`)}>
          {t('socialmap.keep.suggest.back', { name: service.name })}
        </a>
      </p>
      <p class="utrecht-paragraph">{t('socialmap.keep.suggest.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={tenantPath(ctx, `/sociale-kaart/aanbod/${service.id}/correctie`)} label={t('socialmap.keep.suggest.title')}>
        <TextAreaField
          name="message"
          label={t('socialmap.keep.suggest.message')}
          hint={t('socialmap.keep.suggest.messageHint')}
          value={values?.message}
          error={errors?.message}
          maxLength={2000}
          rows={5}
        />
        <TextField
          name="email"
          type="email"
          label={t('socialmap.keep.suggest.emailLabel')}
          hint={t('socialmap.keep.suggest.emailHint')}
          value={values?.email}
          error={errors?.email}
          autocomplete="email"
          maxLength={254}
        />
        <SubmitButton>{t('socialmap.keep.suggest.send')}</SubmitButton>
      </Form>
    </>
  );
}

export function SuggestThanksPage({
  ctx,
  service,
  withEmail,
}: {
  ctx: ViewContext;
  service: { id: string; name: string };
  withEmail: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.suggest.thanksTitle')}</h1>
      <Notice ctx={ctx} messageKey="socialmap.keep.suggest.thanks" />
      {withEmail && <p class="utrecht-paragraph">{t('socialmap.keep.suggest.thanksMail')}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/aanbod/${service.id}`)}>
          {t('socialmap.keep.suggest.back', { name: service.name })}
        </a>
      </p>
    </>
  );
}
