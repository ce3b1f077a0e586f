import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { applyHref, type CallSource, type CallsPage } from '../joined.service.ts';
import { CALL_ORIGINS, MAX_CALL_TEXT, MAX_CALL_TITLE, MAX_ORIGIN_REF } from '../joined.schemas.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : '';
};

function sourceLabel(ctx: ViewContext, s: CallSource): string {
  const { t } = ctx;
  if (s.origin === 'white_spot') {
    return t('initiatives.joined.calls.whiteSpot', { area: s.areaName, what: t(`socialmap.keep.q.${s.question}.short`) });
  }
  if (s.origin === 'wijkschouw') return t('initiatives.joined.calls.finding', { detail: s.detail, what: `${s.label} (${s.ref})` });
  return t('initiatives.joined.calls.knelpunt', { what: s.label });
}

export interface CallsPageProps {
  ctx: ViewContext;
  slug: string;
  model: CallsPage;
  wijk: { code: string; name: string; sources: CallSource[] } | null;
  notice?: MessageKey | null;
  errors?: FieldErrors;
  values?: Values;
}

/** `/{tenant}/beheer/initiatieven/oproepen`: what can become a call in a wijk, the form, every call. */
export function CallsPageView({ ctx, slug, model, wijk, notice, errors, values }: CallsPageProps) {
  const { t } = ctx;
  const action = `/${slug}/beheer/initiatieven/oproepen`;
  const areaOptions = [
    { value: '', label: t('initiatives.joined.calls.wholeMunicipality') },
    ...[...model.areaNames.entries()].map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
  ];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.joined.calls.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('initiatives.joined.calls.intro')}</p>

      <h2 class="utrecht-heading-2">{t('initiatives.joined.calls.sourcesTitle')}</h2>
      <form method="get" action={action} class="form" aria-label={t('initiatives.joined.calls.sourcesTitle')}>
        <SelectField
          name="wijk"
          label={t('initiatives.joined.calls.chooseWijk')}
          value={wijk?.code ?? ''}
          options={model.wijken.map((w) => ({ value: w.code, label: w.name }))}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('initiatives.joined.calls.show')}
        </button>
      </form>
      {wijk && (
        <>
          <h3 class="utrecht-heading-3">{t('initiatives.joined.calls.sourcesIn', { name: wijk.name })}</h3>
          {wijk.sources.length === 0 ? (
            <p class="utrecht-paragraph">{t('initiatives.joined.calls.sourcesNone')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {wijk.sources.map((s) => {
                const label = sourceLabel(ctx, s);
                const q = new URLSearchParams({
                  wijk: wijk.code,
                  origin: s.origin,
                  ref: s.ref,
                  area: s.areaCode,
                  title: label.slice(0, MAX_CALL_TITLE),
                });
                return (
                  <li>
                    {label}{' '}
                    <a
                      class="utrecht-link"
                      href={`${action}?${q.toString()}#nieuwe-oproep`}
                      aria-label={`${t('initiatives.joined.calls.use')}: ${label}`}
                    >
                      {t('initiatives.joined.calls.use')}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}

      <h2 class="utrecht-heading-2" id="nieuwe-oproep">
        {t('initiatives.joined.calls.formTitle')}
      </h2>
      {model.funds.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.joined.calls.noFunds')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={action} label={t('initiatives.joined.calls.formTitle')}>
            <SelectField
              name="fund"
              label={t('initiatives.joined.calls.fund')}
              value={str(values, 'fund')}
              error={errors?.fund}
              options={model.funds.map((f) => ({ value: f.id, label: f.name }))}
            />
            <SelectField
              name="origin"
              label={t('initiatives.joined.calls.origin')}
              value={str(values, 'origin') || 'other'}
              error={errors?.origin}
              options={CALL_ORIGINS.map((o) => ({ value: o, label: t(`initiatives.joined.origin.${o}`) }))}
            />
            <TextField
              name="originRef"
              label={t('initiatives.joined.calls.originRef')}
              value={str(values, 'originRef')}
              error={errors?.originRef}
              maxLength={MAX_ORIGIN_REF}
            />
            <SelectField
              name="area"
              label={t('initiatives.joined.calls.area')}
              value={str(values, 'area')}
              error={errors?.area}
              options={areaOptions}
            />
            <TextField
              name="title"
              label={t('initiatives.joined.calls.callTitle')}
              value={str(values, 'title')}
              error={errors?.title}
              maxLength={MAX_CALL_TITLE}
            />
            <TextAreaField
              name="text"
              label={t('initiatives.joined.calls.text')}
              value={str(values, 'text')}
              error={errors?.text}
              maxLength={MAX_CALL_TEXT}
            />
            <SubmitButton>{t('initiatives.joined.calls.create')}</SubmitButton>
          </Form>
        </>
      )}

      <h2 class="utrecht-heading-2">{t('initiatives.joined.calls.list')}</h2>
      {model.calls.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.joined.calls.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('initiatives.joined.calls.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.joined.calls.col.title')}</th>
              <th scope="col">{t('initiatives.joined.calls.col.origin')}</th>
              <th scope="col">{t('initiatives.joined.calls.col.area')}</th>
              <th scope="col">{t('initiatives.joined.calls.col.fund')}</th>
              <th scope="col">{t('initiatives.joined.calls.col.apply')}</th>
            </tr>
          </thead>
          <tbody>
            {model.calls.map((c) => (
              <tr>
                <th scope="row">
                  {c.title}
                  {c.isDemo ? ` (${t('initiatives.joined.demo')})` : ''}
                </th>
                <td>{t(`initiatives.joined.origin.${c.origin}`)}</td>
                <td>{c.areaCode ? (model.areaNames.get(c.areaCode) ?? c.areaCode) : t('initiatives.joined.calls.wholeMunicipality')}</td>
                <td>{c.fundName}</td>
                <td>
                  {c.closesOn === null || c.closesOn >= model.today ? (
                    <a
                      class="utrecht-link"
                      href={applyHref(slug, c.fundSlug, c.id)}
                      aria-label={`${t('initiatives.joined.calls.startApplication')}: ${c.title}`}
                    >
                      {t('initiatives.joined.calls.startApplication')}
                    </a>
                  ) : (
                    t('initiatives.joined.calls.closed')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
