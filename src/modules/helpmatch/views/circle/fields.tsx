/** Small view helpers of the care circle: a textarea field, notices, a button-only form and date labels. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { fieldId } from '../../../../ui/form.tsx';

/** A labelled textarea with hint and error, marked up like the shared TextField. */
export function TextAreaField({ name, label, hint, error, value, maxLength, rows = 4 }: { name: string; label: string; hint?: string; error?: string | undefined; value?: string | undefined; maxLength?: number; rows?: number }) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
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
      <div class="utrecht-form-field__input">
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea utrecht-textbox${error ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name={name}
          rows={rows}
          maxLength={maxLength}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
        >
          {value ?? ''}
        </textarea>
      </div>
    </div>
  );
}

/** A form that is only a button (take, give back, remove…): posts with the CSRF token. */
export function ButtonForm({ ctx, action, label, children, secondary = true }: { ctx: ViewContext; action: string; label?: string; children: ComponentChildren; secondary?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit" class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`} aria-label={label}>
        {children}
      </button>
    </form>
  );
}

export function Notice({ ctx, messageKey }: { ctx: ViewContext; messageKey: string | null }) {
  if (!messageKey) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(messageKey)}
    </p>
  );
}

/** "dinsdag 24 november 2026" for a yyyy-mm-dd date. */
export function longDate(ctx: ViewContext, date: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "24 november 2026". */
export function shortDate(ctx: ViewContext, date: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function hoursText(ctx: ViewContext, hours: number): string {
  return new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(hours);
}
