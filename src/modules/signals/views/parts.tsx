/** Form parts of the signals pages: thin wrappers of the shared fields in ui/form.tsx with this module's defaults. */
import { CheckboxField, ChoiceGroup, TextAreaField } from '../../../ui/form.tsx';

/** A labelled textarea with hint, error and a maximum length (five rows by default). */
export function TextArea({
  name,
  label,
  hint,
  value,
  error,
  rows = 5,
  maxLength,
}: {
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
}) {
  return <TextAreaField name={name} label={label} hint={hint} value={value} error={error} rows={rows} maxLength={maxLength} />;
}

/** One labelled checkbox (value "1"). */
export function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked?: boolean; hint?: string }) {
  return <CheckboxField name={name} label={label} checked={checked} hint={hint} />;
}

/** A group of radio buttons in a fieldset with a legend. */
export function Radios({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <ChoiceGroup type="radio" name={name} legend={legend} options={options} checked={value === undefined ? [] : [value]} error={error} />
  );
}
