import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, type FieldErrors } from '../../../../ui/form.tsx';
import { CodeForm } from './signin.tsx';

export type TwoStepState = { kind: 'setup'; pending: string; secret: string; qrDataUri: string } | { kind: 'verify' } | { kind: 'on' };

/** The account page of two-step sign-in: set it up, verify it in this session, or turn it off. */
export function TwoStepPage({
  ctx,
  state,
  staff,
  returnQuery,
  errors,
}: {
  ctx: ViewContext;
  state: TwoStepState;
  staff: boolean;
  returnQuery: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('auth.twostep.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {state.kind === 'setup' && (
        <>
          <p class="utrecht-paragraph">{t('auth.twostep.off')}</p>
          {staff && <p class="utrecht-paragraph">{t('auth.twostep.staffRequired')}</p>}
          <p class="utrecht-paragraph">{t('auth.twostep.step1')}</p>
          <p class="utrecht-paragraph">{t('auth.twostep.step2')}</p>
          <p class="utrecht-paragraph">
            <img class="totp-qr" src={state.qrDataUri} alt={t('auth.twostep.qrAlt')} width={200} height={200} />
          </p>
          <p class="utrecht-paragraph">
            <code class="totp-secret">{state.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p class="utrecht-paragraph">{t('auth.twostep.step3')}</p>
          <CodeForm
            ctx={ctx}
            action={`/account/tweestaps${returnQuery}`}
            error={errors?.code}
            submit={t('auth.twostep.enable')}
            hidden={{ pending: state.pending }}
          />
        </>
      )}
      {state.kind === 'verify' && (
        <>
          <p class="utrecht-paragraph">{t('auth.twostep.on')}</p>
          <p class="utrecht-paragraph">{t('auth.twostep.verifyNow')}</p>
          <CodeForm ctx={ctx} action={`/aanmelden/tweestaps${returnQuery}`} error={errors?.code} submit={t('auth.mfa.submit')} />
        </>
      )}
      {state.kind === 'on' && (
        <>
          <p class="utrecht-paragraph">{t('auth.twostep.on')}</p>
          <h2 class="utrecht-heading-2">{t('auth.twostep.disableTitle')}</h2>
          <p class="utrecht-paragraph">{t('auth.twostep.disableLead')}</p>
          <CodeForm ctx={ctx} action="/account/tweestaps/uitzetten" error={errors?.code} submit={t('auth.twostep.disable')} />
        </>
      )}
    </>
  );
}
