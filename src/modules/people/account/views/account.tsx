import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { Role } from '../../../../platform/roles.ts';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface AccountMembership {
  tenantName: string;
  role: Role;
  organisationName: string | null;
}

/** The user's own account: profile form, roles, links to two-step sign-in, download and delete. */
export function AccountPage({
  ctx,
  email,
  values,
  memberships,
  errors,
  notice,
}: {
  ctx: ViewContext;
  email: string;
  values: { name: string; locale: string; phone: string; address: string };
  memberships: AccountMembership[];
  errors?: FieldErrors;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.account.title')}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <section aria-labelledby="profile-title">
        <h2 class="utrecht-heading-2" id="profile-title">
          {t('people.account.profile')}
        </h2>
        <p class="utrecht-paragraph">
          {t('people.account.email')}: {email}
        </p>
        <ErrorSummary ctx={ctx} errors={errors} />
        <Form ctx={ctx} action="/account">
          <TextField
            name="name"
            label={t('people.account.name')}
            value={values.name}
            error={errors?.name}
            required
            autocomplete="name"
            maxLength={200}
          />
          <SelectField
            name="locale"
            label={t('people.account.locale')}
            value={values.locale}
            error={errors?.locale}
            options={[
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('people.account.phone')}
            value={values.phone}
            error={errors?.phone}
            autocomplete="tel"
            maxLength={40}
          />
          <TextField
            name="address"
            label={t('people.account.address')}
            value={values.address}
            error={errors?.address}
            autocomplete="street-address"
            maxLength={300}
          />
          <SubmitButton>{t('people.account.save')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="roles-title">
        <h2 class="utrecht-heading-2" id="roles-title">
          {t('people.account.memberships')}
        </h2>
        {memberships.length === 0 ? (
          <p class="utrecht-paragraph">{t('people.account.noMemberships')}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('people.account.municipality')}</th>
                <th scope="col">{t('people.users.role')}</th>
                <th scope="col">{t('people.users.organisation')}</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr>
                  <td>{m.tenantName}</td>
                  <td>{t(`people.role.${m.role}`)}</td>
                  <td>{m.organisationName ?? t('people.noOrganisation')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="security-title">
        <h2 class="utrecht-heading-2" id="security-title">
          {t('people.account.security')}
        </h2>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/account/tweestaps">
            {t('people.account.twoStep')}
          </a>
        </p>
      </section>
      <section aria-labelledby="data-title">
        <h2 class="utrecht-heading-2" id="data-title">
          {t('people.account.privacyTitle')}
        </h2>
        <ul class="utrecht-unordered-list">
          <li>
            <a class="utrecht-link" href="/account/mijn-gegevens.json" download="mijn-gegevens.json">
              {t('people.account.download')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/account/verwijderen">
              {t('people.account.delete')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

/** Confirmation before deleting the account: type the e-mail address. */
export function DeleteAccountPage({ ctx, errors, isDemo }: { ctx: ViewContext; errors?: FieldErrors; isDemo: boolean }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.delete.title')}</h1>
      <p class="utrecht-paragraph">{t('people.delete.explain')}</p>
      {isDemo ? (
        <p class="utrecht-paragraph">{t('people.delete.demo')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action="/account/verwijderen">
            <TextField
              name="confirmEmail"
              type="email"
              label={t('people.delete.confirm')}
              error={errors?.confirmEmail}
              required
              autocomplete="off"
            />
            <SubmitButton>{t('people.delete.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </>
  );
}

export function AccountDeletedPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.delete.doneTitle')}</h1>
      <Notice ctx={ctx} messageKey="people.delete.done" />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {t('people.delete.home')}
        </a>
      </p>
    </>
  );
}
