import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import { TextField } from '../../../../ui/form.tsx';
import { CATEGORIES, LANGUAGES, REACHES } from '../../categories.ts';
import { BuurtSelect, ButtonForm, ChoiceGroup, SlotGrid, TextArea, VogExplain, type BuurtOptions } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

type Values = Record<string, string | string[]>;
const s = (v: Values, k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined));
const l = (v: Values, k: string) => (v[k] === undefined ? [] : Array.isArray(v[k]) ? (v[k] as string[]) : [v[k] as string]);

/** The "hulp aanbieden" form (create or change the user's one offer). */
export function OfferFormPage({
  ctx,
  buurten,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext;
  buurten: BuurtOptions;
  values: Values;
  errors?: FieldErrors | undefined;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const e = errors ?? {};
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.offer.title')}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <p class="utrecht-paragraph">{t('helpmatch.offer.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={tenantPath(ctx, `/hulp/aanbod`)} label={t('helpmatch.offer.title')}>
        <ChoiceGroup
          name="categories"
          legend={t('helpmatch.field.categories')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`helpmatch.category.${c}`) }))}
          values={l(values, 'categories')}
          error={e.categories}
        />
        <TextArea
          name="talents"
          label={t('helpmatch.field.talents')}
          hint={t('helpmatch.field.talentsHint')}
          value={s(values, 'talents')}
          error={e.talents}
          rows={3}
        />
        <SlotGrid
          ctx={ctx}
          name="slots"
          legend={t('helpmatch.field.availability')}
          hint={t('helpmatch.field.slotsHint')}
          values={l(values, 'slots')}
          error={e.slots}
        />
        <SelectField
          name="reach"
          label={t('helpmatch.field.reach')}
          hint={t('helpmatch.field.reachHint')}
          options={REACHES.map((r) => ({ value: r, label: t(`helpmatch.reach.${r}`) }))}
          value={s(values, 'reach') ?? 'cycle3000'}
          error={e.reach}
        />
        <VogExplain ctx={ctx} />
        <TextField
          name="maxPerMonth"
          type="number"
          inputMode="numeric"
          label={t('helpmatch.field.maxPerMonth')}
          value={s(values, 'maxPerMonth') ?? '4'}
          error={e.maxPerMonth}
          maxLength={2}
        />
        <ChoiceGroup
          name="languages"
          legend={t('helpmatch.field.languages')}
          options={LANGUAGES.map((c) => ({ value: c, label: t(`helpmatch.language.${c}`) }))}
          values={values.languages === undefined ? ['nl'] : l(values, 'languages')}
          error={e.languages}
        />
        <BuurtSelect
          ctx={ctx}
          name="buurt"
          label={t('helpmatch.field.homeBuurt')}
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
        <ChoiceGroup
          name="active"
          legend={t('helpmatch.field.active')}
          options={[{ value: 'ja', label: t('helpmatch.field.activeLabel') }]}
          values={values.active === undefined && !values.categories ? ['ja'] : l(values, 'active')}
        />
        <SubmitButton>{t('helpmatch.submit.offer')}</SubmitButton>
      </Form>
    </>
  );
}

/** Sign up as "aanspreekpunt in de straat", and the buurten one is already a contact for. */
export function LatentPage({
  ctx,
  buurten,
  mine,
  values,
  errors,
  notice,
}: {
  ctx: ViewContext;
  buurten: BuurtOptions;
  mine: { id: string; buurtName: string }[];
  values: Values;
  errors?: FieldErrors | undefined;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const e = errors ?? {};
  const base = tenantPath(ctx, `/hulp/aanspreekpunt`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.latent.title')}</h1>
      <Notice ctx={ctx} messageKey={notice ?? null} />
      <p class="utrecht-paragraph">{t('helpmatch.latent.intro')}</p>
      {mine.length > 0 && (
        <>
          <p class="utrecht-paragraph">{t('helpmatch.latent.mine')}</p>
          <ul class="utrecht-unordered-list">
            {mine.map((m) => (
              <li>
                {m.buurtName}{' '}
                <ButtonForm
                  ctx={ctx}
                  action={`${base}/${m.id}/stoppen`}
                  label={t('helpmatch.submit.stopLatent', { buurt: m.buurtName })}
                  secondary
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={base} label={t('helpmatch.latent.title')}>
        <BuurtSelect
          ctx={ctx}
          name="buurt"
          label={t('helpmatch.field.homeBuurt')}
          buurten={buurten}
          value={s(values, 'buurt')}
          error={e.buurt}
        />
        <TextArea
          name="note"
          label={t('helpmatch.field.note')}
          hint={t('helpmatch.field.noteHint')}
          value={s(values, 'note')}
          error={e.note}
          rows={3}
        />
        <SubmitButton>{t('helpmatch.submit.latent')}</SubmitButton>
      </Form>
    </>
  );
}
