import { inLocale } from '../../config/categories.presenter.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import { formatMoment as formatDateTime } from '../../dates.ts';
import type { TrackingView } from '../feedback.service.ts';
import { isPublicState } from '../../workflow.ts';
import { MAX_REASON } from '../../signals.schemas.ts';
import { Radios, TextArea } from '../../views/parts.tsx';
import { PhotoThumbs } from '../../photos/views/photos.tsx';
import { MergedNotice } from '../../merge/views/merge.tsx';
import { FollowWithAccount } from '../../mine/views/mine.tsx';

/** The reporter's (or follower's) view: state, public history and messages, and the satisfaction question after closure. */
export function TrackingPage({
  ctx,
  slug,
  token,
  view,
  errors,
  notice,
}: {
  ctx: ViewContext;
  slug: string;
  token: string;
  view: TrackingView;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, locale } = ctx;
  const s = view.signal;
  // An internal state (on hold) shows as the last public one.
  const shown = isPublicState(s.state) ? s.state : ([...view.history].reverse().find((h) => isPublicState(h.toState))?.toState ?? 'gemeld');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.track.title', { id: s.publicId })}</h1>
      <MergedNotice ctx={ctx} mergedInto={view.mergedInto} />
      {notice && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      )}
      <dl class="signals-facts">
        <dt>{t('signals.track.category')}</dt>
        <dd>{inLocale(ctx.locale, view.categoryName, view.categoryNameEn)}</dd>
        <dt>{t('signals.track.state')}</dt>
        <dd id="status">{t(`signals.state.${shown}`)}</dd>
        <dt>{t('signals.track.reported')}</dt>
        <dd>{formatDateTime(locale, s.createdAt)}</dd>
        {view.reporter && (
          <>
            <dt>{t('signals.track.description')}</dt>
            <dd>{s.description}</dd>
          </>
        )}
      </dl>
      {view.reporter && (
        <PhotoThumbs ctx={ctx} base={`/${slug}/meldingen/volgen/${token}/fotos`} publicId={s.publicId} count={s.photoCount} />
      )}
      <h2 class="utrecht-heading-2">{t('signals.track.history')}</h2>
      <ol class="signals-history">
        {view.history.map((h) => (
          <li>
            <strong>{t(`signals.state.${h.toState}`)}</strong> — {formatDateTime(locale, h.createdAt)}
            {h.publicMessage && <p class="utrecht-paragraph">{h.publicMessage}</p>}
          </li>
        ))}
      </ol>
      {!view.reporter && !view.signal.closed && <FollowWithAccount ctx={ctx} slug={slug} publicId={s.publicId} />}
      {view.feedbackGiven && <p class="utrecht-paragraph">{t('signals.error.feedbackGiven')}</p>}
      {view.canGiveFeedback && (
        <section class="section signals-feedback" aria-labelledby="tevredenheid">
          <h2 class="utrecht-heading-2" id="tevredenheid">
            {t('signals.track.feedbackTitle')}
          </h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`/${slug}/meldingen/volgen/${token}`} label={t('signals.track.feedbackTitle')}>
            <Radios
              name="satisfied"
              legend={t('signals.track.satisfied')}
              options={[
                { value: 'ja', label: t('signals.track.satisfiedYes') },
                { value: 'nee', label: t('signals.track.satisfiedNo') },
              ]}
              error={errors?.satisfied}
            />
            <Radios
              name="solved"
              legend={t('signals.track.solved')}
              options={[
                { value: 'ja', label: t('signals.report.yes') },
                { value: 'nee', label: t('signals.report.no') },
              ]}
            />
            <TextArea name="reason" label={t('signals.track.reason')} error={errors?.reason} rows={3} maxLength={MAX_REASON} />
            <SubmitButton>{t('signals.track.send')}</SubmitButton>
          </Form>
        </section>
      )}
    </>
  );
}
