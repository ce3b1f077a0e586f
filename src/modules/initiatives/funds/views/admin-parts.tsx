import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, fieldId, type FieldErrors } from '../../../../ui/form.tsx';
import type { Fund, Round } from '../../initiatives.service.ts';

export type Values = Record<string, string | string[]>;
export const str = (v: Values | undefined, k: string, d = ''): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : d;
};
export const list = (v: Values | undefined, k: string, d: string[] = []): string[] => {
  const x = v?.[k];
  return Array.isArray(x) ? x : typeof x === 'string' ? [x] : d;
};
export const BUDGET_ROWS = 5;
export type AreaOption = { value: string; label: string };

/** A keyboard-usable multi-select of areas (wijken and buurten). */
export function AreasSelect({
  name,
  label,
  hint,
  options,
  selected,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  options: AreaOption[];
  selected: string[];
  error?: string | undefined;
}) {
  const id = fieldId(name);
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field-description" id={`${id}-hint`}>
        {hint}
      </div>
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <select
        class="utrecht-select utrecht-select--html-select"
        id={id}
        name={name}
        multiple
        size={5}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        {options.map((o) => (
          <option value={o.value} selected={selected.includes(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface AdminFundView {
  fund: Fund;
  rounds: Round[];
  budgets: { id: string; year: number; label: string; areaCodes: string[]; amountCents: number }[];
  cofunding: { id: string; year: number; sourceName: string; perUnitCents: number | null; units: number | null; amountCents: number }[];
  areas: AreaOption[];
  /** This year (app clock): the default of the year fields. */
  year: number;
}

export function AdminFundsPage({
  ctx,
  funds,
  errors,
  values,
}: {
  ctx: ViewContext;
  funds: Fund[];
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const { t } = ctx;
  const root = tenantPath(ctx, '');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.admin.title')}</h1>
      <ul class="utrecht-unordered-list">
        {funds.map((f) => (
          <li>
            <a class="utrecht-link" href={`${root}/beheer/samen-doen/${f.slug}`}>
              {f.nameNl}
            </a>
            {f.isDemo ? ` (${t('initiatives.demoLabel')})` : ''}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('initiatives.admin.newFund')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`${root}/beheer/samen-doen`} label={t('initiatives.admin.newFund')}>
        <TextField
          name="nameNl"
          label={t('initiatives.admin.name')}
          value={str(values, 'nameNl')}
          error={errors?.nameNl}
          maxLength={120}
          required
        />
        <TextField
          name="slug"
          label={t('initiatives.admin.slug')}
          hint={t('initiatives.admin.slugHint')}
          value={str(values, 'slug')}
          error={errors?.slug}
          maxLength={80}
          required
        />
        <SubmitButton>{t('initiatives.admin.create')}</SubmitButton>
      </Form>
    </>
  );
}
