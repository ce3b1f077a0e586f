import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, ErrorSummary, Form, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { ANGLES, MAX_ACTION, MAX_SHORT } from '../actions.schemas.ts';

/** What the form shows: the submitted or stored values, as text. */
export interface ActionFormValues {
  number: string;
  targetGroup: string;
  action: string;
  initiator: string;
  planning: string;
  angles: string[];
  anchoring: string;
}

export const EMPTY_ACTION: ActionFormValues = {
  number: '',
  targetGroup: '',
  action: '',
  initiator: '',
  planning: '',
  angles: [],
  anchoring: '',
};

/** The fields of one action-table row (add and change), with messages beside the fields; no JavaScript. */
export function ActionForm({
  ctx,
  action,
  values,
  errors,
  submitLabel,
  label,
}: {
  ctx: ViewContext;
  action: string;
  values: ActionFormValues;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  label: string;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={action} label={label}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <TextField
        name="number"
        label={t('programmes.actions.form.number')}
        value={values.number}
        error={errors?.['number']}
        inputMode="numeric"
        maxLength={4}
      />
      <TextField
        name="targetGroup"
        label={t('programmes.actions.form.targetGroup')}
        value={values.targetGroup}
        error={errors?.['targetGroup']}
        maxLength={MAX_SHORT}
      />
      <TextAreaField
        name="action"
        label={t('programmes.actions.form.action')}
        value={values.action}
        error={errors?.['action']}
        maxLength={MAX_ACTION}
        rows={3}
      />
      <TextField
        name="initiator"
        label={t('programmes.actions.form.initiator')}
        value={values.initiator}
        error={errors?.['initiator']}
        maxLength={MAX_SHORT}
      />
      <TextField
        name="planning"
        label={t('programmes.actions.form.planning')}
        hint={t('programmes.actions.form.planningHint')}
        value={values.planning}
        error={errors?.['planning']}
        maxLength={MAX_SHORT}
      />
      <ChoiceGroup
        type="checkbox"
        name="angles"
        legend={t('programmes.actions.form.angles')}
        hint={t('programmes.actions.angleHint')}
        options={ANGLES.map((a) => ({ value: a, label: t(`programmes.actions.angle.${a}`) }))}
        checked={values.angles}
        error={errors?.['angles']}
      />
      <TextAreaField
        name="anchoring"
        label={t('programmes.actions.form.anchoring')}
        hint={t('programmes.actions.form.anchoringHint')}
        value={values.anchoring}
        error={errors?.['anchoring']}
        rows={3}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
