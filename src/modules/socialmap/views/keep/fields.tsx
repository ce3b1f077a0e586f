/** Small view helpers of the maintenance pages: textarea, checkbox and radio groups, button forms, notices, freshness. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { fieldId } from '../../../../ui/form.tsx';
import { formatCheckedDate, isStale, needsCheck } from '../../freshness.ts';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
    </>
  );
}

/** A labelled textarea with hint and error, marked up like the shared TextField. */
export function TextAreaField({ name, label, hint, error, value, maxLength, rows = 4 }: { name: string; label: string; hint?: string; error?: string | undefined; value?: string | undefined; maxLength?: number; rows?: number }) {
  const id = fieldId(name);
  return (
    <div class={`utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <HintAndError id={id} hint={hint} error={error} />
      <div class="utrecht-form-field__input">
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea utrecht-textbox${error ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name={name}
          rows={rows}
          maxLength={maxLength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
        >
          {value ?? ''}
        </textarea>
      </div>
    </div>
  );
}

/** A fieldset of checkboxes or radio buttons with a legend; the first control carries the field id (error summary link). */
export function ChoiceGroup({
  type,
  name,
  legend,
  options,
  checked,
  hint,
  error,
}: {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = fieldId(name);
  return (
    <fieldset class={`utrecht-form-fieldset choice-group${error ? ' utrecht-form-fieldset--invalid' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              class={type === 'checkbox' ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input'}
              type={type}
              id={oid}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />{' '}
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={oid}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form that is only a button: posts with the CSRF token. */
export function ButtonForm({ ctx, action, label, children, hidden }: { ctx: ViewContext; action: string; label?: string; children: ComponentChildren; hidden?: Record<string, string> }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={label}>
        {children}
      </button>
    </form>
  );
}

/** Notices after a redirect (`?melding=code`); only these codes are accepted. */
const NOTICES: Record<string, string> = {
  opgeslagen: 'socialmap.keep.saved',
  toegevoegd: 'socialmap.keep.created',
  gecontroleerd: 'socialmap.keep.confirmed',
  'locatie-opgeslagen': 'socialmap.keep.loc.saved',
  'tijd-toegevoegd': 'socialmap.keep.sched.saved',
  'tijd-verwijderd': 'socialmap.keep.sched.removed',
  afgelast: 'socialmap.keep.sched.cancelled',
  verwerkt: 'socialmap.keep.handle.done',
};

/** The i18n key of the notice named in the query string, or null. */
export function noticeKey(query: unknown): string | null {
  const code = (query as { melding?: unknown } | undefined)?.melding;
  return typeof code === 'string' ? (NOTICES[code] ?? null) : null;
}

export function Notice({ ctx, messageKey }: { ctx: ViewContext; messageKey: string | null | undefined }) {
  if (!messageKey) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(messageKey)}
    </p>
  );
}

/** "Laatst gecontroleerd op 23 november 2026" (or never). */
export function lastCheckedText(ctx: ViewContext, lastCheckedAt: Date | null): string {
  return ctx.t('socialmap.keep.lastChecked', { date: lastCheckedAt ? formatCheckedDate(lastCheckedAt, ctx.locale) : ctx.t('socialmap.keep.never') });
}

/** The freshness of an entry in words (never by colour alone). */
export function FreshnessLabel({ ctx, lastCheckedAt, now }: { ctx: ViewContext; lastCheckedAt: Date | null; now: Date }) {
  if (isStale(lastCheckedAt, now)) return <strong class="freshness freshness--stale">{`! ${ctx.t('socialmap.keep.fresh.stale')}`}</strong>;
  if (needsCheck(lastCheckedAt, now)) return <span class="freshness freshness--due">{ctx.t('socialmap.keep.fresh.due')}</span>;
  return <span class="freshness">{ctx.t('socialmap.keep.fresh.ok')}</span>;
}

/** Status of a service in words. */
export function statusLabel(ctx: ViewContext, status: string): string {
  return ctx.t(`socialmap.keep.status.${status === 'temporarily closed' ? 'closed' : status}`);
}
