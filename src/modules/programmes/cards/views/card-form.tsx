import type { ViewContext } from '../../../../ui/context.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { COVERAGE_SOURCES } from '../money.ts';

export type FormValues = Record<string, string | string[]>;

export interface CardFormModel {
  action: string;
  heading: string;
  intro: string | null;
  goals: { id: string; label: string }[];
  areas: { code: string; label: string }[];
  organisations: { id: string; name: string }[];
  /** Number of lead rows and budget rows shown (no JavaScript: "meer regels" posts back for more). */
  leadRows: number;
  lineRows: number;
}

const k = (key: string) => key as MessageKey;
const one = (v: FormValues, name: string) => {
  const x = v[name];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};
const many = (v: FormValues, name: string) => {
  const x = v[name];
  return Array.isArray(x) ? x : x ? [x] : [];
};

/** The project card form (create and edit), without JavaScript; messages beside the fields. */
export function CardForm({
  ctx,
  model,
  values,
  errors,
}: {
  ctx: ViewContext;
  model: CardFormModel;
  values: FormValues;
  errors: FieldErrors;
}) {
  const text = (name: string, label: MessageKey, hint?: MessageKey) => (
    <TextField name={name} label={ctx.t(label)} hint={hint ? ctx.t(hint) : undefined} value={one(values, name)} error={errors[name]} />
  );
  const area = (name: string, label: MessageKey) => (
    <TextAreaField
      name={name}
      label={ctx.t(label)}
      hint={ctx.t('programmes.form.listHint')}
      value={one(values, name)}
      error={errors[name]}
    />
  );
  const options = (prefix: string, keys: readonly string[], none?: MessageKey) => [
    ...(none ? [{ value: '', label: ctx.t(none) }] : []),
    ...keys.map((key) => ({ value: key, label: ctx.t(k(`${prefix}.${key}`)) })),
  ];
  return (
    <>
      <h1 class="utrecht-heading-1">{model.heading}</h1>
      {model.intro && <p>{model.intro}</p>}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action}>
        {['vanActie', 'vanLijn'].map((h) => (one(values, h) ? <input type="hidden" name={h} value={one(values, h)} /> : null))}
        <input type="hidden" name="leadRows" value={String(model.leadRows)} />
        <input type="hidden" name="lineRows" value={String(model.lineRows)} />
        {text('number', 'programmes.form.number')}
        {text('titleNl', 'programmes.form.title')}
        {text('titleEn', 'programmes.form.titleEn')}
        <TextAreaField name="aimNl" label={ctx.t('programmes.form.aim')} value={one(values, 'aimNl')} error={errors['aimNl']} rows={6} />
        <ChoiceGroup
          type="checkbox"
          name="goalIds"
          legend={ctx.t('programmes.form.goals')}
          options={model.goals.map((g) => ({ value: g.id, label: g.label }))}
          checked={many(values, 'goalIds')}
          error={errors['goalIds']}
        />
        <ChoiceGroup
          type="checkbox"
          name="areaCodes"
          legend={ctx.t('programmes.form.areas')}
          hint={ctx.t('programmes.form.areasHint')}
          options={model.areas.map((a) => ({ value: a.code, label: a.label }))}
          checked={many(values, 'areaCodes')}
          error={errors['areaCodes']}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{ctx.t('programmes.form.leads')}</legend>
          <p class="utrecht-form-field-description">{ctx.t('programmes.form.leadsHint')}</p>
          {Array.from({ length: model.leadRows }, (_, i) => (
            <div class="form-row">
              <TextField
                name={`lead${i}_role`}
                label={ctx.t('programmes.form.leadRole', { n: i + 1 })}
                value={one(values, `lead${i}_role`)}
                error={errors[`lead${i}_role`]}
              />
              <SelectField
                name={`lead${i}_area`}
                label={ctx.t('programmes.form.leadArea', { n: i + 1 })}
                options={[
                  { value: '', label: ctx.t('programmes.form.leadAreaAll') },
                  ...model.areas.map((a) => ({ value: a.code, label: a.label })),
                ]}
                value={one(values, `lead${i}_area`)}
                error={errors[`lead${i}_area`]}
              />
            </div>
          ))}
        </fieldset>
        {text('plannedStart', 'programmes.form.plannedStart', 'programmes.form.dayHint')}
        {text('plannedEnd', 'programmes.form.plannedEnd', 'programmes.form.dayHint')}
        {text('actualStart', 'programmes.form.actualStart', 'programmes.form.dayHint')}
        {text('actualEnd', 'programmes.form.actualEnd', 'programmes.form.dayHint')}
        {text('periodText', 'programmes.form.periodText')}
        <SelectField
          name="ownerOrganisationId"
          label={ctx.t('programmes.form.ownerOrg')}
          options={[
            { value: '', label: ctx.t('programmes.form.ownerOrgNone') },
            ...model.organisations.map((o) => ({ value: o.id, label: o.name })),
          ]}
          value={one(values, 'ownerOrganisationId')}
          error={errors['ownerOrganisationId']}
        />
        {text('ownerText', 'programmes.form.ownerText')}
        {area('parties', 'programmes.card.parties')}
        {area('targetGroups', 'programmes.card.targetGroups')}
        <ChoiceGroup
          type="checkbox"
          name="angles"
          legend={ctx.t('programmes.card.angles')}
          options={options('programmes.angle', ['broaden', 'deepen', 'connect'])}
          checked={many(values, 'angles')}
          error={errors['angles']}
        />
        {area('anchoring', 'programmes.card.anchoring')}
        <SelectField
          name="level"
          label={ctx.t('programmes.card.level')}
          options={options('programmes.level', ['basic', 'prevention', 'lasting_support'], 'programmes.form.levelNone')}
          value={one(values, 'level')}
          error={errors['level']}
        />
        <SelectField
          name="ladderRung"
          label={ctx.t('programmes.card.ladder')}
          options={options('programmes.ladder', ['inform', 'consult', 'advise', 'coproduce', 'decide'], 'programmes.form.levelNone')}
          value={one(values, 'ladderRung')}
          error={errors['ladderRung']}
        />
        <SelectField
          name="status"
          label={ctx.t('programmes.form.status')}
          options={options('programmes.pstatus', ['idea', 'planned', 'running', 'ended', 'handed_back', 'stopped'])}
          value={one(values, 'status') || 'planned'}
          error={errors['status']}
        />
        {area('flags', 'programmes.card.flags')}
        <fieldset class="utrecht-form-fieldset" id="begroting">
          <legend class="utrecht-form-fieldset__legend utrecht-form-label">{ctx.t('programmes.money.lines')}</legend>
          <p class="utrecht-form-field-description">{ctx.t('programmes.form.linesHint')}</p>
          {errors['budgetLines'] && (
            <p class="utrecht-form-field-error-message" id="veld-budgetLines">
              {errors['budgetLines']}
            </p>
          )}
          {Array.from({ length: model.lineRows }, (_, i) => {
            const n = { n: i + 1 };
            return (
              <fieldset class="utrecht-form-fieldset budget-row">
                <legend class="utrecht-form-fieldset__legend">{ctx.t('programmes.form.lineRow', n)}</legend>
                <SelectField
                  name={`bl${i}_kind`}
                  label={ctx.t('programmes.form.lineKind', n)}
                  options={[
                    { value: '', label: ctx.t('programmes.form.unused') },
                    ...options('programmes.money.kind', ['cost', 'coverage']),
                  ]}
                  value={one(values, `bl${i}_kind`)}
                  error={errors[`bl${i}_kind`]}
                />
                <TextField
                  name={`bl${i}_year`}
                  label={ctx.t('programmes.form.lineYear', n)}
                  hint={ctx.t('programmes.form.lineYearHint')}
                  inputMode="numeric"
                  value={one(values, `bl${i}_year`)}
                  error={errors[`bl${i}_year`]}
                />
                <TextField
                  name={`bl${i}_amount`}
                  label={ctx.t('programmes.form.lineAmount', n)}
                  value={one(values, `bl${i}_amount`)}
                  error={errors[`bl${i}_amount`]}
                />
                <SelectField
                  name={`bl${i}_recurrence`}
                  label={ctx.t('programmes.form.lineRecurrence', n)}
                  options={[
                    { value: 'one_off', label: ctx.t('programmes.money.oneOff') },
                    { value: 'per_year', label: ctx.t('programmes.money.perYear') },
                  ]}
                  value={one(values, `bl${i}_recurrence`)}
                />
                <SelectField
                  name={`bl${i}_source`}
                  label={ctx.t('programmes.form.lineSource', n)}
                  options={options('programmes.money.src', COVERAGE_SOURCES, 'programmes.form.sourceNone')}
                  value={one(values, `bl${i}_source`)}
                  error={errors[`bl${i}_source`]}
                />
                <TextField
                  name={`bl${i}_label`}
                  label={ctx.t('programmes.form.lineLabel', n)}
                  value={one(values, `bl${i}_label`)}
                  error={errors[`bl${i}_label`]}
                />
              </fieldset>
            );
          })}
        </fieldset>
        {/* Save first: Enter in a field submits with the first button. */}
        <SubmitButton>{ctx.t('programmes.form.save')}</SubmitButton>{' '}
        <button type="submit" name="meer" value="1" class="utrecht-button utrecht-button--secondary-action">
          {ctx.t('programmes.form.moreLines')}
        </button>
      </Form>
    </>
  );
}
