/** The form of a location of a service: name, address, coordinates (→ buurt/wijk) and accessibility. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { ChoiceGroup } from './fields.tsx';
import type { TermOption } from './service-form.tsx';

export interface LocationFormValues {
  name: string;
  address_1: string;
  postal_code: string;
  city: string;
  latitude: string;
  longitude: string;
  accessibility: readonly string[];
}

export function KeepLocationPage({
  ctx,
  service,
  action,
  values,
  accessibilityOptions,
  errors,
  isNew,
}: {
  ctx: ViewContext;
  service: { id: string; name: string };
  action: string;
  values: LocationFormValues;
  accessibilityOptions: readonly TermOption[];
  errors?: FieldErrors | undefined;
  isNew: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.loc.title', { name: service.name })}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/beheer/aanbod/${service.id}`)}>
          {t('socialmap.keep.form.editTitle', { name: service.name })}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={isNew ? t('socialmap.keep.addLocation') : t('socialmap.keep.editLocation')}>
        <TextField
          name="name"
          label={t('socialmap.keep.loc.name')}
          hint={t('socialmap.keep.loc.nameHint')}
          value={values.name}
          error={errors?.name}
          maxLength={200}
        />
        <TextField
          name="address_1"
          label={t('socialmap.keep.loc.street')}
          value={values.address_1}
          error={errors?.address_1}
          autocomplete="off"
          maxLength={200}
        />
        <TextField
          name="postal_code"
          label={t('socialmap.keep.loc.postcode')}
          value={values.postal_code}
          error={errors?.postal_code}
          autocomplete="off"
          maxLength={20}
        />
        <TextField
          name="city"
          label={t('socialmap.keep.loc.city')}
          value={values.city}
          error={errors?.city}
          autocomplete="off"
          maxLength={100}
        />
        <TextField
          name="latitude"
          label={t('socialmap.keep.loc.lat')}
          hint={t('socialmap.keep.loc.latHint')}
          value={values.latitude}
          error={errors?.latitude}
          inputMode="decimal"
          maxLength={20}
        />
        <TextField
          name="longitude"
          label={t('socialmap.keep.loc.lon')}
          hint={t('socialmap.keep.loc.lonHint')}
          value={values.longitude}
          error={errors?.longitude}
          inputMode="decimal"
          maxLength={20}
        />
        <ChoiceGroup
          type="checkbox"
          name="accessibility"
          legend={t('socialmap.keep.loc.accessibility')}
          options={accessibilityOptions}
          checked={values.accessibility}
          error={errors?.accessibility}
        />
        <SubmitButton>{t('socialmap.keep.form.save')}</SubmitButton>
      </Form>
    </>
  );
}
