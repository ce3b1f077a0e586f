import type { ComponentChildren } from 'preact';
import { DateTime } from 'luxon';
import type { ViewContext } from '../../../ui/context.ts';
import { describedBy, FieldFrame, fieldId, TextAreaField } from '../../../ui/form.tsx';
import { DAY_PARTS, WEEKDAYS, categoryLabelKey, slotValue, type DayPart } from '../categories.ts';
import type { RequestSummary } from '../matches/details.service.ts';
import type { WeeklySlot } from '../requests/requests.service.ts';
import { ZONE } from '../../../platform/time.ts';

/** Buurten of the tenant for selects and labels: code → name, grouped by wijk. */
export interface BuurtOptions {
  groups: { wijk: string; buurten: { code: string; name: string }[] }[];
  names: ReadonlyMap<string, string>;
}

/** "woensdag 25 november, 13:00 – 16:00 uur" or "Elke week: maandag 09:00 – 12:00, …". */
export function whenText(ctx: ViewContext, r: Pick<RequestSummary, 'scheduleKind' | 'date' | 'from' | 'to' | 'slots'>): string {
  const { t } = ctx;
  if (r.scheduleKind === 'once' && r.date) {
    const date = DateTime.fromISO(r.date, { zone: ZONE })
      .setLocale(ctx.locale === 'nl' ? 'nl' : 'en-GB')
      .toFormat('cccc d LLLL yyyy');
    return t('helpmatch.when.once', { date, from: r.from ?? '', to: r.to ?? '' });
  }
  return t('helpmatch.when.weekly', { slots: slotsText(ctx, r.slots) });
}

/** Weekly slots as text. */
export function slotsText(ctx: ViewContext, slots: readonly WeeklySlot[]): string {
  return slots.map((s) => ctx.t('helpmatch.slot', { weekday: ctx.t(`helpmatch.weekday.${s.weekday}`), from: s.from, to: s.to })).join(', ');
}

export function categoryLabel(ctx: ViewContext, code: string): string {
  return ctx.t(categoryLabelKey(code));
}

/** A date (and time) in Europe/Amsterdam, short. */
export function shortDate(ctx: ViewContext, d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE })
    .setLocale(ctx.locale === 'nl' ? 'nl' : 'en-GB')
    .toFormat('d LLL yyyy');
}

export function FieldError({ name, error }: { name: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <div class="utrecht-form-field-error-message" id={`${fieldId(name)}-error`}>
      {error}
    </div>
  );
}

/** A group of checkboxes (or radios) in a fieldset with a legend; the first one carries the field id for the error summary. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  options,
  values,
  error,
  type = 'checkbox',
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  options: { value: string; label: string }[];
  values: readonly string[];
  error?: string | undefined;
  type?: 'checkbox' | 'radio';
}) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`utrecht-form-fieldset hm-choice-group${error ? ' utrecht-form-field--invalid' : ''}`} aria-describedby={described}>
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <FieldError name={name} error={error} />
      {options.map((o, i) => {
        const oid = i === 0 ? id : `${id}-${i}`;
        return (
          <div class="hm-choice">
            <input
              class={`utrecht-${type} utrecht-${type}--html-input`}
              type={type}
              id={oid}
              name={name}
              value={o.value}
              checked={values.includes(o.value)}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={oid}>
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Weekday × part-of-day checkboxes, one fieldset per weekday. */
export function SlotGrid({
  ctx,
  name,
  legend,
  hint,
  values,
  error,
}: {
  ctx: ViewContext;
  name: string;
  legend: string;
  hint?: string;
  values: readonly string[];
  error?: string | undefined;
}) {
  const { t } = ctx;
  const id = fieldId(name);
  return (
    <fieldset class={`utrecht-form-fieldset hm-slot-grid${error ? ' utrecht-form-field--invalid' : ''}`}>
      <legend class="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && <div class="utrecht-form-field-description">{hint}</div>}
      <FieldError name={name} error={error} />
      {WEEKDAYS.map((d) => (
        <fieldset class="utrecht-form-fieldset hm-slot-day">
          <legend class="utrecht-form-fieldset__legend">{t(`helpmatch.weekday.${d}`)}</legend>
          {(Object.keys(DAY_PARTS) as DayPart[]).map((p, i) => {
            const oid = d === 1 && i === 0 ? id : `${id}-${d}-${p}`;
            return (
              <span class="hm-choice hm-choice--inline">
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id={oid}
                  name={name}
                  value={slotValue(d, p)}
                  checked={values.includes(slotValue(d, p))}
                />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={oid}>
                  {t(`helpmatch.part.${p}`)}
                </label>
              </span>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** A labelled textarea with hint and error (the shared field, four rows by default). */
export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  rows?: number;
}) {
  return <TextAreaField {...props} />;
}

/** A labelled native input of a type the shared TextField does not offer (date, time). */
export function NativeInput({
  name,
  label,
  type,
  value,
  error,
  hint,
}: {
  name: string;
  label: string;
  type: 'date' | 'time';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
}) {
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} extraClass=" utrecht-form-field--text">
      <input
        class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--short"
        type={type}
        id={id}
        name={name}
        value={value ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/** A buurt select grouped by wijk. */
export function BuurtSelect({
  ctx,
  name,
  label,
  hint,
  buurten,
  value,
  error,
}: {
  ctx: ViewContext;
  name: string;
  label: string;
  hint?: string;
  buurten: BuurtOptions;
  value?: string | undefined;
  error?: string | undefined;
}) {
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
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
      <FieldError name={name} error={error} />
      <div class="utrecht-form-field__input">
        <select
          class="utrecht-select utrecht-select--html-select"
          id={id}
          name={name}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
        >
          <option value="">{ctx.t('helpmatch.field.buurtChoose')}</option>
          {buurten.groups.map((g) => (
            <optgroup label={g.wijk}>
              {g.buurten.map((b) => (
                <option value={b.code} selected={b.code === value}>
                  {b.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A form with one button (accept, decline, withdraw…). */
export function ButtonForm({
  ctx,
  action,
  label,
  secondary,
  children,
}: {
  ctx: ViewContext;
  action: string;
  label: string;
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class="hm-button-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
      <button type="submit" class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
        {label}
      </button>
    </form>
  );
}

/** A demo marker next to demo records. */
export function DemoTag({ ctx, show }: { ctx: ViewContext; show: boolean }) {
  return show ? <span class="hm-demo-tag"> ({ctx.t('helpmatch.demo')})</span> : null;
}

/** "Wat is een VOG?" in plain words, folded (works without JavaScript). */
export function VogExplain({ ctx }: { ctx: ViewContext }) {
  return (
    <details class="hm-vog">
      <summary>{ctx.t('helpmatch.vog.what')}</summary>
      <p class="utrecht-paragraph">{ctx.t('helpmatch.vog.explain')}</p>
    </details>
  );
}
