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
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'url' | 'search' | 'date';
  autocomplete?: string;
  required?: boolean;
  inputMode?: JSX.HTMLAttributes['inputMode'];
  maxLength?: number;
  /** data-* attributes for a script that enhances the field (e.g. `data-address-autocomplete`, public/address-autocomplete.js). */
  data?: Readonly<Record<`data-${string}`, string>>;
}

/** The shared frame of a field: label, hint and error (linked by aria-describedby), then the control. */
export function FieldFrame({
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

/** The aria-describedby value for a field's hint and error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** Label, hint, error next to the field, and the input, wired with aria-describedby. */
export function TextField({
  name,
  label,
  hint,
  error,
  value,
  type = 'text',
  autocomplete,
  required,
  inputMode,
  maxLength,
  data,
}: FieldProps) {
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
        {...data}
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

/** A labelled textarea with hint, error and an optional maximum length, marked up like TextField. */
export function TextAreaField({
  id: givenId,
  name,
  label,
  hint,
  error,
  value,
  maxLength,
  rows = 4,
}: {
  /** Only when several fields on one page share a name (several small forms); otherwise derived from the name. */
  id?: string | undefined;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  maxLength?: number | undefined;
  rows?: number;
}) {
  const id = givenId ?? fieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} extraClass=" utrecht-form-field--textarea">
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
    </FieldFrame>
  );
}

/** One labelled checkbox with an optional hint (value "1" unless given). */
export function CheckboxField({
  name,
  label,
  checked,
  hint,
  value = '1',
}: {
  name: string;
  label: string;
  checked?: boolean | undefined;
  hint?: string | undefined;
  value?: string;
}) {
  const id = fieldId(name);
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={id}
        name={name}
        value={value}
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {label}
      </label>
      {hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
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
    <fieldset
      class={`utrecht-form-fieldset choice-group${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-label">{legend}</legend>
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
      {options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return (
          <div class={`utrecht-form-field utrecht-form-field--${type}`}>
            <input
              class={
                type === 'checkbox'
                  ? 'utrecht-checkbox utrecht-checkbox--html-input'
                  : 'utrecht-radio-button utrecht-radio-button--html-input'
              }
              type={type}
              id={oid}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />{' '}
            <label class={`utrecht-form-label utrecht-form-label--${type}`} for={oid}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form that is only a button (take, give back, remove…): posts with the CSRF token and optional hidden fields. */
export function ButtonForm({
  ctx,
  action,
  label,
  children,
  hidden,
  secondary = true,
}: {
  ctx: ViewContext;
  action: string;
  /** Accessible name when the visible text alone is ambiguous ("Verwijder" → "Verwijder Jan"). */
  label?: string | undefined;
  children: ComponentChildren;
  hidden?: Readonly<Record<string, string>>;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
        aria-label={label}
      >
        {children}
      </button>
    </form>
  );
}
