/** The pages after the report form: the hard stop, the confirmation with what happens next, and following a signal. */
import type { ViewContext } from '../../../../ui/context.ts';
import { formatDay } from '../../dates.ts';

/** Instead of submitting: the category's hard-stop message (e.g. call 112). */
export function HardStopPage({ ctx, message, back }: { ctx: ViewContext; message: string; back: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('signals.report.hardStopTitle')}</h1>
      <div class="utrecht-alert utrecht-alert--warning" role="alert">
        <p class="utrecht-paragraph">{message}</p>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {ctx.t('signals.report.hardStopBack')}
        </a>
      </p>
    </>
  );
}

export interface ThanksSummary {
  category: string;
  sensitive: boolean;
  place: string;
  /** A coarse place ("we zoeken vanaf het midden van postcodegebied 9712"), or null. */
  note: string | null;
  description: string;
  deadline: Date | null;
}

/** After submitting: the number, what happens next and by when, a summary of what was reported, and the tracking link. */
export function ThanksPage({
  ctx,
  publicId,
  trackingUrl,
  mailed,
  photoCount = 0,
  summary,
}: {
  ctx: ViewContext;
  publicId: string;
  trackingUrl: string | null;
  mailed: boolean;
  photoCount?: number;
  summary?: ThanksSummary;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <div class="confirmation-panel" role="status">
        <h1 class="utrecht-heading-1">{t('signals.thanks.title')}</h1>
        <p class="utrecht-paragraph">
          {t('signals.thanks.number')} <strong id="meldingsnummer">{publicId}</strong>
        </p>
      </div>
      {summary && (
        <section class="section" aria-labelledby="wat-nu">
          <h2 class="utrecht-heading-2" id="wat-nu">
            {t('signals.thanks.next')}
          </h2>
          <ol class="utrecht-ordered-list" id="wat-nu-stappen">
            <li>{t('signals.thanks.nextLook')}</li>
            {summary.deadline && <li id="uiterlijk">{t('signals.thanks.nextBy', { date: formatDay(locale, summary.deadline) })}</li>}
            {summary.sensitive && <li>{t('signals.thanks.nextWorry')}</li>}
            {trackingUrl && <li>{t(mailed ? 'signals.thanks.nextMail' : 'signals.thanks.nextNoMail')}</li>}
          </ol>
        </section>
      )}
      {trackingUrl ? (
        <p class="utrecht-paragraph">
          {t('signals.thanks.link')}{' '}
          <a class="utrecht-link" href={trackingUrl} id="volglink">
            {t('signals.thanks.linkText')}
          </a>
        </p>
      ) : (
        <p class="utrecht-paragraph">{t('signals.thanks.replayed')}</p>
      )}
      {/* A replay already says the link is in the e-mail; the first time, the mail is still to come. */}
      {mailed && trackingUrl && !summary && <p class="utrecht-paragraph">{t('signals.thanks.mailed')}</p>}
      {photoCount > 0 && (
        <p class="utrecht-paragraph" id="fotos-ontvangen">
          {t('signals.photos.received', { n: photoCount })}
        </p>
      )}
      {summary && (
        <section class="section" aria-labelledby="samenvatting">
          <h2 class="utrecht-heading-2" id="samenvatting">
            {t('signals.thanks.summary')}
          </h2>
          <dl class="signals-facts" id="samenvatting-lijst">
            <dt>{t('signals.thanks.subject')}</dt>
            <dd>{summary.category}</dd>
            <dt>{t('signals.thanks.place')}</dt>
            <dd>
              {summary.place || '—'}
              {summary.note && <span> ({summary.note})</span>}
            </dd>
            <dt>{t('signals.thanks.description')}</dt>
            <dd>{summary.description}</dd>
            {photoCount > 0 && (
              <>
                <dt>{t('signals.thanks.photos')}</dt>
                <dd>{photoCount}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}

/** Confirmation after following a signal. */
export function FollowedPage({ ctx, publicId }: { ctx: ViewContext; publicId: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('signals.follow.title', { id: publicId })}</h1>
      <p class="utrecht-paragraph">{ctx.t('signals.follow.text')}</p>
    </>
  );
}
