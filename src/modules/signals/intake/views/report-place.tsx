/**
 * The place part of the report form. A report: the address (autocomplete with JavaScript, geocoded by
 * the server without) and a map pin (MapPicker; without JavaScript only its note). A worry about a
 * neighbour: the buurt or the street, never a house, its coordinates or photos.
 */
import type { ViewContext } from '../../../../ui/context.ts';
import { describedBy, FieldFrame, fieldId, SelectField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { MapAssets, MapPicker } from '../../../../ui/map.tsx';
import { MAX_ADDRESS } from '../../signals.schemas.ts';
import type { ReportValues } from './report.tsx';

const num = (v: string): number | null => {
  const n = Number(v.replace(',', '.'));
  return v.trim() && Number.isFinite(n) ? n : null;
};

/** Address with autocomplete, and the pin picker; the pin (hidden lat/lon) wins over the address. */
export function ReportPlace({
  ctx,
  slug,
  values,
  errors,
  center,
}: {
  ctx: ViewContext;
  slug: string;
  values: ReportValues;
  errors: FieldErrors | undefined;
  center: { lat: number; lon: number };
}) {
  const { t } = ctx;
  const id = fieldId('address');
  const hint = t('signals.report.addressPlaceHint');
  const error = errors?.address;
  return (
    <>
      <h2 class="utrecht-heading-2">{t('signals.report.where')}</h2>
      <FieldFrame id={id} label={t('signals.report.addressPlace')} hint={hint} error={error} extraClass=" utrecht-form-field--text">
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          id={id}
          name="address"
          type="text"
          value={values.address}
          autocomplete="street-address"
          maxLength={MAX_ADDRESS}
          data-address-autocomplete={`/${slug}/adressen/zoek`}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </FieldFrame>
      <MapPicker
        lat={num(values.lat)}
        lon={num(values.lon)}
        center={center}
        label={t('signals.report.mapLabel')}
        hint={t('signals.report.mapHint')}
      />
      <MapAssets />
      <script src="/static/address-autocomplete.js" defer></script>
    </>
  );
}

/** A worry: the neighbour's buurt (a list of names) or street; no house number, no map. */
export function WorryPlace({
  ctx,
  values,
  errors,
  buurten,
}: {
  ctx: ViewContext;
  values: ReportValues;
  errors: FieldErrors | undefined;
  buurten: readonly { code: string; name: string }[];
}) {
  const { t } = ctx;
  return (
    <>
      <h2 class="utrecht-heading-2">{t('signals.report.worryWhere')}</h2>
      <p class="utrecht-paragraph">{t('signals.report.worryWhereIntro')}</p>
      <SelectField
        name="buurt"
        label={t('signals.report.worryBuurt')}
        hint={t('signals.report.worryBuurtHint')}
        value={values.buurt}
        error={errors?.buurt}
        options={[{ value: '', label: t('signals.report.worryBuurtChoose') }, ...buurten.map((b) => ({ value: b.code, label: b.name }))]}
      />
      <TextField
        name="address"
        label={t('signals.report.worryStreet')}
        hint={t('signals.report.worryStreetHint')}
        value={values.address}
        error={errors?.address}
        maxLength={MAX_ADDRESS}
      />
    </>
  );
}
