import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { CATEGORIES } from '../../categories.ts';
import { ButtonForm, categoryLabel, DemoTag, shortDate, TextArea } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface VacancyItem {
  id: string;
  title: string;
  description: string;
  category: string;
  hoursPerWeek: string;
  organisation: string;
  isDemo: boolean;
  state: 'open' | 'closed';
}

/** The list of open vacancies, with a link to post one for organisation members. */
export function VacanciesPage({
  ctx,
  vacancies,
  canCreate,
  notice,
}: {
  ctx: ViewContext;
  vacancies: VacancyItem[];
  canCreate: boolean;
  notice: MessageKey | null;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp/vacatures`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.vacancy.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('helpmatch.vacancy.intro')}</p>
      {canCreate && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/nieuw`}>
            {t('helpmatch.vacancy.new')}
          </a>
        </p>
      )}
      {vacancies.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.vacancy.none')}</p>
      ) : (
        <ul class="card-list">
          {vacancies.map((v) => (
            <li class="card">
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link card__link" href={`${base}/${v.id}`}>
                  {v.title}
                </a>
                <DemoTag ctx={ctx} show={v.isDemo} />
              </h2>
              <p class="utrecht-paragraph">{t('helpmatch.vacancy.by', { organisation: v.organisation })}</p>
              <p class="utrecht-paragraph">{categoryLabel(ctx, v.category)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One vacancy: details, respond form, and (for its organisation) the responses. */
export function VacancyPage({
  ctx,
  v,
  canRespond,
  signedIn,
  responses,
  canClose,
  notice,
  errors,
}: {
  ctx: ViewContext;
  v: VacancyItem;
  canRespond: boolean;
  signedIn: boolean;
  responses: { name: string; email: string | null; message: string; createdAt: Date }[] | null;
  canClose: boolean;
  notice: MessageKey | null;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp/vacatures/${v.id}`);
  return (
    <>
      <h1 class="utrecht-heading-1">
        {v.title}
        <DemoTag ctx={ctx} show={v.isDemo} />
      </h1>
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">{t('helpmatch.vacancy.by', { organisation: v.organisation })}</p>
      <p class="utrecht-paragraph">{categoryLabel(ctx, v.category)}</p>
      {v.hoursPerWeek && <p class="utrecht-paragraph">{t('helpmatch.vacancy.time', { hours: v.hoursPerWeek })}</p>}
      <p class="utrecht-paragraph">{v.description}</p>
      {v.state === 'closed' && <p class="utrecht-paragraph">{t('helpmatch.vacancy.closed')}</p>}
      {!signedIn && v.state === 'open' && <p class="utrecht-paragraph">{t('helpmatch.vacancy.signIn')}</p>}
      {canRespond && (
        <form method="post" action={`${base}/reageren`} class="form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <TextArea name="message" label={t('helpmatch.field.message')} error={errors?.message} rows={3} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {t('helpmatch.submit.vacancyRespond')}
          </button>
        </form>
      )}
      {responses && (
        <section aria-labelledby="reacties">
          <h2 class="utrecht-heading-2" id="reacties">
            {t('helpmatch.vacancy.responses')}
          </h2>
          {responses.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.vacancy.noResponses')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {responses.map((r) => (
                <li>
                  {r.name} {r.email ? `(${r.email})` : ''} – {shortDate(ctx, r.createdAt)}: {r.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canClose && v.state === 'open' && (
        <ButtonForm ctx={ctx} action={`${base}/sluiten`} label={t('helpmatch.submit.closeVacancy')} secondary />
      )}
    </>
  );
}

/** The form to post a vacancy for one of the user's organisations. */
export function VacancyFormPage({
  ctx,
  organisations,
  values,
  errors,
}: {
  ctx: ViewContext;
  organisations: { id: string; name: string }[];
  values: Record<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const e = errors ?? {};
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.vacancy.newTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={tenantPath(ctx, `/hulp/vacatures/nieuw`)} label={t('helpmatch.vacancy.newTitle')}>
        <SelectField
          name="organisationId"
          label={t('helpmatch.field.organisation')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={values.organisationId}
          error={e.organisationId}
        />
        <TextField name="title" label={t('helpmatch.field.title')} value={values.title} error={e.title} required maxLength={MAX.title} />
        <TextArea name="description" label={t('helpmatch.field.description')} value={values.description} error={e.description} rows={5} />
        <SelectField
          name="category"
          label={t('helpmatch.field.vacancyCategory')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`helpmatch.category.${c}`) }))}
          value={values.category}
          error={e.category}
        />
        <TextField
          name="hoursPerWeek"
          label={t('helpmatch.field.hoursPerWeek')}
          hint={t('helpmatch.field.hoursPerWeekHint')}
          value={values.hoursPerWeek}
          error={e.hoursPerWeek}
          maxLength={MAX.hoursPerWeek}
        />
        <SubmitButton>{t('helpmatch.submit.vacancy')}</SubmitButton>
      </Form>
    </>
  );
}
