import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import type { RequestSummary } from '../../matches/details.service.ts';
import type { MatchState } from '../../matches/matches.service.ts';
import { ButtonForm, categoryLabel, VogExplain, whenText } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface RequestPageProps {
  ctx: ViewContext;
  request: RequestSummary;
  buurtName: string | null;
  /** Distance band from the viewer's offer ("binnen 500 m"), when they have one. */
  band: string | null;
  needsVog: boolean;
  notice: MessageKey | null;
  /** Address and contact details: only for the asking side and coordinators. */
  privateInfo: {
    address: string | null;
    remarks: string | null;
    subjectName: string | null;
    subjectPhone: string | null;
    subjectEmail: string | null;
  } | null;
  /** Matches of the request, for the asking side and coordinators. */
  matches: { id: string; state: MatchState; firstName: string }[] | null;
  canWithdraw: boolean;
  canRespond: boolean;
  /** The viewer's own live match on this request. */
  myMatchId: string | null;
  /** Volunteers with an offer (coordinators: "stel voor aan vrijwilliger"). */
  volunteers: { userId: string; label: string }[] | null;
  /** The asking side hears that nobody has been found yet, with what they can do. */
  nobodyYet?: boolean;
  /** The request was placed from the middle of this postcode area (PC4): say so to the asking side. */
  coarsePc4?: string | null;
}

/** One request: public summary for members; address and contacts for the asking side and coordinators. */
export function RequestPage(p: RequestPageProps) {
  const { ctx, request: r } = p;
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.request.title', { category: categoryLabel(ctx, r.category) })}</h1>
      <Notice ctx={ctx} messageKey={p.notice} />
      {p.coarsePc4 && <p class="utrecht-paragraph">{t('areas.geocode.note.pc4', { pc4: p.coarsePc4 })}</p>}
      <dl class="hm-facts">
        <dt>{t('helpmatch.col.what')}</dt>
        <dd>{r.summary}</dd>
        <dt>{t('helpmatch.field.helpType')}</dt>
        <dd>{t(`helpmatch.helpType.${r.helpType}`)}</dd>
        <dt>{t('helpmatch.col.when')}</dt>
        <dd>{whenText(ctx, r)}</dd>
        <dt>{t('helpmatch.col.where')}</dt>
        <dd>
          {p.buurtName ? t('helpmatch.request.inBuurt', { buurt: p.buurtName }) : '–'}
          {p.band && <> · {t('helpmatch.request.distance', { band: p.band })}</>}
        </dd>
        <dt>{t('helpmatch.field.urgency')}</dt>
        <dd>{t(`helpmatch.urgency.${r.urgency}`)}</dd>
        <dt>{t('helpmatch.col.state')}</dt>
        <dd>{t(`helpmatch.requestState.${r.state}`)}</dd>
      </dl>
      {r.onBehalf && <p class="utrecht-paragraph">{t('helpmatch.request.onBehalf')}</p>}
      {p.nobodyYet && (
        <section class="utrecht-alert utrecht-alert--info hm-nobody" aria-labelledby="niemand">
          <h2 class="utrecht-heading-2" id="niemand">
            {t('helpmatch.nobody.title')}
          </h2>
          <p class="utrecht-paragraph">{t('helpmatch.nobody.text')}</p>
          <ul class="utrecht-unordered-list">
            <li>{t('helpmatch.nobody.tipDistance')}</li>
            <li>{t('helpmatch.nobody.tipTime')}</li>
            <li>{t('helpmatch.nobody.tipCoordinator')}</li>
          </ul>
        </section>
      )}
      {p.needsVog && (
        <>
          <p class="utrecht-paragraph">{t('helpmatch.request.needsVog')}</p>
          <VogExplain ctx={ctx} />
        </>
      )}
      {p.privateInfo && (
        <section aria-labelledby="prive">
          <h2 class="utrecht-heading-2" id="prive">
            {t('helpmatch.request.private')}
          </h2>
          <dl class="hm-facts">
            {p.privateInfo.subjectName && (
              <>
                <dt>{t('helpmatch.field.subjectName')}</dt>
                <dd>{p.privateInfo.subjectName}</dd>
              </>
            )}
            {p.privateInfo.subjectPhone && (
              <>
                <dt>{t('helpmatch.match.phone')}</dt>
                <dd>{p.privateInfo.subjectPhone}</dd>
              </>
            )}
            {p.privateInfo.subjectEmail && (
              <>
                <dt>{t('helpmatch.match.email')}</dt>
                <dd>{p.privateInfo.subjectEmail}</dd>
              </>
            )}
            <dt>{t('helpmatch.match.address')}</dt>
            <dd>{p.privateInfo.address ?? '–'}</dd>
            {p.privateInfo.remarks && (
              <>
                <dt>{t('helpmatch.match.remarks')}</dt>
                <dd>{p.privateInfo.remarks}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {p.canRespond && <ButtonForm ctx={ctx} action={`${base}/vragen/${r.id}/reageren`} label={t('helpmatch.submit.respond')} />}
      {p.myMatchId && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/match/${p.myMatchId}`}>
            {t('helpmatch.mine.matches')}
          </a>
        </p>
      )}
      {p.matches && (
        <section aria-labelledby="reacties">
          <h2 class="utrecht-heading-2" id="reacties">
            {t('helpmatch.request.matches')}
          </h2>
          {p.matches.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.request.noMatches')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {p.matches.map((m) => (
                <li>
                  <a class="utrecht-link" href={`${base}/match/${m.id}`}>
                    {m.firstName}
                  </a>{' '}
                  – {t(`helpmatch.matchState.${m.state}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {p.volunteers && r.state === 'open' && (
        <section aria-labelledby="voorstellen">
          <h2 class="utrecht-heading-2" id="voorstellen">
            {t('helpmatch.request.proposeTitle')}
          </h2>
          {p.volunteers.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.request.noVolunteers')}</p>
          ) : (
            <form method="post" action={`${base}/coordinatie/vragen/${r.id}/voorstellen`} class="form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <div class="utrecht-form-field">
                <div class="utrecht-form-field__label">
                  <label class="utrecht-form-label" for="veld-volunteer">
                    {t('helpmatch.field.volunteer')}
                  </label>
                </div>
                <div class="utrecht-form-field__input">
                  <select class="utrecht-select utrecht-select--html-select" id="veld-volunteer" name="volunteer">
                    {p.volunteers.map((v) => (
                      <option value={v.userId}>{v.label}</option>
                    ))}
                  </select>
                </div>
              </div>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {t('helpmatch.submit.propose')}
              </button>
            </form>
          )}
        </section>
      )}
      {p.canWithdraw && (
        <ButtonForm ctx={ctx} action={`${base}/vragen/${r.id}/intrekken`} label={t('helpmatch.submit.withdraw')} secondary />
      )}
    </>
  );
}
