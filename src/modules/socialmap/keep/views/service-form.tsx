/** The form of a service (new and edit): name, description, status, basic functions, target groups, contact. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { SERVICE_STATUSES } from '../../socialmap.schemas.ts';
import { ChoiceGroup, statusLabel, TextAreaField } from './fields.tsx';

export interface ServiceFormValues {
  organization_id: string;
  name: string;
  description: string;
  status: string;
  email: string;
  url: string;
  functions: readonly string[];
  groups: readonly string[];
}

export interface TermOption {
  value: string;
  label: string;
}

export interface ServiceFormOptions {
  organisations: readonly { id: string; name: string }[];
  functions: readonly TermOption[];
  groups: readonly TermOption[];
}

/** The fields of a service; the organisation can only be chosen when creating. */
export function ServiceForm({
  ctx,
  action,
  values,
  options,
  errors,
  isNew,
}: {
  ctx: ViewContext;
  action: string;
  values: ServiceFormValues;
  options: ServiceFormOptions;
  errors?: FieldErrors | undefined;
  isNew: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={isNew ? t('socialmap.keep.form.newTitle') : t('socialmap.keep.form.save')}>
        {isNew && (
          <SelectField
            name="organization_id"
            label={t('socialmap.keep.form.organisation')}
            options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
            value={values.organization_id}
            error={errors?.organization_id}
          />
        )}
        <TextField
          name="name"
          label={t('socialmap.keep.form.name')}
          hint={t('socialmap.keep.form.nameHint')}
          value={values.name}
          error={errors?.name}
          required
          maxLength={200}
        />
        <TextAreaField
          name="description"
          label={t('socialmap.keep.form.description')}
          hint={t('socialmap.keep.form.descriptionHint')}
          value={values.description}
          error={errors?.description}
          maxLength={5000}
        />
        <SelectField
          name="status"
          label={t('socialmap.keep.form.status')}
          options={SERVICE_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
          value={values.status}
          error={errors?.status}
        />
        <ChoiceGroup
          type="checkbox"
          name="functions"
          legend={t('socialmap.keep.form.functions')}
          hint={t('socialmap.keep.form.functionsHint')}
          options={options.functions}
          checked={values.functions}
          error={errors?.functions ?? errors?.term_codes}
        />
        <ChoiceGroup
          type="checkbox"
          name="groups"
          legend={t('socialmap.keep.form.groups')}
          options={options.groups}
          checked={values.groups}
          error={errors?.groups}
        />
        <TextField
          name="email"
          type="email"
          label={t('socialmap.keep.form.email')}
          value={values.email}
          error={errors?.email}
          autocomplete="off"
          maxLength={254}
        />
        <TextField name="url" type="url" label={t('socialmap.keep.form.url')} value={values.url} error={errors?.url} maxLength={500} />
        <SubmitButton>{isNew ? t('socialmap.keep.form.create') : t('socialmap.keep.form.save')}</SubmitButton>
      </Form>
    </>
  );
}
