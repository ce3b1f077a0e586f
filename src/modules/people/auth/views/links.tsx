import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';

/** Ask for an e-mail address to send a sign-in or reset link to. */
export function EmailRequestPage({
  ctx,
  kind,
  email,
  errors,
}: {
  ctx: ViewContext;
  kind: 'link' | 'reset';
  email?: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t(`auth.${kind}.title`)}</h1>
      <p class="utrecht-paragraph">{t(`auth.${kind}.lead`)}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={kind === 'link' ? '/aanmelden/link' : '/wachtwoord-vergeten'}>
        <TextField
          name="email"
          label={t('auth.email')}
          type="email"
          autocomplete="email"
          required
          value={email}
          error={errors?.email}
          maxLength={254}
        />
        <SubmitButton>{t(`auth.${kind}.submit`)}</SubmitButton>
      </Form>
    </>
  );
}

/** The confirm button behind a sign-in link: a POST, so mail scanners that open links do not use it up. */
export function ConfirmLinkPage({ ctx, token }: { ctx: ViewContext; token: string }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.link.confirm.title')}</h1>
      <p class="utrecht-paragraph">{t('auth.link.confirm.lead')}</p>
      <Form ctx={ctx} action={`/aanmelden/link/${token}`}>
        <SubmitButton>{t('auth.link.confirm.submit')}</SubmitButton>
      </Form>
    </>
  );
}

/** Choose a new password with a reset link. */
export function NewPasswordPage({ ctx, token, errors }: { ctx: ViewContext; token: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.reset.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/wachtwoord-herstellen/${token}`}>
        <TextField
          name="password"
          label={t('auth.newPassword')}
          hint={t('auth.passwordHint')}
          type="password"
          autocomplete="new-password"
          required
          error={errors?.password}
        />
        <TextField
          name="password2"
          label={t('auth.newPasswordAgain')}
          type="password"
          autocomplete="new-password"
          required
          error={errors?.password2}
        />
        <SubmitButton>{t('auth.reset.new.submit')}</SubmitButton>
      </Form>
    </>
  );
}

export interface RegisterValues {
  name?: string;
  email?: string;
  tenant?: string;
}

/** Create a resident account: name, e-mail, optional password, municipality. */
export function RegisterPage({
  ctx,
  tenants,
  values,
  errors,
}: {
  ctx: ViewContext;
  tenants: { id: string; name: string }[];
  values?: RegisterValues;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.register.title')}</h1>
      <p class="utrecht-paragraph">{t('auth.register.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action="/registreren">
        <TextField
          name="name"
          label={t('auth.register.name')}
          hint={t('auth.register.nameHint')}
          autocomplete="name"
          required
          value={values?.name}
          error={errors?.name}
          maxLength={100}
        />
        <TextField
          name="email"
          label={t('auth.email')}
          type="email"
          autocomplete="email"
          required
          value={values?.email}
          error={errors?.email}
          maxLength={254}
        />
        <TextField
          name="password"
          label={t('auth.register.passwordOptional')}
          hint={t('auth.register.passwordHint')}
          type="password"
          autocomplete="new-password"
          error={errors?.password}
        />
        <SelectField
          name="tenant"
          label={t('auth.register.municipality')}
          value={values?.tenant}
          error={errors?.tenant}
          options={[{ value: '', label: t('auth.register.chooseMunicipality') }, ...tenants.map((x) => ({ value: x.id, label: x.name }))]}
        />
        <SubmitButton>{t('auth.register.submit')}</SubmitButton>
      </Form>
    </>
  );
}
