import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import { ROLES } from '../../people.schemas.ts';
import type { MemberRow } from '../../people.service.ts';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

/** Members of the tenant with their roles; give a role, remove a membership. */
export function UsersPage({
  ctx,
  slug,
  members,
  organisations,
  errors,
  values,
  notice,
}: {
  ctx: ViewContext;
  /** The municipality's slug, for the form actions. */
  slug: string;
  members: MemberRow[];
  organisations: { id: string; name: string }[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/gebruikers`;
  const people = new Map<string, string>();
  for (const m of members) if (!people.has(m.userId)) people.set(m.userId, m.email ? `${m.name} (${m.email})` : m.name);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.users.title')}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <p class="utrecht-paragraph">{t('people.users.lead')}</p>
      {members.length === 0 ? (
        <p class="utrecht-paragraph">{t('people.users.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('people.users.name'),
            t('people.users.email'),
            t('people.users.role'),
            t('people.users.organisation'),
            t('people.users.actions'),
          ]}
        >
          {members.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>{t(`people.role.${m.role}`)}</td>
              <td>{m.organisationName ?? t('people.noOrganisation')}</td>
              <td>
                <form method="post" action={`${base}/${m.membershipId}/verwijderen`} class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action"
                    aria-label={t('people.users.removeLabel', { role: t(`people.role.${m.role}`), name: m.name })}
                  >
                    {t('people.users.remove')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {people.size > 0 && (
        <section aria-labelledby="add-role-title">
          <h2 class="utrecht-heading-2" id="add-role-title">
            {t('people.users.addTitle')}
          </h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={base}>
            <SelectField
              name="userId"
              label={t('people.users.person')}
              value={values?.userId}
              error={errors?.userId}
              options={[...people].map(([id, label]) => ({ value: id, label }))}
            />
            <SelectField
              name="role"
              label={t('people.users.role')}
              value={values?.role}
              error={errors?.role}
              options={ROLES.map((r) => ({ value: r, label: t(`people.role.${r}`) }))}
            />
            <SelectField
              name="organisationId"
              label={t('people.users.organisation')}
              value={values?.organisationId}
              error={errors?.organisationId}
              options={[{ value: '', label: t('people.noOrganisation') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <SubmitButton>{t('people.users.add')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
