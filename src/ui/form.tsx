import type { ComponentChildren, JSX } from 'preact';
import type { ViewContext } from './context.ts';

export type FieldErrors = Record<string, string>;

/** A form that posts with the CSRF token; works without JavaScript. */
export function Form({
  ctx,
  action,
  children,
  enctype,
  label,
}: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
  enctype?: string;
  label?: string;
}) {
  return (
    <form method="post" action={action} class="form" novalidate {...(enctype ? { enctype } : {})} aria-label={label}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

/** Error summary at the top of a form: each error links to its field. Focused by the page on load is not needed: it has role alert. */
export function ErrorSummary({ ctx, errors }: { ctx: ViewContext; errors?: FieldErrors | undefined }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" class="utrecht-heading-2">
        {ctx.t('form.errorSummary')}
      </h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li>
            <a class="utrecht-link" href={`#${fieldId(field)}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `veld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'url' | 'search';
  autocomplete?: string;
  required?: boolean;
  inputMode?: JSX.HTMLAttributes['inputMode'];
  maxLength?: number;
}

/** The shared frame of a field: label, hint and error (linked by aria-describedby), then the control. */
function FieldFrame({
  id,
  label,
  hint,
  error,
  extraClass = '',
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  extraClass?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`utrecht-form-field${extraClass}${error ? ' utrecht-form-field--invalid' : ''}`}>
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
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** Label, hint, error next to the field, and the input, wired with aria-describedby. */
export function TextField({ name, label, hint, error, value, type = 'text', autocomplete, required, inputMode, maxLength }: FieldProps) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} extraClass=" utrecht-form-field--text">
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        id={id}
        name={name}
        type={type}
        value={value ?? ''}
        autocomplete={autocomplete}
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        inputMode={inputMode}
        maxLength={maxLength}
      />
    </FieldFrame>
  );
}

/** A labelled select with hint and error, like TextField. */
export function SelectField({
  name,
  label,
  options,
  value,
  error,
  hint,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        class="utrecht-select utrecht-select--html-select"
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function SubmitButton({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="utrecht-button utrecht-button--primary-action">
      {children}
    </button>
  );
}
