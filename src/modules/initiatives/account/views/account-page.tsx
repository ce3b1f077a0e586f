import type { ViewContext } from '../../../../ui/context.ts';
import {
  ButtonForm,
  ChoiceGroup,
  CheckboxField,
  ErrorSummary,
  Form,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { translateChecked, type MessageKey } from '../../../../platform/i18n/index.ts';
import { formatDay, formatEuro } from '../../review/letters.ts';
import { MAX_ALT, MAX_RESULT, MAX_WHAT_HAPPENED, type AccountPageModel } from '../account.service.ts';

export interface AccountPageProps {
  ctx: ViewContext;
  slug: string;
  model: AccountPageModel;
  notice?: MessageKey | null | undefined;
  upload?: { values: Record<string, string>; errors?: FieldErrors | undefined } | undefined;
  account?: { values: Record<string, string>; errors?: FieldErrors | undefined } | undefined;
  check?: { values: Record<string, string>; errors?: FieldErrors | undefined } | undefined;
}

/** The applicant's page after the decision: the letter, the money, photos and receipts, the account and the spot check. */
export function AccountPage({ ctx, slug, model: m, notice, upload, account, check }: AccountPageProps) {
  const { t, locale } = ctx;
  const base = `/${slug}/samen-doen/verantwoorden/${m.reference}`;
  const errors = { ...upload?.errors, ...account?.errors, ...check?.errors };
  const uv = upload?.values ?? {};
  const av = account?.values ?? {};
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.account.title', { reference: m.reference, title: m.title })}</h1>
      {m.isDemo && <p class="utrecht-paragraph">{t('initiatives.review.demo')}</p>}
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">
        {t('initiatives.account.status', { status: translateChecked(t, `initiatives.review.status.${m.status}`) })}
      </p>
      {m.decision === null ? (
        <p class="utrecht-paragraph">{t('initiatives.account.noDecision')}</p>
      ) : (
        <section aria-labelledby="ac-letter">
          <h2 class="utrecht-heading-2" id="ac-letter">
            {t('initiatives.account.letter', { date: m.decidedOn ? formatDay(m.decidedOn, locale) : '' })}
          </h2>
          <div class="mail-text">{m.letter}</div>
          {m.grantedCents !== null && m.grantedCents > 0 && (
            <p class="utrecht-paragraph">
              {t('initiatives.account.paid', { granted: formatEuro(m.grantedCents, locale), paid: formatEuro(m.paidCents, locale) })}
            </p>
          )}
        </section>
      )}

      {(m.canAccount || m.account || m.files.length > 0) && (
        <section aria-labelledby="ac-account">
          <h2 class="utrecht-heading-2" id="ac-account">
            {t('initiatives.account.heading')}
          </h2>
          {m.canAccount && <p class="utrecht-paragraph">{t('initiatives.account.intro')}</p>}
          <h3 class="utrecht-heading-3">{t('initiatives.account.files')}</h3>
          {m.files.length === 0 ? (
            <p class="utrecht-paragraph">{t('initiatives.account.noFiles')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {m.files.map((f) => {
                const name = f.fileName || t(f.kind === 'photo' ? 'initiatives.account.photo' : 'initiatives.account.receipt');
                return (
                  <li>
                    {t(f.kind === 'photo' ? 'initiatives.account.photo' : 'initiatives.account.receipt')}:{' '}
                    <a class="utrecht-link" href={`/${slug}/samen-doen/bestanden/${f.id}`}>
                      {t('initiatives.account.open', { name })}
                    </a>
                    {f.altText && ` — ${f.altText}`}
                    {f.kind === 'photo' && ` (${t(f.shownPublicly ? 'initiatives.account.shown' : 'initiatives.account.notShown')})`}{' '}
                    {m.canAccount && (
                      <ButtonForm
                        ctx={ctx}
                        action={`${base}/verwijderen`}
                        hidden={{ file: f.id }}
                        label={t('initiatives.account.removeLabel', { name })}
                      >
                        {t('initiatives.account.remove')}
                      </ButtonForm>
                    )}
                  </li>
                );
              })}
            </ul>
          )}

          {m.canAccount && (
            <>
              <Form ctx={ctx} action={`${base}/bestand`} enctype="multipart/form-data" label={t('initiatives.account.upload.title')}>
                <h3 class="utrecht-heading-3">{t('initiatives.account.upload.title')}</h3>
                <ChoiceGroup
                  type="radio"
                  name="kind"
                  legend={t('initiatives.account.upload.kind')}
                  options={[
                    { value: 'photo', label: t('initiatives.account.photo') },
                    { value: 'receipt', label: t('initiatives.account.receipt') },
                  ]}
                  checked={[uv['kind'] ?? 'photo']}
                  error={upload?.errors?.['kind']}
                />
                <div class={`utrecht-form-field${upload?.errors?.['file'] ? ' utrecht-form-field--invalid' : ''}`}>
                  <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for="veld-file">
                      {t('initiatives.account.upload.file')}
                    </label>
                  </div>
                  <div class="utrecht-form-field-description" id="veld-file-hint">
                    {t('initiatives.account.upload.fileHint')}
                  </div>
                  {upload?.errors?.['file'] && (
                    <div class="utrecht-form-field-error-message" id="veld-file-error">
                      {upload.errors['file']}
                    </div>
                  )}
                  <input
                    type="file"
                    id="veld-file"
                    name="file"
                    accept="image/jpeg,image/png,image/webp,application/pdf"
                    aria-describedby={upload?.errors?.['file'] ? 'veld-file-hint veld-file-error' : 'veld-file-hint'}
                  />
                </div>
                <TextField
                  name="altText"
                  label={t('initiatives.account.upload.alt')}
                  value={uv['altText'] ?? ''}
                  error={upload?.errors?.['altText']}
                  maxLength={MAX_ALT}
                />
                <CheckboxField
                  name="shown"
                  label={t('initiatives.account.upload.shown')}
                  hint={t('initiatives.account.upload.shownHint')}
                  checked={uv['shown'] === '1'}
                />
                <SubmitButton>{t('initiatives.account.upload.button')}</SubmitButton>
              </Form>

              <Form ctx={ctx} action={`${base}/insturen`} label={t('initiatives.account.heading')}>
                <TextAreaField
                  name="whatHappened"
                  label={t('initiatives.account.form.whatHappened')}
                  value={av['whatHappened'] ?? ''}
                  error={account?.errors?.['whatHappened']}
                  maxLength={MAX_WHAT_HAPPENED}
                  rows={6}
                />
                <TextField
                  name="participants"
                  label={t('initiatives.account.form.participants')}
                  value={av['participants'] ?? ''}
                  error={account?.errors?.['participants']}
                  inputMode="numeric"
                  maxLength={6}
                />
                <TextField
                  name="spent"
                  label={t('initiatives.account.form.spent')}
                  hint={t('initiatives.account.form.spentHint')}
                  value={av['spent'] ?? ''}
                  error={account?.errors?.['spent']}
                  inputMode="decimal"
                  maxLength={20}
                />
                <SubmitButton>{t('initiatives.account.form.button')}</SubmitButton>
              </Form>
            </>
          )}

          {m.account && (
            <>
              <p class="utrecht-paragraph">{t('initiatives.account.submitted', { date: formatDay(m.account.submittedOn, locale) })}</p>
              <div class="mail-text">{m.account.whatHappened}</div>
              <ul class="utrecht-unordered-list">
                {m.account.participants !== null && <li>{t('initiatives.account.participantsLine', { count: m.account.participants })}</li>}
                {m.account.spentCents !== null && (
                  <li>{t('initiatives.account.spentLine', { amount: formatEuro(m.account.spentCents, locale) })}</li>
                )}
              </ul>
              <p class="utrecht-paragraph">
                {t(m.account.spotCheck ? 'initiatives.account.spotCheck.chosen' : 'initiatives.account.spotCheck.notChosen')}
              </p>
              {m.account.spotCheckedOn && (
                <p class="utrecht-paragraph">
                  {t('initiatives.account.spotCheck.result', {
                    date: formatDay(m.account.spotCheckedOn, locale),
                    result: m.account.spotCheckResult,
                  })}
                </p>
              )}
              {m.isCoordinator && m.account.spotCheck && (
                <Form ctx={ctx} action={`${base}/steekproef`} label={t('initiatives.account.spotCheck.form')}>
                  <TextAreaField
                    name="result"
                    label={t('initiatives.account.spotCheck.form')}
                    value={check?.values['result'] ?? m.account.spotCheckResult}
                    error={check?.errors?.['result']}
                    maxLength={MAX_RESULT}
                    rows={3}
                  />
                  <SubmitButton>{t('initiatives.account.spotCheck.button')}</SubmitButton>
                </Form>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
