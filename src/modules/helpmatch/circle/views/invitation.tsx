import type { ViewContext } from '../../../../ui/context.ts';
import { ButtonForm } from './fields.tsx';

export type CircleInvitationMode = 'accept' | 'signIn' | 'otherAccount';

/** An invitation into a circle: accept when signed in with the invited address, otherwise sign in or register first. */
export function CircleInvitationPage({
  ctx,
  action,
  personName,
  email,
  mode,
}: {
  ctx: ViewContext;
  action: string;
  personName: string;
  email: string;
  mode: CircleInvitationMode;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.invite.page.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('helpmatch.circle.invite.page.intro', { person: personName })}</p>
      <p class="utrecht-paragraph">{t('helpmatch.circle.invite.page.forEmail', { email })}</p>
      {mode === 'accept' && (
        <ButtonForm ctx={ctx} action={action} secondary={false}>
          {t('helpmatch.circle.invite.page.accept')}
        </ButtonForm>
      )}
      {mode === 'otherAccount' && <p class="utrecht-paragraph">{t('helpmatch.circle.invite.otherAccount')}</p>}
      {mode === 'signIn' && (
        <>
          <p class="utrecht-paragraph">{t('helpmatch.circle.invite.page.signIn')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/aanmelden?terug=${encodeURIComponent(action)}`}>
              {t('helpmatch.circle.invite.page.signInLink')}
            </a>
          </p>
          <p class="utrecht-paragraph">{t('helpmatch.circle.invite.page.register')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/registreren">
              {t('helpmatch.circle.invite.page.registerLink')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
