/** The search form's groups of checkboxes and radio buttons (plain HTML: they work without JavaScript). */
import { fieldId } from '../../../../ui/form.tsx';

/** Checkboxes of term codes in a fieldset (any of them may be ticked). */
export function Checkboxes({
  name,
  legend,
  hint,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { code: string; name: string }[];
  checked: string[];
}) {
  if (options.length === 0) return null;
  return (
    <fieldset class="utrecht-form-fieldset sm-fieldset" aria-describedby={hint ? `${fieldId(name)}-hint` : undefined}>
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && (
        <p class="utrecht-form-field-description" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      <div id={fieldId(name)} class="sm-choices">
        {options.map((o, i) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox sm-choice">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id={`${fieldId(name)}-${i}`}
              name={name}
              value={o.code}
              checked={checked.includes(o.code)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${fieldId(name)}-${i}`}>
              {o.name}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One choice of a few, in a fieldset. */
export function Radios({
  name,
  legend,
  options,
  value,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
}) {
  return (
    <fieldset class="utrecht-form-fieldset sm-fieldset">
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      <div id={fieldId(name)} class="sm-choices">
        {options.map((o, i) => (
          <div class="utrecht-form-field utrecht-form-field--radio sm-choice">
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`${fieldId(name)}-${i}`}
              name={name}
              value={o.value}
              checked={o.value === value}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for={`${fieldId(name)}-${i}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
