/** Parts of the match page for the requester's choice of helper and for weekly help (issue 12). */
import { DateTime } from 'luxon';
import type { ViewContext } from '../../../../ui/context.ts';
import { formatNumber } from '../../../../platform/i18n/index.ts';
import { ZONE } from '../../../../platform/time.ts';
import type { ContactDetails, MatchDetails } from '../details.service.ts';
import { ButtonForm } from '../../views/parts.tsx';

/** "week van 7 december" for a week's Monday. */
export function weekLabel(ctx: ViewContext, week: string): string {
  const date = DateTime.fromISO(week, { zone: ZONE })
    .setLocale(ctx.locale === 'nl' ? 'nl' : 'en-GB')
    .toFormat('d LLLL yyyy');
  return ctx.t('helpmatch.session.weekOf', { date });
}

/** One side's contact card; long names and e-mail addresses wrap inside the card. */
export function Contact({ ctx, title, c, remarks }: { ctx: ViewContext; title: string; c: ContactDetails; remarks?: string | null }) {
  const { t } = ctx;
  return (
    <div class="hm-contact-card">
      <h3 class="utrecht-heading-3">{title}</h3>
      <dl class="hm-facts">
        <dt>{t('helpmatch.col.name')}</dt>
        <dd>{c.name || '–'}</dd>
        <dt>{t('helpmatch.match.phone')}</dt>
        <dd>{c.phone ?? '–'}</dd>
        <dt>{t('helpmatch.match.email')}</dt>
        <dd>{c.email ?? '–'}</dd>
        {c.address !== null && (
          <>
            <dt>{t('helpmatch.match.address')}</dt>
            <dd>{c.address}</dd>
          </>
        )}
        {remarks && (
          <>
            <dt>{t('helpmatch.match.remarks')}</dt>
            <dd>{remarks}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** The asking side chooses: "Wilt u hulp van Vera?" with yes and no; the volunteer who said yes is told to wait. */
export function ChooseSection({ ctx, d, base }: { ctx: ViewContext; d: MatchDetails; base: string }) {
  const { t } = ctx;
  const m = d.match;
  if (m.state === 'not_chosen') {
    return (
      <p class="utrecht-paragraph">
        {d.side === 'volunteer' ? t('helpmatch.choose.notChosenVolunteer') : t('helpmatch.choose.notChosenRequester')}
      </p>
    );
  }
  if (m.state !== 'awaiting_requester') return null;
  if (d.side === 'volunteer') return <p class="utrecht-paragraph">{t('helpmatch.choose.volunteerWaits')}</p>;
  if (!d.canChoose) return null;
  const name = d.volunteerFirstName ?? t('helpmatch.choose.someone');
  // A coordinator chooses for someone without an account, after talking with them.
  const forSomeone = d.side === 'coordinator';
  return (
    <section aria-labelledby="kiezen">
      <h2 class="utrecht-heading-2" id="kiezen">
        {forSomeone ? t('helpmatch.choose.onBehalfTitle', { name }) : t('helpmatch.choose.title', { name })}
      </h2>
      <p class="utrecht-paragraph">{forSomeone ? t('helpmatch.choose.onBehalfIntro', { name }) : t('helpmatch.choose.intro', { name })}</p>
      <div class="hm-button-row">
        <ButtonForm ctx={ctx} action={`${base}/kiezen`} label={t('helpmatch.submit.chooseYes')} />
        <ButtonForm ctx={ctx} action={`${base}/niet-kiezen`} label={t('helpmatch.submit.chooseNo')} secondary />
      </div>
    </section>
  );
}

/** Weekly help: the weeks with their hours and who confirmed them, the form for a week's hours, and ending the arrangement. */
export function WeeklySection({
  ctx,
  d,
  base,
  errors,
  values,
}: {
  ctx: ViewContext;
  d: MatchDetails;
  base: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const { t } = ctx;
  const w = d.weekly;
  const party = d.side === 'volunteer' || d.side === 'requester';
  if (!w) return null;
  const active = d.match.state === 'accepted';
  const mine = (x: { confirmedByVolunteer: boolean; confirmedByRequester: boolean }) =>
    d.side === 'volunteer' ? x.confirmedByVolunteer : x.confirmedByRequester;
  const both = (x: { confirmedByVolunteer: boolean; confirmedByRequester: boolean }) => x.confirmedByVolunteer && x.confirmedByRequester;
  const total = w.weeks.filter(both).reduce((sum, x) => sum + x.hours, 0);
  const hours = (n: number) => formatNumber(ctx.locale, n, 2);
  const e = errors;
  // The weeks one may still record; after a refusal also the week that was sent, so its message stands beside it.
  const sent = values.week && (e.week || e.hours) && !w.recordable.includes(values.week) ? [values.week] : [];
  const weeks = [...sent, ...w.recordable];
  return (
    <section aria-labelledby="uren">
      <h2 class="utrecht-heading-2" id="uren">
        {t('helpmatch.session.title')}
      </h2>
      <p class="utrecht-paragraph">{t('helpmatch.session.intro')}</p>
      {w.weeks.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.session.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="utrecht-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('helpmatch.session.colWeek')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('helpmatch.session.colHours')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('helpmatch.session.colState')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {[...w.weeks].reverse().map((x) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{weekLabel(ctx, x.week)}</td>
                  <td class="utrecht-table__cell">{hours(x.hours)}</td>
                  <td class="utrecht-table__cell">
                    {both(x)
                      ? t('helpmatch.session.confirmedBoth')
                      : !active
                        ? t('helpmatch.session.notConfirmed')
                        : party && !mine(x)
                          ? t('helpmatch.session.waitingYou')
                          : t('helpmatch.session.waitingOther')}
                    {active && party && !both(x) && !mine(x) && (
                      <ButtonForm
                        ctx={ctx}
                        action={`${base}/week-bevestigen`}
                        label={t('helpmatch.submit.confirmWeek', { hours: hours(x.hours), week: weekLabel(ctx, x.week) })}
                      >
                        <input type="hidden" name="week" value={x.week} />
                      </ButtonForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="utrecht-paragraph">{t('helpmatch.session.total', { hours: hours(total) })}</p>
      {active && party && weeks.length === 0 && <p class="utrecht-paragraph">{t('helpmatch.session.allConfirmed')}</p>}
      {active && party && weeks.length > 0 && (
        <form method="post" action={`${base}/uren`} class="form">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <div class={`utrecht-form-field${e.week ? ' utrecht-form-field--invalid' : ''}`}>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="veld-week">
                {t('helpmatch.field.week')}
              </label>
            </div>
            {e.week && (
              <div class="utrecht-form-field-error-message" id="veld-week-error">
                {e.week}
              </div>
            )}
            <div class="utrecht-form-field__input">
              <select
                class="utrecht-select utrecht-select--html-select"
                id="veld-week"
                name="week"
                {...(e.week ? { 'aria-describedby': 'veld-week-error', 'aria-invalid': 'true' } : {})}
              >
                {weeks.map((x) => (
                  <option value={x} selected={values.week === x}>
                    {weekLabel(ctx, x)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <HoursField ctx={ctx} error={e.hours} value={values.hours} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {t('helpmatch.submit.hours')}
          </button>
        </form>
      )}
      {active && (party || d.side === 'coordinator') && (
        <>
          <h3 class="utrecht-heading-3">{t('helpmatch.session.endTitle')}</h3>
          <p class="utrecht-paragraph">{t('helpmatch.session.endHint')}</p>
          <ButtonForm ctx={ctx} action={`${base}/beeindigen`} label={t('helpmatch.submit.endArrangement')} secondary />
        </>
      )}
    </section>
  );
}

/** The hours field (in quarters), shared by one-off and weekly help. */
export function HoursField({ ctx, error, value }: { ctx: ViewContext; error?: string | undefined; value?: string | undefined }) {
  const { t } = ctx;
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for="veld-hours">
          {t('helpmatch.field.hours')}
        </label>
      </div>
      <div class="utrecht-form-field-description" id="veld-hours-hint">
        {t('helpmatch.field.hoursHint')}
      </div>
      {error && (
        <div class="utrecht-form-field-error-message" id="veld-hours-error">
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--short"
          id="veld-hours"
          name="hours"
          inputMode="decimal"
          value={value ?? ''}
          aria-describedby={error ? 'veld-hours-hint veld-hours-error' : 'veld-hours-hint'}
        />
      </div>
    </div>
  );
}
