import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export type InvitationMode = 'create' | 'accept' | 'signIn' | 'otherAccount';

/** The invitation: what it is for, and the way to accept it for this visitor. */
export function InvitationPage({
  ctx,
  token,
  email,
  organisationName,
  roleKey,
  mode,
  name,
  errors,
}: {
  ctx: ViewContext;
  token: string;
  email: string;
  organisationName: string;
  roleKey: MessageKey;
  mode: InvitationMode;
  name: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const action = `/uitnodiging/${token}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.invite.pageTitle')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {t('people.invite.intro', { organisation: organisationName, role: t(roleKey) })}
      </p>
      <p class="utrecht-paragraph">{t('people.invite.forEmail', { email })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {mode === 'create' && (
        <Form ctx={ctx} action={action}>
          <p class="utrecht-paragraph">{t('people.invite.createAccount')}</p>
          <TextField
            name="name"
            label={t('people.invite.name')}
            value={name}
            error={errors?.name}
            required
            autocomplete="name"
            maxLength={200}
          />
          <TextField
            name="password"
            type="password"
            label={t('people.invite.password')}
            error={errors?.password}
            required
            autocomplete="new-password"
            maxLength={128}
          />
          <TextField
            name="password2"
            type="password"
            label={t('people.invite.password2')}
            error={errors?.password2}
            required
            autocomplete="new-password"
            maxLength={128}
          />
          <SubmitButton>{t('people.invite.accept')}</SubmitButton>
        </Form>
      )}
      {mode === 'accept' && (
        <Form ctx={ctx} action={action}>
          <SubmitButton>{t('people.invite.accept')}</SubmitButton>
        </Form>
      )}
      {mode === 'signIn' && (
        <>
          <p class="utrecht-paragraph">{t('people.invite.signInFirst')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/aanmelden?terug=${encodeURIComponent(action)}`}>
              {t('people.invite.signInLink')}
            </a>
          </p>
        </>
      )}
      {mode === 'otherAccount' && <p class="utrecht-paragraph">{t('people.invite.otherAccount', { email })}</p>}
    </>
  );
}
