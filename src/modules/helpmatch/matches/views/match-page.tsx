import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, type FieldErrors } from '../../../../ui/form.tsx';
import { formatDateTime, formatNumber, translateChecked, type MessageKey } from '../../../../platform/i18n/index.ts';
import type { MatchDetails } from '../details.service.ts';
import { distanceBandKey } from '../../categories.ts';
import { ButtonForm, categoryLabel, TextArea, VogExplain, whenText } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { ChooseSection, Contact, HoursField, WeeklySection } from './arrangement.tsx';

/** A match: the request summary, why this helper, contact details (after acceptance), thread and actions. */
export function MatchPage({
  ctx,
  d,
  buurtName,
  notice,
  errors,
  values,
}: {
  ctx: ViewContext;
  d: MatchDetails;
  buurtName: string | null;
  notice: MessageKey | null;
  errors?: FieldErrors | undefined;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const m = d.match;
  const e = errors ?? {};
  const base = tenantPath(ctx, `/hulp/match/${m.id}`);
  const party = d.side === 'volunteer' || d.side === 'requester';
  const live = m.state === 'suggested' || m.state === 'proposed' || m.state === 'awaiting_requester' || m.state === 'accepted';
  const myConfirmed = m.hoursConfirmedByMe;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.match.title', { category: categoryLabel(ctx, d.request.category) })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <dl class="hm-facts">
        <dt>{t('helpmatch.col.what')}</dt>
        <dd>{d.request.summary}</dd>
        <dt>{t('helpmatch.col.when')}</dt>
        <dd>{whenText(ctx, d.request)}</dd>
        <dt>{t('helpmatch.col.where')}</dt>
        <dd>
          {buurtName ? t('helpmatch.request.inBuurt', { buurt: buurtName }) : '–'}
          {m.distanceM !== null && <> · {t(distanceBandKey(m.distanceM))}</>}
        </dd>
        <dt>{t('helpmatch.col.state')}</dt>
        <dd>{t(`helpmatch.matchState.${m.state}`)}</dd>
        {d.side !== 'volunteer' && d.volunteerFirstName && (
          <>
            <dt>{t('helpmatch.match.volunteerContact')}</dt>
            <dd>{d.volunteerFirstName}</dd>
          </>
        )}
      </dl>
      {m.explanation.length > 0 && (
        <section aria-labelledby="waarom">
          <h2 class="utrecht-heading-2" id="waarom">
            {t('helpmatch.match.why')}
          </h2>
          <ul class="utrecht-unordered-list">
            {m.explanation.map((part) => (
              <li>{translateChecked(t, part.key, part.vars)}</li>
            ))}
          </ul>
          {m.explanation.some((part) => /vog/i.test(part.key)) && <VogExplain ctx={ctx} />}
        </section>
      )}
      {d.side === 'volunteer' && (m.state === 'suggested' || m.state === 'proposed') && (
        <section aria-labelledby="beslissen">
          <h2 class="utrecht-heading-2" id="beslissen">
            {t('helpmatch.match.decideTitle')}
          </h2>
          <div class="hm-button-row">
            <ButtonForm ctx={ctx} action={`${base}/accepteren`} label={t('helpmatch.submit.accept')} />
            <ButtonForm ctx={ctx} action={`${base}/afwijzen`} label={t('helpmatch.submit.decline')} secondary />
          </div>
        </section>
      )}
      <ChooseSection ctx={ctx} d={d} base={base} />
      {d.side === 'coordinator' && m.state === 'suggested' && (
        <ButtonForm ctx={ctx} action={`${base}/voorleggen`} label={t('helpmatch.submit.proposeSuggested')} />
      )}
      <section aria-labelledby="contact">
        <h2 class="utrecht-heading-2" id="contact">
          {t('helpmatch.match.contacts')}
        </h2>
        {d.contacts ? (
          <div class="hm-contact-cards">
            <Contact
              ctx={ctx}
              title={t('helpmatch.match.requesterContact')}
              c={d.contacts.requester}
              remarks={d.contacts.requester.remarks}
            />
            <Contact ctx={ctx} title={t('helpmatch.match.volunteerContact')} c={d.contacts.volunteer} />
          </div>
        ) : (
          <p class="utrecht-paragraph">{t('helpmatch.match.contactsHidden')}</p>
        )}
      </section>
      <section aria-labelledby="berichten">
        <h2 class="utrecht-heading-2" id="berichten">
          {t('helpmatch.match.thread')}
        </h2>
        {d.messages.length === 0 ? (
          <p class="utrecht-paragraph">{t('helpmatch.match.noMessages')}</p>
        ) : (
          <ol class="hm-thread">
            {d.messages.map((msg) => (
              <li class={msg.mine ? 'hm-thread__item hm-thread__item--mine' : 'hm-thread__item'}>
                <p class="hm-thread__meta">
                  {msg.mine
                    ? t('helpmatch.match.fromYou')
                    : msg.authorSide === 'volunteer'
                      ? t('helpmatch.match.fromVolunteer')
                      : t('helpmatch.match.fromRequester')}{' '}
                  · {formatDateTime(ctx.locale, msg.createdAt)}
                </p>
                <p class="utrecht-paragraph">{msg.body}</p>
              </li>
            ))}
          </ol>
        )}
        {party && live && (
          <form method="post" action={`${base}/bericht`} class="form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea
              name="body"
              label={t('helpmatch.field.message')}
              hint={t('helpmatch.match.threadHint')}
              value={values?.body}
              error={e.body}
              rows={3}
            />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {t('helpmatch.submit.message')}
            </button>
          </form>
        )}
      </section>
      <WeeklySection ctx={ctx} d={d} base={base} errors={e} values={values ?? {}} />
      {party && m.state === 'accepted' && !d.weekly && (
        <section aria-labelledby="uren">
          <h2 class="utrecht-heading-2" id="uren">
            {t('helpmatch.match.hoursTitle')}
          </h2>
          {m.hours !== null && (
            <p class="utrecht-paragraph">
              {t('helpmatch.match.hoursRecorded', { hours: formatNumber(ctx.locale, m.hours, 2) })}{' '}
              {myConfirmed && t('helpmatch.match.hoursWaiting')}
            </p>
          )}
          {m.hours !== null && !myConfirmed && (
            <ButtonForm
              ctx={ctx}
              action={`${base}/uren-bevestigen`}
              label={t('helpmatch.submit.confirmHours', { hours: formatNumber(ctx.locale, m.hours, 2) })}
            />
          )}
          <form method="post" action={`${base}/uren`} class="form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <HoursField ctx={ctx} error={e.hours} value={values?.hours} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {t('helpmatch.submit.hours')}
            </button>
          </form>
        </section>
      )}
      {party && m.accepted && (
        <section aria-labelledby="ervaring">
          <h2 class="utrecht-heading-2" id="ervaring">
            {t('helpmatch.match.feedbackTitle')}
          </h2>
          <form method="post" action={`${base}/ervaring`} class="form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea
              name="feedback"
              label={t('helpmatch.field.feedback')}
              value={values?.feedback ?? m.myFeedback ?? ''}
              error={e.feedback}
              rows={3}
            />
            <div class="utrecht-form-field">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="veld-rating">
                  {t('helpmatch.field.rating')}
                </label>
              </div>
              <div class="utrecht-form-field__input">
                <select class="utrecht-select utrecht-select--html-select" id="veld-rating" name="rating">
                  <option value="">{t('helpmatch.field.ratingNone')}</option>
                  {[5, 4, 3, 2, 1].map((n) => (
                    <option value={String(n)}>{String(n)}</option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {t('helpmatch.submit.feedback')}
            </button>
          </form>
        </section>
      )}
      {live && (party || d.side === 'coordinator') && (
        <div class="hm-button-row">
          <ButtonForm ctx={ctx} action={`${base}/annuleren`} label={t('helpmatch.submit.cancel')} secondary />
          {m.state === 'accepted' && d.side !== 'volunteer' && (
            <ButtonForm ctx={ctx} action={`${base}/niet-gekomen`} label={t('helpmatch.submit.noShow')} secondary />
          )}
        </div>
      )}
      {party && (
        <section aria-labelledby="melden">
          <h2 class="utrecht-heading-2" id="melden">
            {t('helpmatch.match.reportTitle')}
          </h2>
          <form method="post" action={`${base}/melden`} class="form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <TextArea
              name="reason"
              label={t('helpmatch.field.reason')}
              hint={t('helpmatch.match.reportHint')}
              value={values?.reason}
              error={e.reason}
              rows={3}
            />
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {t('helpmatch.submit.report')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
