import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { formatNumber, type MessageKey } from '../../../../platform/i18n/index.ts';
import { ORGANISATION_KINDS } from '../../people.schemas.ts';
import { Notice } from '../../../../ui/notice.tsx';

export interface OrganisationListItem {
  id: string;
  name: string;
  kind: (typeof ORGANISATION_KINDS)[number];
  memberCount: number;
}

/** The organisations of a tenant, and (for admins) the form to add one. */
export function OrganisationsPage({
  ctx,
  slug,
  organisations,
  canCreate,
  errors,
  values,
  notice,
}: {
  ctx: ViewContext;
  /** The municipality's slug, for the form actions. */
  slug: string;
  organisations: OrganisationListItem[];
  canCreate: boolean;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/organisaties`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.org.title')}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <p class="utrecht-paragraph">{t('people.org.lead')}</p>
      {organisations.length === 0 ? (
        <p class="utrecht-paragraph">{t('people.org.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('people.org.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.org.name')}</th>
                <th scope="col">{t('people.org.kind')}</th>
                <th scope="col" class="num">
                  {t('people.org.members')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={`${base}/${o.id}`}>
                      {o.name}
                    </a>
                  </th>
                  <td>{t(`people.kind.${o.kind}`)}</td>
                  <td class="num">{formatNumber(ctx.locale, o.memberCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCreate && (
        <section aria-labelledby="org-create-title">
          <h2 class="utrecht-heading-2" id="org-create-title">
            {t('people.org.createTitle')}
          </h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={base}>
            <TextField
              name="name"
              label={t('people.org.name')}
              value={values?.name}
              error={errors?.name}
              required
              maxLength={200}
              autocomplete="organization"
            />
            <SelectField
              name="kind"
              label={t('people.org.kind')}
              value={values?.kind}
              error={errors?.kind}
              options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`people.kind.${k}`) }))}
            />
            <SubmitButton>{t('people.org.create')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
