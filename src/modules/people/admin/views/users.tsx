import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import { ROLES } from '../../people.schemas.ts';
import type { MemberRow } from '../../people.service.ts';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import { formatDateTime, type MessageKey } from '../../../../platform/i18n/index.ts';
import { FORMER_MEMBER_DAYS, UNDO_MINUTES, type RecentRemoval, type RemovalBlock } from '../admin.removals.service.ts';

/**
 * Members of the tenant with their roles; give a role, take one away (through a confirm page, with
 * no button where it would be refused), and undo a recent removal. People who lost their last role
 * stay in the "give someone a role" list for a while.
 */
export function UsersPage({
  ctx,
  slug,
  members,
  organisations,
  removals = [],
  blocked = {},
  errors,
  values,
  notice,
}: {
  ctx: ViewContext;
  /** The municipality's slug, for the form actions. */
  slug: string;
  members: MemberRow[];
  organisations: { id: string; name: string }[];
  /** Roles taken away lately (for undo, and to find the people again). */
  removals?: readonly RecentRemoval[];
  /** Memberships whose removal would be refused, and why. */
  blocked?: Readonly<Record<string, RemovalBlock>>;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/gebruikers`;
  const people = new Map<string, string>();
  for (const m of members) if (!people.has(m.userId)) people.set(m.userId, m.email ? `${m.name} (${m.email})` : m.name);
  for (const r of removals) if (!people.has(r.userId)) people.set(r.userId, r.name);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const undoable = removals.filter((r) => r.undoable);
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
                {blocked[m.membershipId] ? (
                  t(blocked[m.membershipId] === 'last' ? 'people.users.lastAdminRow' : 'people.users.ownAdminRow')
                ) : (
                  // A link to the confirm step: nothing is removed by one click.
                  <a
                    class="utrecht-link"
                    href={`${base}/${m.membershipId}/verwijderen`}
                    aria-label={t('people.users.removeLabel', { role: t(`people.role.${m.role}`), name: m.name })}
                  >
                    {t('people.users.remove')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {undoable.length > 0 && (
        <section aria-labelledby="onlangs-weggehaald" id="removed">
          <h2 class="utrecht-heading-2" id="onlangs-weggehaald">
            {t('people.users.recentTitle')}
          </h2>
          <p class="utrecht-paragraph">{t('people.users.recentLead', { minutes: UNDO_MINUTES, days: FORMER_MEMBER_DAYS })}</p>
          <DataTable
            columns={[
              t('people.users.name'),
              t('people.users.role'),
              t('people.users.organisation'),
              t('people.users.removedAt'),
              t('people.users.actions'),
            ]}
          >
            {undoable.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{t(`people.role.${r.role}`)}</td>
                <td>{(r.organisationId && orgName.get(r.organisationId)) ?? t('people.noOrganisation')}</td>
                <td>{formatDateTime(ctx.locale, r.removedAt)}</td>
                <td>
                  <form method="post" action={`${base}/herstellen/${r.id}`} class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action"
                      aria-label={t('people.users.undoLabel', { role: t(`people.role.${r.role}`), name: r.name })}
                    >
                      {t('people.users.undo')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
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
