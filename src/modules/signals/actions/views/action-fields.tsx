/** The fields of the action forms on the signal page: each with its hint, its message when refused and what was typed. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { describedBy, FieldFrame } from '../../../../ui/form.tsx';
import { MAX_ACTION_TEXT } from '../actions.schemas.ts';
import type { ActionsPanel } from './actions.tsx';

/** The refused form's messages and values when `form` is the one that failed, else nothing. */
export function failedFor(panel: ActionsPanel, form: string): { errors: Record<string, string>; values: Record<string, string> } {
  return panel.failed?.form === form ? panel.failed : { errors: {}, values: {} };
}

/** "Controleer de punten hieronder" for one action form, each message linking to its field. */
export function FormErrors({ ctx, errors, ids }: { ctx: ViewContext; errors: Record<string, string>; ids: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error error-summary" role="alert">
      <p class="utrecht-paragraph">
        <strong>{ctx.t('form.errorSummary')}</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a class="utrecht-link" href={`#${ids[field] ?? ids['*'] ?? ''}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled control with a hint; ids are given, so several forms of the same kind fit on one page. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} extraClass=" utrecht-form-field--text">
      {children}
    </FieldFrame>
  );
}

export function TextBox(p: { id: string; name: string; label: string; hint?: string; rows?: number; value?: string; error?: string }) {
  const { id, name, label, hint, rows = 2, value, error } = p;
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} {...(error ? { error } : {})}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        id={id}
        name={name}
        rows={rows}
        maxLength={MAX_ACTION_TEXT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </Field>
  );
}

export function OwnerSelect({
  ctx,
  id,
  panel,
  organisationId,
  value,
  error,
}: {
  ctx: ViewContext;
  id: string;
  panel: ActionsPanel;
  organisationId?: string;
  value?: string | null;
  error?: string | undefined;
}) {
  // One organisation: its people only. A new action (organisation not chosen yet): the people grouped per
  // organisation, so nobody is picked for the wrong one; the server checks the choice all the same.
  const hint = ctx.t(organisationId ? 'signals.actions.field.ownerHint' : 'signals.actions.field.ownerHintGrouped');
  const option = (m: ActionsPanel['members'][number]) => (
    <option value={m.userId} selected={m.userId === value}>
      {m.name}
    </option>
  );
  const groups = [...new Set(panel.members.map((m) => m.organisationId))];
  return (
    <Field id={id} label={ctx.t('signals.actions.field.owner')} hint={hint} {...(error ? { error } : {})}>
      <select
        class="utrecht-select utrecht-select--html-select"
        id={id}
        name="ownerUserId"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        <option value="">{ctx.t('signals.actions.nobody')}</option>
        {organisationId
          ? panel.members.filter((m) => m.organisationId === organisationId).map(option)
          : groups.map((orgId) => {
              const people = panel.members.filter((m) => m.organisationId === orgId);
              return <optgroup label={people[0]!.organisationName}>{people.map(option)}</optgroup>;
            })}
      </select>
    </Field>
  );
}

export function DueDate({
  ctx,
  id,
  value,
  min,
  error,
}: {
  ctx: ViewContext;
  id: string;
  value?: string | null;
  min: string;
  error?: string;
}) {
  const hint = ctx.t('signals.actions.field.dueHint');
  return (
    <Field id={id} label={ctx.t('signals.actions.field.due')} hint={hint} {...(error ? { error } : {})}>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="date"
        id={id}
        name="dueDate"
        value={value ?? ''}
        min={min}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Field>
  );
}
