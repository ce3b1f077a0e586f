import type { ViewContext } from '../../../../ui/context.ts';
import { Form, SelectField, SubmitButton, TextField } from '../../../../ui/form.tsx';
import { formatDay, formatMoment as formatDateTime } from '../../dates.ts';
import type { Category } from '../../config/categories.presenter.ts';
import type { HistoryStep, SignalDetail } from '../../signals.presenter.ts';
import { nextStates, type SignalState } from '../../workflow.ts';
import { MAX_NOTE, MAX_REASSIGN_NOTE } from '../../signals.schemas.ts';
import { TextArea } from '../../views/parts.tsx';
import { PhotoThumbs } from '../../photos/views/photos.tsx';
import { ActionsSection, OpenActionsHint, ReopenRequestBox, sameStateLabel, type ActionsPanel } from '../../actions/views/actions.tsx';
import { MergeLinks, mergeStepLabel } from '../../merge/views/merge.tsx';

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
  actionsPanel,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  category: Category;
  history: HistoryStep[];
  access: { personalDetails: boolean; canHandle: boolean; canReassign: boolean };
  target: SignalState | null;
  prefill: string;
  organisations: { id: string; name: string }[];
  actionsPanel?: ActionsPanel;
}) {
  const { t, locale } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.publicId}`;
  const orgName = organisations.find((o) => o.id === signal.organisationId)?.name ?? '—';
  // Closing waits for the open network actions: not offered, and the warning below says why.
  const blocked: readonly SignalState[] = actionsPanel && actionsPanel.openCount > 0 ? ['afgehandeld'] : [];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.handle.signalTitle', { id: signal.publicId, category: category.name })}</h1>
      {category.sensitive && <p class="utrecht-paragraph notice">{t('signals.handle.sensitiveNotice')}</p>}
      <ReopenRequestBox ctx={ctx} slug={slug} signal={signal} panel={actionsPanel} />
      <dl class="signals-facts">
        <dt>{t('signals.handle.state')}</dt>
        <dd id="status">{t(`signals.state.${signal.state}`)}</dd>
        <dt>{t('signals.handle.organisation')}</dt>
        <dd>{orgName}</dd>
        <dt>{t('signals.handle.deadline')}</dt>
        <dd>{signal.deadlineAt ? formatDay(locale, signal.deadlineAt) : '—'}</dd>
        <dt>{t('signals.track.description')}</dt>
        <dd>{signal.description}</dd>
        <dt>{t('signals.handle.place')}</dt>
        <dd>
          {[signal.address, signal.latitude !== null ? `${signal.latitude}, ${signal.longitude}` : null, signal.buurtCode]
            .filter(Boolean)
            .join(' · ') || '—'}
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
            ? [signal.reporterName, signal.reporterEmail, signal.reporterPhone].filter(Boolean).join(' · ') || t('signals.handle.anonymous')
            : t('signals.handle.reporterHidden')}
        </dd>
        <dt>{t('signals.handle.feedbackWanted')}</dt>
        <dd>{signal.wantsFeedback ? t('signals.report.yes') : t('signals.report.no')}</dd>
      </dl>
      <PhotoThumbs ctx={ctx} base={`${base}/fotos`} publicId={signal.publicId} count={signal.photoCount} />
      <MergeLinks ctx={ctx} slug={slug} signal={signal} history={history} canMerge={access.canReassign} canSplit={access.canHandle} />
      <h2 class="utrecht-heading-2">{t('signals.track.history')}</h2>
      <ol class="signals-history">
        {history.map((h) => (
          <li>
            <strong>{h.fromState === h.toState ? (mergeStepLabel(t, h) ?? sameStateLabel(t, h)) : t(`signals.state.${h.toState}`)}</strong>{' '}
            — {formatDateTime(locale, h.createdAt)}
            {h.internalNote && (
              <p class="utrecht-paragraph">
                {t('signals.handle.internalNote')}: {h.internalNote}
              </p>
            )}
            {h.publicMessage && (
              <p class="utrecht-paragraph">
                {t('signals.handle.publicMessage')}: {h.publicMessage}
              </p>
            )}
          </li>
        ))}
      </ol>
      {actionsPanel && <ActionsSection ctx={ctx} slug={slug} signal={signal} panel={actionsPanel} />}
      {access.canHandle && (
        <section class="section" aria-labelledby="volgende-stap">
          <h2 class="utrecht-heading-2" id="volgende-stap">
            {t('signals.handle.nextStep')}
          </h2>
          <ul class="utrecht-unordered-list">
            {nextStates(signal.state)
              .filter((s) => !blocked.includes(s))
              .map((s) => (
                <li>
                  <a class="utrecht-link" href={`${base}?naar=${s}#volgende-stap`} aria-current={s === target ? 'true' : undefined}>
                    {t('signals.handle.to', { state: t(`signals.state.${s}`) })}
                  </a>
                </li>
              ))}
          </ul>
          <OpenActionsHint ctx={ctx} panel={actionsPanel} />
          {target && !blocked.includes(target) && (
            <Form ctx={ctx} action={`${base}/status`} label={t('signals.handle.to', { state: t(`signals.state.${target}`) })}>
              <input type="hidden" name="to" value={target} />
              <TextArea
                name="publicMessage"
                label={t('signals.handle.publicMessage')}
                hint={t(signal.reporterLocale === 'en' ? 'signals.handle.publicMessageHintEn' : 'signals.handle.publicMessageHint')}
                value={prefill}
                maxLength={MAX_NOTE}
              />
              <TextArea
                name="internalNote"
                label={t('signals.handle.internalNote')}
                hint={t('signals.handle.internalNoteHint')}
                rows={3}
                maxLength={MAX_NOTE}
              />
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
            <SelectField
              name="organisationId"
              label={t('signals.handle.organisation')}
              value={signal.organisationId ?? ''}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField name="note" label={t('signals.handle.reassignNote')} maxLength={MAX_REASSIGN_NOTE} />
            <SubmitButton>{t('signals.handle.reassign')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
