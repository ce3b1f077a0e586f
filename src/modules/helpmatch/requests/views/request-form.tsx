import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { CATEGORIES, HELP_TYPES, URGENCIES } from '../../categories.ts';
import { BuurtSelect, ChoiceGroup, NativeInput, SlotGrid, TextArea, type BuurtOptions } from '../../views/parts.tsx';

type Values = Record<string, string | string[]>;
const s = (v: Values, k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined));
const l = (v: Values, k: string) => (v[k] === undefined ? [] : Array.isArray(v[k]) ? (v[k] as string[]) : [v[k] as string]);

/** The "hulp vragen" form; volunteers and professionals can also ask on behalf of a resident without an account. */
export function RequestFormPage({
  ctx,
  buurten,
  values,
  errors,
  mayOnBehalf,
}: {
  ctx: ViewContext;
  buurten: BuurtOptions;
  values: Values;
  errors?: FieldErrors | undefined;
  mayOnBehalf: boolean;
}) {
  const { t } = ctx;
  const e = errors ?? {};
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.ask.title')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.ask.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={tenantPath(ctx, `/hulp/vragen/nieuw`)} label={t('helpmatch.ask.title')}>
        {mayOnBehalf && (
          <>
            <ChoiceGroup
              name="forWhom"
              type="radio"
              legend={t('helpmatch.field.onBehalfLegend')}
              options={[
                { value: 'self', label: t('helpmatch.field.onBehalf.self') },
                { value: 'other', label: t('helpmatch.field.onBehalf.other') },
              ]}
              values={[s(values, 'forWhom') ?? 'self']}
              error={e.forWhom}
            />
            <TextField
              name="subjectName"
              label={t('helpmatch.field.subjectName')}
              value={s(values, 'subjectName')}
              error={e.subjectName}
              maxLength={MAX.title}
            />
            <TextField
              name="subjectPhone"
              type="tel"
              label={t('helpmatch.field.subjectPhone')}
              value={s(values, 'subjectPhone')}
              error={e.subjectPhone}
              autocomplete="off"
              maxLength={MAX.phone}
            />
            <TextField
              name="subjectEmail"
              type="email"
              label={t('helpmatch.field.subjectEmail')}
              value={s(values, 'subjectEmail')}
              error={e.subjectEmail}
              autocomplete="off"
              maxLength={MAX.email}
            />
          </>
        )}
        <SelectField
          name="category"
          label={t('helpmatch.field.category')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`helpmatch.category.${c}`) }))}
          value={s(values, 'category')}
          error={e.category}
        />
        <ChoiceGroup
          name="helpType"
          type="radio"
          legend={t('helpmatch.field.helpType')}
          options={HELP_TYPES.map((h) => ({ value: h, label: t(`helpmatch.helpType.${h}`) }))}
          values={[s(values, 'helpType') ?? 'incidental']}
          error={e.helpType}
        />
        <TextField
          name="summary"
          label={t('helpmatch.field.summary')}
          hint={t('helpmatch.field.summaryHint')}
          value={s(values, 'summary')}
          error={e.summary}
          required
          maxLength={MAX.title}
        />
        <ChoiceGroup
          name="scheduleKind"
          type="radio"
          legend={t('helpmatch.field.scheduleKind')}
          options={[
            { value: 'once', label: t('helpmatch.field.scheduleKind.once') },
            { value: 'weekly', label: t('helpmatch.field.scheduleKind.weekly') },
          ]}
          values={[s(values, 'scheduleKind') ?? 'once']}
          error={e.scheduleKind}
        />
        <NativeInput name="date" type="date" label={t('helpmatch.field.date')} value={s(values, 'date')} error={e.date} />
        <NativeInput name="from" type="time" label={t('helpmatch.field.from')} value={s(values, 'from')} error={e.from} />
        <NativeInput name="to" type="time" label={t('helpmatch.field.to')} value={s(values, 'to')} error={e.to} />
        <SlotGrid
          ctx={ctx}
          name="slots"
          legend={t('helpmatch.field.slots')}
          hint={t('helpmatch.field.slotsHint')}
          values={l(values, 'slots')}
          error={e.slots}
        />
        <TextField
          name="address"
          label={t('helpmatch.field.address')}
          hint={t('helpmatch.field.addressHint')}
          value={s(values, 'address')}
          error={e.address}
          autocomplete="street-address"
          required
          maxLength={MAX.address}
        />
        <BuurtSelect
          ctx={ctx}
          name="buurt"
          label={t('helpmatch.field.buurt')}
          hint={t('helpmatch.field.buurtHint')}
          buurten={buurten}
          value={s(values, 'buurt')}
          error={e.buurt}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('helpmatch.field.coordsLegend')}</legend>
          <p class="utrecht-form-field-description">{t('helpmatch.field.coordsHint')}</p>
          <TextField
            name="lat"
            label={t('helpmatch.field.lat')}
            value={s(values, 'lat')}
            error={e.lat}
            inputMode="decimal"
            maxLength={20}
          />
          <TextField
            name="lon"
            label={t('helpmatch.field.lon')}
            value={s(values, 'lon')}
            error={e.lon}
            inputMode="decimal"
            maxLength={20}
          />
        </fieldset>
        <SelectField
          name="radius"
          label={t('helpmatch.field.radius')}
          options={[
            { value: '1000', label: t('helpmatch.radius.1000') },
            { value: '500', label: t('helpmatch.radius.500') },
            { value: '3000', label: t('helpmatch.radius.3000') },
            { value: 'gemeente', label: t('helpmatch.radius.any') },
          ]}
          value={s(values, 'radius')}
          error={e.radius}
        />
        <SelectField
          name="urgency"
          label={t('helpmatch.field.urgency')}
          options={URGENCIES.map((u) => ({ value: u, label: t(`helpmatch.urgency.${u}`) }))}
          value={s(values, 'urgency') ?? 'normal'}
          error={e.urgency}
        />
        <ChoiceGroup
          name="vulnerable"
          legend={t('helpmatch.field.vulnerable')}
          options={[{ value: 'ja', label: t('helpmatch.field.vulnerableLabel') }]}
          values={l(values, 'vulnerable')}
          error={e.vulnerable}
        />
        <TextArea
          name="remarks"
          label={t('helpmatch.field.remarks')}
          hint={t('helpmatch.field.remarksHint')}
          value={s(values, 'remarks')}
          error={e.remarks}
        />
        <SubmitButton>{t('helpmatch.submit.ask')}</SubmitButton>
      </Form>
    </>
  );
}
