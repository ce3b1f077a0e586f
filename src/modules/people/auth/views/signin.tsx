import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';

function withReturn(path: string, terug: string): string {
  return terug === '/' ? path : `${path}?terug=${encodeURIComponent(terug)}`;
}

/** The sign-in form: e-mail and password, with the ways out for people without a password. */
export function SigninPage({ ctx, terug, email, errors }: { ctx: ViewContext; terug: string; email?: string; errors?: FieldErrors }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.signin.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={withReturn('/aanmelden', terug)}>
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
        <TextField
          name="password"
          label={t('auth.password')}
          type="password"
          autocomplete="current-password"
          required
          error={errors?.password}
        />
        <SubmitButton>{t('auth.signin.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">{t('auth.signin.noPassword')}</p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href="/aanmelden/link">
            {t('auth.signin.withLink')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/wachtwoord-vergeten">
            {t('auth.signin.forgot')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/registreren">
            {t('auth.signin.register')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** The second step: a 6-digit code from the authenticator app. */
export function CodePage({ ctx, terug, errors, lead }: { ctx: ViewContext; terug: string; errors?: FieldErrors; lead?: string }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.mfa.title')}</h1>
      {lead && <p class="utrecht-paragraph">{lead}</p>}
      <p class="utrecht-paragraph">{t('auth.mfa.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <CodeForm ctx={ctx} action={withReturn('/aanmelden/tweestaps', terug)} error={errors?.code} submit={t('auth.mfa.submit')} />
    </>
  );
}

/** One code field with its button; used for signing in, turning on and turning off. */
export function CodeForm({
  ctx,
  action,
  error,
  submit,
  hidden,
}: {
  ctx: ViewContext;
  action: string;
  error?: string | undefined;
  submit: string;
  hidden?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={action}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <TextField
        name="code"
        label={t('auth.mfa.code')}
        hint={t('auth.mfa.codeHint')}
        autocomplete="one-time-code"
        inputMode="numeric"
        required
        error={error}
        maxLength={8}
      />
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  );
}

/** A short message page with one link (check your mail, link no longer works, …). */
export function MessagePage({ title, message, link }: { title: string; message: string; link?: { href: string; label: string } }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{message}</p>
      {link && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={link.href}>
            {link.label}
          </a>
        </p>
      )}
    </>
  );
}

export { withReturn };
