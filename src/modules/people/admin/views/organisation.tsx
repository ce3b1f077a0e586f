import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { INVITE_ROLES, type ORGANISATION_KINDS } from '../../people.schemas.ts';
import type { MemberRow } from '../../people.service.ts';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

/** One organisation: its people, and the form to invite someone. */
export function OrganisationPage({
  ctx,
  slug,
  organisation,
  members,
  errors,
  values,
  notice,
}: {
  ctx: ViewContext;
  /** The municipality's slug, for the form actions. */
  slug: string;
  organisation: { id: string; name: string; kind: (typeof ORGANISATION_KINDS)[number] };
  members: MemberRow[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const action = `/${slug}/beheer/organisaties/${organisation.id}/uitnodigen`;
  return (
    <>
      <h1 class="utrecht-heading-1">{organisation.name}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <p class="utrecht-paragraph">
        {t('people.org.kind')}: {t(`people.kind.${organisation.kind}`)}
      </p>
      <h2 class="utrecht-heading-2">{t('people.org.membersTitle')}</h2>
      {members.length === 0 ? (
        <p class="utrecht-paragraph">{t('people.org.noMembers')}</p>
      ) : (
        <DataTable columns={[t('people.users.name'), t('people.users.email'), t('people.users.role')]}>
          {members.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>{t(`people.role.${m.role}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="invite-title">
        <h2 class="utrecht-heading-2" id="invite-title">
          {t('people.invite.title')}
        </h2>
        <p class="utrecht-paragraph">{t('people.invite.hint')}</p>
        <ErrorSummary ctx={ctx} errors={errors} />
        <Form ctx={ctx} action={action}>
          <TextField
            name="email"
            type="email"
            label={t('people.invite.email')}
            value={values?.email}
            error={errors?.email}
            required
            autocomplete="off"
            maxLength={254}
          />
          <TextField
            name="name"
            label={t('people.invite.name')}
            value={values?.name}
            error={errors?.name}
            required
            autocomplete="off"
            maxLength={200}
          />
          <SelectField
            name="role"
            label={t('people.invite.role')}
            value={values?.role}
            error={errors?.role}
            options={INVITE_ROLES.map((r) => ({ value: r, label: t(`people.role.${r}`) }))}
          />
          <SubmitButton>{t('people.invite.submit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
