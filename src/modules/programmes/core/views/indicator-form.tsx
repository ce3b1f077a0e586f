import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { Goal } from '../../programmes.service.ts';

export interface IndicatorFormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The coordinator ties a goal to a monitor indicator with a baseline, a target value and a target year. */
export function IndicatorForm({
  ctx,
  action,
  goals,
  indicators,
  state,
}: {
  ctx: ViewContext;
  action: string;
  goals: readonly Goal[];
  indicators: ReadonlyMap<string, string>;
  state: IndicatorFormState | undefined;
}) {
  const v = state?.values ?? {};
  const e = state?.errors ?? {};
  const text = (name: string, label: Parameters<ViewContext['t']>[0], hint?: Parameters<ViewContext['t']>[0]) => (
    <TextField name={name} label={ctx.t(label)} hint={hint ? ctx.t(hint) : undefined} value={v[name]} error={e[name]} />
  );
  return (
    <details open={state !== undefined}>
      <summary>{ctx.t('programmes.ind.add')}</summary>
      <ErrorSummary ctx={ctx} errors={state?.errors} />
      <Form ctx={ctx} action={action} label={ctx.t('programmes.ind.add')}>
        <SelectField
          name="goalId"
          label={ctx.t('programmes.ind.goal')}
          options={goals.map((g) => ({ value: g.id, label: `${g.number}. ${g.titleNl}` }))}
          value={v['goalId']}
          error={e['goalId']}
        />
        <SelectField
          name="indicatorCode"
          label={ctx.t('programmes.ind.indicator')}
          options={[...indicators].map(([code, name]) => ({ value: code, label: name }))}
          value={v['indicatorCode']}
          error={e['indicatorCode']}
        />
        {text('baselinePeriod', 'programmes.ind.baselinePeriod', 'programmes.ind.baselinePeriodHint')}
        {text('baselineValue', 'programmes.ind.baselineValue', 'programmes.ind.baselineValueHint')}
        <SelectField
          name="comparator"
          label={ctx.t('programmes.ind.comparator')}
          options={[
            { value: 'at_least', label: ctx.t('programmes.ind.comparator.atLeast') },
            { value: 'at_most', label: ctx.t('programmes.ind.comparator.atMost') },
          ]}
          value={v['comparator']}
          error={e['comparator']}
        />
        {text('targetValue', 'programmes.ind.target')}
        {text('targetYear', 'programmes.ind.year')}
        <SubmitButton>{ctx.t('programmes.ind.save')}</SubmitButton>
      </Form>
    </details>
  );
}
