/** The maintenance page of one service: freshness, the form, its locations, its times with cancelled dates, open suggestions. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { KeepServicePageData, OpenSuggestion } from '../keep.presenter.ts';
import { ButtonForm, FreshnessLabel, lastCheckedText } from './fields.tsx';
import { scheduleText } from './schedule-text.ts';
import { ServiceForm, type ServiceFormOptions, type ServiceFormValues } from './service-form.tsx';
import { SuggestionItem } from './suggestions.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface ServicePageProps {
  ctx: ViewContext;
  page: KeepServicePageData;
  values: ServiceFormValues;
  options: ServiceFormOptions;
  suggestions: OpenSuggestion[];
  now: Date;
  notice?: MessageKey | null;
  errors?: FieldErrors | undefined;
  /** Errors of the cancel-a-date form, by schedule id. */
  cancelErrors?: { scheduleId: string; errors: FieldErrors } | undefined;
}

export function KeepServicePage({ ctx, page: s, values, options, suggestions, now, notice, errors, cancelErrors }: ServicePageProps) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/sociale-kaart/beheer/aanbod/${s.id}`);
  const schedules = s.schedules;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.form.editTitle', { name: s.name })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">
        {s.organizationName}.{' '}
        <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/aanbod/${s.id}`)}>
          {t('socialmap.keep.view')}
        </a>
      </p>
      <p class="utrecht-paragraph">
        {lastCheckedText(ctx, s.lastCheckedAt)} — <FreshnessLabel ctx={ctx} lastCheckedAt={s.lastCheckedAt} now={now} />
      </p>
      <ButtonForm ctx={ctx} action={`${base}/klopt`} label={t('socialmap.keep.confirmLabel', { name: s.name })}>
        {t('socialmap.keep.confirm')}
      </ButtonForm>
      <ServiceForm ctx={ctx} action={base} values={values} options={options} errors={errors} isNew={false} />

      <section class="section" aria-labelledby="keep-locations">
        <h2 class="utrecht-heading-2" id="keep-locations">
          {t('socialmap.keep.locations')}
        </h2>
        {s.locations.length === 0 ? (
          <p class="utrecht-paragraph">{t('socialmap.keep.noLocations')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {s.locations.map((l) => (
              <li>
                <strong>{l.name ?? '—'}</strong>
                {l.address && `, ${l.address.address1}, ${l.address.postalCode} ${l.address.city}`}
                {'. '}
                {l.buurt ? t('socialmap.keep.loc.area', { buurt: l.buurt, wijk: l.wijk ?? '—' }) : t('socialmap.keep.loc.noArea')}
                {l.terms.length > 0 && `. ${l.terms.join(', ')}`}{' '}
                <a
                  class="utrecht-link"
                  href={`${base}/locatie/${l.id}`}
                  aria-label={`${t('socialmap.keep.editLocation')}: ${l.name ?? ''}`}
                >
                  {t('socialmap.keep.editLocation')}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/locatie`}>
            {t('socialmap.keep.addLocation')}
          </a>
        </p>
      </section>

      <section class="section" aria-labelledby="keep-times">
        <h2 class="utrecht-heading-2" id="keep-times">
          {t('socialmap.keep.sched.title')}
        </h2>
        {schedules.length === 0 && <p class="utrecht-paragraph">{t('socialmap.keep.sched.none')}</p>}
        {schedules.map((sc, i) => {
          const cancelled = [...sc.cancelled];
          const errs = cancelErrors?.scheduleId === sc.id ? cancelErrors.errors : undefined;
          return (
            <div class="card keep-schedule">
              <h3 class="utrecht-heading-3">{scheduleText(ctx, sc)}</h3>
              {cancelled.length > 0 && (
                <p class="utrecht-paragraph">{t('socialmap.keep.sched.cancelledList', { dates: cancelled.sort().join(', ') })}</p>
              )}
              {sc.freq && (
                <Form
                  ctx={ctx}
                  action={`${base}/tijden/${sc.id}/afgelast`}
                  label={`${t('socialmap.keep.sched.cancel')}: ${scheduleText(ctx, sc)}`}
                >
                  <TextField
                    name={`date-${i}`}
                    label={t('socialmap.keep.sched.cancelDate')}
                    hint={t('socialmap.keep.sched.dateHint')}
                    error={errs?.date}
                    inputMode="numeric"
                  />
                  <TextField name={`note-${i}`} label={t('socialmap.keep.sched.cancelNote')} error={errs?.note} maxLength={500} />
                  <input type="hidden" name="index" value={String(i)} />
                  <SubmitButton>{t('socialmap.keep.sched.cancel')}</SubmitButton>
                </Form>
              )}
              <ButtonForm
                ctx={ctx}
                action={`${base}/tijden/${sc.id}/verwijderen`}
                label={`${t('socialmap.keep.sched.remove')}: ${scheduleText(ctx, sc)}`}
              >
                {t('socialmap.keep.sched.remove')}
              </ButtonForm>
            </div>
          );
        })}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/tijden`}>
            {t('socialmap.keep.sched.add')}
          </a>
        </p>
      </section>

      {suggestions.length > 0 && (
        <section class="section" aria-labelledby="keep-suggestions">
          <h2 class="utrecht-heading-2" id="keep-suggestions">
            {t('socialmap.keep.sugg.title')}
          </h2>
          <p class="utrecht-paragraph">{t('socialmap.keep.sugg.lead')}</p>
          {suggestions.map((g) => (
            <SuggestionItem ctx={ctx} suggestion={g} headingLevel={3} showEditLink={false} />
          ))}
        </section>
      )}
    </>
  );
}
