import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, ErrorSummary, Form, SelectField, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { ComparisonSuggestion } from '../suggest.service.ts';
import type { EvaluationWarning } from '../register.checks.ts';

export type FormValues = Record<string, string | string[]>;

export interface EvaluationFormModel {
  action: string;
  heading: string;
  intro: string | null;
  cards: { id: string; label: string }[];
  wijken: { code: string; name: string }[];
  buurten: { code: string; name: string }[];
  indicators: { code: string; name: string }[];
  /** Shown after "Stel vergelijkingswijken voor" (or again after a refusal). */
  suggestion: ComparisonSuggestion | null;
  /** Why no suggestion could be made (no project areas or start date yet). */
  suggestionProblem: string | null;
  warnings: EvaluationWarning[];
}

const one = (v: FormValues, name: string) => {
  const x = v[name];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};
export const many = (v: FormValues, name: string): string[] => {
  const x = v[name];
  return (Array.isArray(x) ? x : x ? [x] : []).map((s) => s.trim()).filter(Boolean);
};

export function formatNumber(ctx: ViewContext, n: number | null, decimals = 1): string {
  if (n === null) return '–';
  return n.toLocaleString(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: decimals });
}

function Suggestions({ ctx, s, values }: { ctx: ViewContext; s: ComparisonSuggestion; values: FormValues }) {
  const { t, locale } = ctx;
  const name = (f: ComparisonSuggestion['features'][number]) => {
    const n = locale === 'nl' ? f.nameNl : f.nameEn || f.nameNl;
    return f.kind === 'outcome' ? t('evaluation.suggest.before', { name: n }) : n;
  };
  const mean = (key: string) => {
    const xs = s.intervention.map((i) => i.values[key]).filter((x): x is number => typeof x === 'number');
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const likeness = (l: string | null) =>
    t(l ? (`evaluation.likeness.${l}` as 'evaluation.likeness.strong') : 'evaluation.likeness.unknown');
  return (
    <section aria-labelledby="voorstel" class="section">
      <h2 class="utrecht-heading-2" id="voorstel">
        {t('evaluation.suggest.title')}
      </h2>
      {s.suggestions.length === 0 ? (
        <p>{t('evaluation.suggest.none')}</p>
      ) : (
        <>
          <p>{t('evaluation.suggest.intro')}</p>
          <ChoiceGroup
            type="checkbox"
            name="suggestedCodes"
            legend={t('evaluation.suggest.title')}
            hint={t('evaluation.suggest.how')}
            options={s.suggestions.map((x) => ({
              value: x.areaCode,
              label: t('evaluation.suggest.take', {
                area: x.name,
                likeness: likeness(x.likeness),
                distance: formatNumber(ctx, x.distance, 2),
              }),
            }))}
            checked={many(values, 'suggestedCodes')}
          />
          <h3 class="utrecht-heading-3">{t('evaluation.suggest.figures')}</h3>
          <DataTable columns={[t('evaluation.suggest.area'), t('evaluation.suggest.distance'), ...s.features.map(name)]}>
            <tr>
              <th scope="row">{t('evaluation.suggest.projectAreas')}</th>
              <td>–</td>
              {s.features.map((f) => (
                <td>{formatNumber(ctx, mean(f.key), f.decimals)}</td>
              ))}
            </tr>
            {s.suggestions.map((x) => (
              <tr>
                <th scope="row">{x.name}</th>
                <td>
                  {formatNumber(ctx, x.distance, 2)} ({likeness(x.likeness)})
                </td>
                {s.features.map((f) => (
                  <td>{formatNumber(ctx, x.values[f.key] ?? null, f.decimals)}</td>
                ))}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

/** Areas as checkboxes: wijken in view, buurten (when the municipality has them) folded away unless one is ticked. */
function AreaChoice(props: {
  ctx: ViewContext;
  name: 'interventionCodes' | 'comparisonCodes';
  legend: string;
  hint?: string;
  model: EvaluationFormModel;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { ctx, name, model, values } = props;
  const buurtName = name === 'interventionCodes' ? 'interventionBuurten' : 'comparisonBuurten';
  const ticked = many(values, buurtName);
  return (
    <>
      <ChoiceGroup
        type="checkbox"
        name={name}
        legend={props.legend}
        hint={props.hint}
        error={props.errors[name]}
        options={model.wijken.map((a) => ({ value: a.code, label: a.name }))}
        checked={many(values, name)}
      />
      {model.buurten.length > 0 && (
        <details open={ticked.length > 0}>
          <summary>{ctx.t('evaluation.form.buurten')}</summary>
          <ChoiceGroup
            type="checkbox"
            name={buurtName}
            legend={`${props.legend}: ${ctx.t('evaluation.form.buurten')}`}
            options={model.buurten.map((a) => ({ value: a.code, label: a.name }))}
            checked={ticked}
          />
        </details>
      )}
    </>
  );
}

/** Register or change an evaluation; works without JavaScript ("Stel vergelijkingswijken voor" re-renders it). */
export function EvaluationForm({
  ctx,
  model,
  values,
  errors,
}: {
  ctx: ViewContext;
  model: EvaluationFormModel;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{model.heading}</h1>
      {model.intro && <p>{model.intro}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      {model.warnings.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning" role="status" aria-labelledby="waarschuwingen">
          <h2 class="utrecht-heading-2" id="waarschuwingen">
            {t('evaluation.form.warnings')}
          </h2>
          <ul>
            {model.warnings.map((w) => (
              <li>{t(w.key, w.vars)}</li>
            ))}
          </ul>
        </div>
      )}
      <Form ctx={ctx} action={model.action} label={model.heading}>
        {many(values, 'keptSuggested').map((c) => (
          <input type="hidden" name="keptSuggested" value={c} />
        ))}
        <TextField
          name="titleNl"
          label={t('evaluation.form.title')}
          value={one(values, 'titleNl')}
          error={errors['titleNl']}
          required
          maxLength={300}
        />
        <TextField
          name="titleEn"
          label={t('evaluation.form.titleEn')}
          value={one(values, 'titleEn')}
          error={errors['titleEn']}
          maxLength={300}
        />
        <TextAreaField
          name="questionNl"
          label={t('evaluation.form.question')}
          hint={t('evaluation.form.questionHint')}
          value={one(values, 'questionNl')}
          error={errors['questionNl']}
          maxLength={2000}
          rows={3}
        />
        <TextAreaField
          name="questionEn"
          label={t('evaluation.form.questionEn')}
          value={one(values, 'questionEn')}
          error={errors['questionEn']}
          maxLength={2000}
          rows={2}
        />
        <SelectField
          name="cardId"
          label={t('evaluation.form.card')}
          options={[{ value: '', label: t('evaluation.form.noCard') }, ...model.cards.map((c) => ({ value: c.id, label: c.label }))]}
          value={one(values, 'cardId')}
          error={errors['cardId']}
        />
        <TextField
          name="startDay"
          label={t('evaluation.form.startDay')}
          hint={t('evaluation.form.dayHint')}
          value={one(values, 'startDay')}
          error={errors['startDay']}
          required
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          name="endDay"
          label={t('evaluation.form.endDay')}
          hint={t('evaluation.form.dayHint')}
          value={one(values, 'endDay')}
          error={errors['endDay']}
          inputMode="numeric"
          maxLength={10}
        />
        <ChoiceGroup
          type="checkbox"
          name="indicatorCodes"
          legend={t('evaluation.form.indicators')}
          error={errors['indicatorCodes']}
          options={model.indicators.map((i) => ({ value: i.code, label: i.name }))}
          checked={many(values, 'indicatorCodes')}
        />
        <AreaChoice
          ctx={ctx}
          name="interventionCodes"
          legend={t('evaluation.form.intervention')}
          model={model}
          values={values}
          errors={errors}
        />
        <AreaChoice
          ctx={ctx}
          name="comparisonCodes"
          legend={t('evaluation.form.comparison')}
          hint={t('evaluation.form.comparisonHint')}
          model={model}
          values={values}
          errors={errors}
        />
        <p>
          <button type="submit" name="actie" value="voorstel" class="utrecht-button utrecht-button--secondary-action">
            {t('evaluation.form.suggest')}
          </button>
        </p>
        {model.suggestionProblem && <p role="status">{model.suggestionProblem}</p>}
        {model.suggestion && <Suggestions ctx={ctx} s={model.suggestion} values={values} />}
        <SelectField
          name="method"
          label={t('evaluation.form.method')}
          options={[
            { value: 'did', label: t('evaluation.form.method.did') },
            { value: 'synthetic', label: t('evaluation.form.method.synthetic') },
          ]}
          value={one(values, 'method') || 'did'}
        />
        <SelectField
          name="status"
          label={t('evaluation.form.status')}
          options={(['draft', 'running', 'finished'] as const).map((s) => ({ value: s, label: t(`evaluation.status.${s}`) }))}
          value={one(values, 'status') || 'draft'}
          error={errors['status']}
        />
        <ChoiceGroup
          type="checkbox"
          name="published"
          legend={t('evaluation.list.published')}
          options={[{ value: '1', label: t('evaluation.form.published') }]}
          checked={one(values, 'published') === '1' ? ['1'] : []}
        />
        <p>
          <button type="submit" name="actie" value="opslaan" class="utrecht-button utrecht-button--primary-action">
            {t('evaluation.form.save')}
          </button>
        </p>
      </Form>
    </>
  );
}
