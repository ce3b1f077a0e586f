import type { ViewContext } from '../../../ui/context.ts';
import { Form, SelectField, SubmitButton, TextField } from '../../../ui/form.tsx';
import { formatDateTime } from '../../../platform/i18n/index.ts';
import type { CategoryRow } from '../categories.service.ts';
import type { HandleListQuery } from '../handle.routes.tsx';
import type { SignalListRow, SignalRow, TransitionRow } from '../signals.service.ts';
import { nextStates, SIGNAL_STATES } from '../workflow.ts';
import { TextArea } from './parts.tsx';

/** The list for professionals and coordinators, with GET filters (works without JavaScript). */
export function HandleListPage({
  ctx,
  slug,
  rows,
  query,
  categories,
  organisations,
  orgNames,
  now,
}: {
  ctx: ViewContext;
  slug: string;
  rows: SignalListRow[];
  query: HandleListQuery;
  categories: CategoryRow[];
  organisations: { id: string; name: string }[];
  orgNames: Map<string, string>;
  now: Date;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.handle.title')}</h1>
      <form method="get" action={`/${slug}/meldingen/behandelen`} class="form" aria-label={t('signals.handle.filters')}>
        <SelectField
          name="status"
          label={t('signals.handle.state')}
          value={query.status}
          options={[{ value: 'open', label: t('signals.handle.allOpen') }, { value: '', label: t('signals.handle.all') }, ...SIGNAL_STATES.map((s) => ({ value: s, label: t(`signals.state.${s}`) }))]}
        />
        <SelectField name="categorie" label={t('signals.handle.category')} value={query.categorie} options={[{ value: '', label: t('signals.handle.all') }, ...categories.map((c) => ({ value: c.service_code, label: c.name }))]} />
        <TextField name="gebied" label={t('signals.handle.area')} hint={t('signals.handle.areaHint')} value={query.gebied} maxLength={20} />
        <SelectField name="organisatie" label={t('signals.handle.organisation')} value={query.organisatie} options={[{ value: '', label: t('signals.handle.all') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        <SelectField name="telaat" label={t('signals.handle.overdue')} value={query.telaat} options={[{ value: '', label: t('signals.handle.all') }, { value: '1', label: t('signals.handle.overdueOnly') }]} />
        <SelectField
          name="gevoelig"
          label={t('signals.handle.sensitive')}
          value={query.gevoelig}
          options={[
            { value: '', label: t('signals.handle.all') },
            { value: 'ja', label: t('signals.handle.sensitiveYes') },
            { value: 'nee', label: t('signals.handle.sensitiveNo') },
          ]}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.handle.filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.handle.none')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('signals.handle.count', { n: rows.length })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.number')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.category')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.state')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.area')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.organisation')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('signals.handle.deadline')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={`/${slug}/meldingen/behandelen/${r.public_id}`}>
                    {r.public_id}
                  </a>
                </td>
                <td class="utrecht-table__cell">
                  {r.category_name}
                  {r.sensitive ? ` (${t('signals.handle.sensitiveShort')})` : ''}
                </td>
                <td class="utrecht-table__cell">{t(`signals.state.${r.state}`)}</td>
                <td class="utrecht-table__cell">{r.buurt_code ?? r.wijk_code ?? '—'}</td>
                <td class="utrecht-table__cell">{(r.organisation_id && orgNames.get(r.organisation_id)) ?? '—'}</td>
                <td class="utrecht-table__cell">
                  {r.deadline_at ? formatDateTime(locale, r.deadline_at) : '—'}
                  {r.deadline_at && !r.closed_at && r.deadline_at < now ? ` (${t('signals.handle.late')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One signal for a professional: facts, reporter (when allowed), history, next steps and reassigning. */
export function SignalPage({
  ctx,
  slug,
  signal,
  category,
  history,
  access,
  target,
  prefill,
  organisations,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalRow;
  category: CategoryRow;
  history: TransitionRow[];
  access: { personalDetails: boolean; canHandle: boolean; canReassign: boolean };
  target: string | null;
  prefill: string;
  organisations: { id: string; name: string }[];
}) {
  const { t, locale } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.public_id}`;
  const orgName = organisations.find((o) => o.id === signal.organisation_id)?.name ?? '—';
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.handle.signalTitle', { id: signal.public_id, category: category.name })}</h1>
      {category.sensitive && <p class="utrecht-paragraph notice">{t('signals.handle.sensitiveNotice')}</p>}
      <dl class="signals-facts">
        <dt>{t('signals.handle.state')}</dt>
        <dd id="status">{t(`signals.state.${signal.state}`)}</dd>
        <dt>{t('signals.handle.organisation')}</dt>
        <dd>{orgName}</dd>
        <dt>{t('signals.handle.deadline')}</dt>
        <dd>{signal.deadline_at ? formatDateTime(locale, signal.deadline_at) : '—'}</dd>
        <dt>{t('signals.track.description')}</dt>
        <dd>{signal.description}</dd>
        <dt>{t('signals.handle.place')}</dt>
        <dd>
          {[signal.address, signal.latitude !== null ? `${signal.latitude}, ${signal.longitude}` : null, signal.buurt_code].filter(Boolean).join(' · ') || '—'}
        </dd>
        {Object.entries(signal.answers).map(([k, v]) => (
          <>
            <dt>{category.questions.find((q) => q.key === k)?.label ?? k}</dt>
            <dd>{v}</dd>
          </>
        ))}
        <dt>{t('signals.handle.reporter')}</dt>
        <dd id="melder">
          {access.personalDetails
            ? [signal.reporter_name, signal.reporter_email, signal.reporter_phone].filter(Boolean).join(' · ') || t('signals.handle.anonymous')
            : t('signals.handle.reporterHidden')}
        </dd>
        <dt>{t('signals.handle.feedbackWanted')}</dt>
        <dd>{signal.wants_feedback ? t('signals.report.yes') : t('signals.report.no')}</dd>
      </dl>
      <h2 class="utrecht-heading-2">{t('signals.track.history')}</h2>
      <ol class="signals-history">
        {history.map((h) => (
          <li>
            <strong>{h.from_state === h.to_state ? t('signals.handle.reassigned') : t(`signals.state.${h.to_state}`)}</strong> — {formatDateTime(locale, h.created_at)}
            {h.internal_note && (
              <p class="utrecht-paragraph">
                {t('signals.handle.internalNote')}: {h.internal_note}
              </p>
            )}
            {h.public_message && (
              <p class="utrecht-paragraph">
                {t('signals.handle.publicMessage')}: {h.public_message}
              </p>
            )}
          </li>
        ))}
      </ol>
      {access.canHandle && (
        <section class="section" aria-labelledby="volgende-stap">
          <h2 class="utrecht-heading-2" id="volgende-stap">
            {t('signals.handle.nextStep')}
          </h2>
          <ul class="utrecht-unordered-list">
            {nextStates(signal.state).map((s) => (
              <li>
                <a class="utrecht-link" href={`${base}?naar=${s}#volgende-stap`} aria-current={s === target ? 'true' : undefined}>
                  {t('signals.handle.to', { state: t(`signals.state.${s}`) })}
                </a>
              </li>
            ))}
          </ul>
          {target && (
            <Form ctx={ctx} action={`${base}/status`} label={t('signals.handle.to', { state: t(`signals.state.${target}`) })}>
              <input type="hidden" name="to" value={target} />
              <TextArea name="publicMessage" label={t('signals.handle.publicMessage')} hint={t('signals.handle.publicMessageHint')} value={prefill} maxLength={5000} />
              <TextArea name="internalNote" label={t('signals.handle.internalNote')} hint={t('signals.handle.internalNoteHint')} rows={3} maxLength={5000} />
              <SubmitButton>{t('signals.handle.to', { state: t(`signals.state.${target}`) })}</SubmitButton>
            </Form>
          )}
        </section>
      )}
      {access.canReassign && (
        <section class="section" aria-labelledby="toewijzen">
          <h2 class="utrecht-heading-2" id="toewijzen">
            {t('signals.handle.reassign')}
          </h2>
          <Form ctx={ctx} action={`${base}/toewijzen`} label={t('signals.handle.reassign')}>
            <SelectField name="organisationId" label={t('signals.handle.organisation')} value={signal.organisation_id ?? ''} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />
            <TextField name="note" label={t('signals.handle.reassignNote')} maxLength={2000} />
            <SubmitButton>{t('signals.handle.reassign')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
