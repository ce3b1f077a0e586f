import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { CATEGORIES, HELP_TYPES, URGENCIES } from '../../categories.ts';
import { ChoiceGroup, NativeInput, SlotGrid, TextArea, VogExplain } from '../../views/parts.tsx';
import { MapAssets, MapPicker } from '../../../../ui/map.tsx';

/** Step 1 asks one-off or weekly (and, for whoever may, for whom); step 2 is the rest of the form. */
export type AskStep = { step: 'kind' } | { step: 'details'; kind: 'once' | 'weekly'; forWhom: 'self' | 'other' };

type Values = Record<string, string | string[]>;
const s = (v: Values, k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined));
const l = (v: Values, k: string) => (v[k] === undefined ? [] : Array.isArray(v[k]) ? (v[k] as string[]) : [v[k] as string]);

/** Step 1: one-off or weekly first (a GET form: no JavaScript needed), and for whom when the person may ask on behalf of someone. */
function KindStep({ ctx, mayOnBehalf, error }: { ctx: ViewContext; mayOnBehalf: boolean; error?: string | undefined }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.ask.title')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.ask.intro')}</p>
      <h2 class="utrecht-heading-2">{t('helpmatch.ask.stepKind')}</h2>
      {error && <ErrorSummary ctx={ctx} errors={{ soort: error }} />}
      <form method="get" action={tenantPath(ctx, `/hulp/vragen/nieuw`)} class="form" aria-label={t('helpmatch.ask.stepKind')}>
        <ChoiceGroup
          name="soort"
          type="radio"
          legend={t('helpmatch.ask.kindLegend')}
          options={[
            { value: 'eenmalig', label: t('helpmatch.ask.kind.once') },
            { value: 'wekelijks', label: t('helpmatch.ask.kind.weekly') },
          ]}
          values={[]}
          error={error}
        />
        {mayOnBehalf && (
          <ChoiceGroup
            name="voor"
            type="radio"
            legend={t('helpmatch.field.onBehalfLegend')}
            options={[
              { value: 'zelf', label: t('helpmatch.field.onBehalf.self') },
              { value: 'ander', label: t('helpmatch.field.onBehalf.other') },
            ]}
            values={['zelf']}
          />
        )}
        <input type="hidden" name="verder" value="1" />
        <SubmitButton>{t('helpmatch.submit.next')}</SubmitButton>
      </form>
    </>
  );
}

/** The "hulp vragen" form in two steps; volunteers and professionals can also ask on behalf of a resident without an account. */
export function RequestFormPage({
  ctx,
  step,
  values,
  errors,
  mayOnBehalf,
  mapCenter,
}: {
  ctx: ViewContext;
  step: AskStep;
  values: Values;
  errors?: FieldErrors | undefined;
  mayOnBehalf: boolean;
  mapCenter: { lat: number; lon: number };
}) {
  const { t } = ctx;
  const e = errors ?? {};
  if (step.step === 'kind') return <KindStep ctx={ctx} mayOnBehalf={mayOnBehalf} error={e.soort} />;
  const chosen = s(values, 'scheduleKind');
  const kind: 'once' | 'weekly' = chosen === 'weekly' || chosen === 'once' ? chosen : step.kind;
  const forWhom = mayOnBehalf ? (s(values, 'forWhom') ?? step.forWhom) : 'self';
  const coord = (k: string) => {
    const n = Number((s(values, k) ?? '').replace(',', '.'));
    return s(values, k) && Number.isFinite(n) ? n : null;
  };
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.ask.title')}</h1>
      <h2 class="utrecht-heading-2">{t('helpmatch.ask.stepDetails')}</h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={tenantPath(ctx, `/hulp/vragen/nieuw`)}>
          {t('helpmatch.ask.changeKind')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={tenantPath(ctx, `/hulp/vragen/nieuw`)}
        class="form"
        novalidate
        aria-label={t('helpmatch.ask.title')}
        data-hm-form
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <ChoiceGroup
          name="scheduleKind"
          type="radio"
          legend={t('helpmatch.ask.kindLegend')}
          options={[
            { value: 'once', label: t('helpmatch.ask.kind.once') },
            { value: 'weekly', label: t('helpmatch.ask.kind.weekly') },
          ]}
          values={[kind]}
          error={e.scheduleKind}
        />
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
              values={[forWhom]}
              error={e.forWhom}
            />
            <div data-show-if="forWhom=other" hidden={forWhom !== 'other'}>
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
            </div>
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
        <fieldset class="utrecht-form-fieldset" data-show-if="scheduleKind=once" hidden={kind !== 'once'}>
          <legend class="utrecht-form-fieldset__legend">{t('helpmatch.ask.onceLegend')}</legend>
          <NativeInput name="date" type="date" label={t('helpmatch.field.date')} value={s(values, 'date')} error={e.date} />
          <NativeInput name="from" type="time" label={t('helpmatch.field.from')} value={s(values, 'from')} error={e.from} />
          <NativeInput name="to" type="time" label={t('helpmatch.field.to')} value={s(values, 'to')} error={e.to} />
        </fieldset>
        <div data-show-if="scheduleKind=weekly" hidden={kind !== 'weekly'}>
          <SlotGrid
            ctx={ctx}
            name="slots"
            legend={t('helpmatch.ask.weeklyLegend')}
            hint={t('helpmatch.field.slotsHint')}
            values={l(values, 'slots')}
            error={e.slots}
          />
        </div>
        <TextField
          name="postcode"
          label={t('helpmatch.field.postcode')}
          hint={t('helpmatch.field.postcodeHint')}
          value={s(values, 'postcode')}
          error={e.postcode}
          autocomplete="postal-code"
          maxLength={MAX.postcode}
        />
        <TextField
          name="address"
          label={t('helpmatch.field.street')}
          hint={t('helpmatch.field.streetHint')}
          value={s(values, 'address')}
          error={e.address}
          autocomplete="street-address"
          required
          maxLength={MAX.address}
        />
        <MapPicker
          center={mapCenter}
          lat={coord('lat')}
          lon={coord('lon')}
          label={t('helpmatch.field.mapLabel')}
          hint={t('helpmatch.field.mapHint')}
        />
        <SelectField
          name="radius"
          label={t('helpmatch.field.radius')}
          hint={t('helpmatch.field.radiusHint')}
          options={[
            { value: 'gemeente', label: t('helpmatch.radius.any') },
            { value: '3000', label: t('helpmatch.radius.3000') },
            { value: '1000', label: t('helpmatch.radius.1000') },
            { value: '500', label: t('helpmatch.radius.500') },
          ]}
          value={s(values, 'radius') ?? 'gemeente'}
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
          options={[{ value: 'ja', label: t(forWhom === 'other' ? 'helpmatch.field.vulnerableOther' : 'helpmatch.field.vulnerableSelf') }]}
          values={l(values, 'vulnerable')}
          error={e.vulnerable}
        />
        <VogExplain ctx={ctx} />
        <TextArea
          name="remarks"
          label={t('helpmatch.field.remarks')}
          hint={t('helpmatch.field.remarksHint')}
          value={s(values, 'remarks')}
          error={e.remarks}
        />
        <SubmitButton>{t('helpmatch.submit.ask')}</SubmitButton>
      </form>
      <MapAssets />
      <script src="/static/helpmatch.js" defer></script>
    </>
  );
}
