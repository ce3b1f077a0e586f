import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { Tracking } from '../apply.service.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

/** Above the form: where it was started from (a call or a youth idea), or why the link led nowhere. */
export function FromNote({
  ctx,
  from,
  notice,
  values,
  errors,
}: {
  ctx: ViewContext;
  from?: { kind: 'call' | 'idea'; text: string } | null | undefined;
  notice?: MessageKey | null | undefined;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const callId = str(values, 'callId');
  const ideaId = str(values, 'youthIdeaId');
  return (
    <>
      {notice && (
        <p class="utrecht-alert utrecht-alert--warning" role="status">
          {t(notice)}
        </p>
      )}
      {from && (
        <p class="utrecht-paragraph">
          {t(from.kind === 'call' ? 'initiatives.apply.from.call' : 'initiatives.apply.from.idea', { text: from.text })}
        </p>
      )}
      {callId !== '' && <input type="hidden" name="callId" value={callId} />}
      {ideaId !== '' && <input type="hidden" name="youthIdeaId" value={ideaId} />}
      {(errors?.callId || errors?.youthIdeaId) && <p class="utrecht-form-field-error-message">{errors.callId ?? errors.youthIdeaId}</p>}
    </>
  );
}

/** For a volunteer, professional or coordinator: whose application this is (behalf.ts). Works without JavaScript. */
export function BehalfFieldset({
  ctx,
  values,
  errors,
  canFindAccount,
}: {
  ctx: ViewContext;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
  canFindAccount: boolean;
}) {
  const { t } = ctx;
  return (
    <fieldset class="utrecht-form-fieldset">
      <legend class="utrecht-form-fieldset__legend">{t('initiatives.apply.behalf.legend')}</legend>
      <ChoiceGroup
        type="radio"
        name="whose"
        legend={t('initiatives.apply.behalf.whose')}
        options={[
          { value: 'self', label: t('initiatives.apply.behalf.self') },
          ...(canFindAccount ? [{ value: 'account', label: t('initiatives.apply.behalf.account') }] : []),
          { value: 'contact', label: t('initiatives.apply.behalf.contact') },
        ]}
        checked={[str(values, 'whose') || 'self']}
        error={errors?.['subject.kind']}
      />
      {canFindAccount && (
        <TextField
          name="subject.accountEmail"
          type="email"
          label={t('initiatives.apply.behalf.accountEmail')}
          hint={t('initiatives.apply.behalf.accountEmailHint')}
          value={str(values, 'subject.accountEmail')}
          error={errors?.['subject.accountEmail']}
          autocomplete="off"
          maxLength={254}
        />
      )}
      <p class="utrecht-paragraph">{t('initiatives.apply.behalf.contactHint')}</p>
      <TextField
        name="subject.name"
        label={t('initiatives.apply.behalf.name')}
        value={str(values, 'subject.name')}
        error={errors?.['subject.name']}
        autocomplete="off"
        maxLength={120}
      />
      <TextField
        name="subject.phone"
        type="tel"
        label={t('initiatives.apply.behalf.phone')}
        value={str(values, 'subject.phone')}
        error={errors?.['subject.phone']}
        autocomplete="off"
        maxLength={30}
      />
      <TextField
        name="subject.email"
        type="email"
        label={t('initiatives.apply.behalf.email')}
        value={str(values, 'subject.email')}
        error={errors?.['subject.email']}
        autocomplete="off"
        maxLength={254}
      />
    </fieldset>
  );
}

/** On the tracking page: who entered it (an organisation, never a person) and, for them and the coordinator, the resident's contact. */
export function BehalfFacts({ ctx, tr }: { ctx: ViewContext; tr: Tracking }) {
  const { t } = ctx;
  if (!tr.enteredOnBehalf) return null;
  return (
    <>
      <p class="utrecht-paragraph">
        {tr.enteredOnBehalf.org !== ''
          ? t('initiatives.track.enteredBy', { org: tr.enteredOnBehalf.org })
          : t('initiatives.track.enteredByNoOrg')}
      </p>
      {tr.subject && (
        <dl class="ini-facts">
          <dt>{t('initiatives.apply.behalf.name')}</dt>
          <dd>{tr.subject.name}</dd>
          {tr.subject.phone && (
            <>
              <dt>{t('initiatives.apply.behalf.phone')}</dt>
              <dd>{tr.subject.phone}</dd>
            </>
          )}
          {tr.subject.email && (
            <>
              <dt>{t('initiatives.apply.behalf.email')}</dt>
              <dd>{tr.subject.email}</dd>
            </>
          )}
        </dl>
      )}
    </>
  );
}
