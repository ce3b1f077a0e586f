/** The administrator's page of Open311 API keys: list with revoke buttons, the form for a new key, and the key shown once. */
import { formatMoment as formatDateTime } from '../dates.ts';
import type { ViewContext } from '../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, fieldId } from '../../../ui/form.tsx';
import type { ApiKeyLine } from './apikeys.presenter.ts';
import { DEFAULT_KEY_LIMIT } from './ratelimit.ts';
import { CLIENT_NAME_MAX, LIMIT_DIGITS } from './schemas.ts';

export interface KeyFormValues {
  client: string;
  rights: string;
  organisation: string;
  limit: string;
}

/** A key's writes a minute, with a small form to change it (the field's id is unique per key). */
function LimitForm({ ctx, slug, k, error }: { ctx: ViewContext; slug: string; k: ApiKeyLine; error: string | undefined }) {
  const { t } = ctx;
  const id = fieldId(`limit-${k.id}`);
  return (
    <Form ctx={ctx} action={`/${slug}/beheer/open311/${k.id}/limiet`} label={t('open311.admin.limit.label', { client: k.clientName })}>
      <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
        <label class="utrecht-form-label visually-hidden" for={id}>
          {t('open311.admin.limit.label', { client: k.clientName })}
        </label>
        {error && (
          <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
            {error}
          </p>
        )}
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          id={id}
          name="limit"
          type="text"
          inputMode="numeric"
          size={6}
          maxLength={LIMIT_DIGITS}
          required
          value={String(k.rateLimit)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-fout` : undefined}
        />
      </div>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        {t('open311.admin.limit.save', { client: k.clientName })}
      </button>
    </Form>
  );
}

function KeyTable({
  ctx,
  slug,
  keys,
  organisations,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  keys: ApiKeyLine[];
  organisations: ReadonlyMap<string, string>;
  errors: Record<string, string> | undefined;
}) {
  const { t, locale } = ctx;
  if (keys.length === 0) return <p class="utrecht-paragraph">{t('open311.admin.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('open311.admin.list')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {(['client', 'prefix', 'rights', 'limit', 'created', 'lastUsed', 'status'] as const).map((c) => (
              <th class="utrecht-table__header-cell" scope="col">
                {t(`open311.admin.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {keys.map((k) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {k.clientName}
                {k.organisationId && organisations.get(k.organisationId) ? ` (${organisations.get(k.organisationId)})` : ''}
              </th>
              <td class="utrecht-table__cell">
                <code>{k.keyPrefix}…</code>
              </td>
              <td class="utrecht-table__cell">
                {[k.canReport ? t('open311.admin.rights.report') : null, k.canHandle ? t('open311.admin.rights.handle') : null]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td class="utrecht-table__cell">
                {k.revokedAt ? k.rateLimit : <LimitForm ctx={ctx} slug={slug} k={k} error={errors?.[`limit-${k.id}`]} />}
              </td>
              <td class="utrecht-table__cell">{formatDateTime(locale, k.createdAt)}</td>
              <td class="utrecht-table__cell">{k.lastUsedAt ? formatDateTime(locale, k.lastUsedAt) : t('open311.admin.never')}</td>
              <td class="utrecht-table__cell">
                {k.revokedAt ? (
                  t('open311.admin.status.revoked', { date: formatDateTime(locale, k.revokedAt) })
                ) : (
                  <>
                    {t('open311.admin.status.active')}
                    <Form
                      ctx={ctx}
                      action={`/${slug}/beheer/open311/${k.id}/intrekken`}
                      label={t('open311.admin.revoke', { client: k.clientName })}
                    >
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        {t('open311.admin.revoke', { client: k.clientName })}
                      </button>
                    </Form>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** List of keys and the form to make one. */
export function KeysPage(props: {
  ctx: ViewContext;
  slug: string;
  keys: ApiKeyLine[];
  organisations: { id: string; name: string }[];
  revoked?: boolean;
  limitSaved?: boolean;
  errors?: Record<string, string>;
  values?: KeyFormValues;
}) {
  const { ctx, slug, keys, organisations, errors, values } = props;
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('open311.admin.title')}</h1>
      {props.revoked && (
        <p class="utrecht-paragraph" role="status">
          {t('open311.admin.revoked')}
        </p>
      )}
      {props.limitSaved && (
        <p class="utrecht-paragraph" role="status">
          {t('open311.admin.limit.saved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">{t('open311.admin.intro')}</p>
      <p class="utrecht-paragraph">{t('open311.admin.docs')}</p>
      <h2 class="utrecht-heading-2">{t('open311.admin.list')}</h2>
      <KeyTable ctx={ctx} slug={slug} keys={keys} organisations={new Map(organisations.map((o) => [o.id, o.name]))} errors={errors} />
      <h2 class="utrecht-heading-2">{t('open311.admin.new')}</h2>
      <Form ctx={ctx} action={`/${slug}/beheer/open311`} label={t('open311.admin.new')}>
        <TextField
          name="client"
          label={t('open311.admin.field.client')}
          hint={t('open311.admin.field.client.hint')}
          value={values?.client}
          error={errors?.client}
          required
          maxLength={CLIENT_NAME_MAX}
        />
        <SelectField
          name="rights"
          label={t('open311.admin.field.rights')}
          value={values?.rights ?? 'report'}
          error={errors?.rights}
          options={[
            { value: 'report', label: t('open311.admin.field.rights.report') },
            { value: 'handle', label: t('open311.admin.field.rights.handle') },
            { value: 'both', label: t('open311.admin.field.rights.both') },
          ]}
        />
        <SelectField
          name="organisation"
          label={t('open311.admin.field.organisation')}
          hint={t('open311.admin.field.organisation.hint')}
          value={values?.organisation ?? ''}
          error={errors?.organisation}
          options={[
            { value: '', label: t('open311.admin.field.organisation.none') },
            ...organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <TextField
          name="limit"
          label={t('open311.admin.field.limit')}
          hint={t('open311.admin.field.limit.hint')}
          value={values?.limit ?? String(DEFAULT_KEY_LIMIT)}
          error={errors?.limit}
          inputMode="numeric"
          required
          maxLength={LIMIT_DIGITS}
        />
        <SubmitButton>{t('open311.admin.submit')}</SubmitButton>
      </Form>
    </>
  );
}

/** The new key, shown this once. */
export function KeyCreatedPage({ ctx, slug, client, apiKey }: { ctx: ViewContext; slug: string; client: string; apiKey: string }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('open311.admin.created.title')}</h1>
      <p class="utrecht-paragraph">{t('open311.admin.created.text', { client })}</p>
      <p class="utrecht-paragraph">
        <code class="api-key">{apiKey}</code>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/beheer/open311`}>
          {t('open311.admin.created.back')}
        </a>
      </p>
    </>
  );
}
