import type { ComponentChildren } from 'preact';
import { fieldId } from '../../../ui/form.tsx';

function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
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

const described = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** A labelled textarea with hint, error and a maximum length. */
export function TextArea({ name, label, hint, value, error, rows = 5, maxLength }: { name: string; label: string; hint?: string; value?: string | undefined; error?: string | undefined; rows?: number; maxLength?: number }) {
  const id = fieldId(name);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id={id} name={name} rows={rows} maxLength={maxLength} aria-invalid={error ? 'true' : undefined} aria-describedby={described(id, hint, error)}>
        {value ?? ''}
      </textarea>
    </Frame>
  );
}

/** One labelled checkbox. */
export function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked?: boolean; hint?: string }) {
  const id = fieldId(name);
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={name} value="1" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
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

/** A group of radio buttons in a fieldset with a legend. */
export function Radios({ name, legend, options, value, error }: { name: string; legend: string; options: { value: string; label: string }[]; value?: string | undefined; error?: string | undefined }) {
  const id = fieldId(name);
  return (
    <fieldset class={`utrecht-form-fieldset${error ? ' utrecht-form-field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      {options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={oid} name={name} value={o.value} checked={o.value === value} />
            <label class="utrecht-form-label utrecht-form-label--radio" for={oid}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
