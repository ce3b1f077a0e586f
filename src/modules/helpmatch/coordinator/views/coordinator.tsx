import { MAX } from '../../helpmatch.schemas.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import type { RequestState } from '../../requests/requests.service.ts';
import type { Reach } from '../../matching/types.ts';
import { categoryLabel, DemoTag, shortDate, VogExplain } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

function CoordNav({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp/coordinatie`);
  return (
    <nav aria-label={ctx.t('helpmatch.coord.title')}>
      <ul class="hm-action-list hm-action-list--inline">
        <li>
          <a class="utrecht-link" href={base}>
            {t('helpmatch.coord.requests')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/aanbod`}>
            {t('helpmatch.coord.offers')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/meldingen`}>
            {t('helpmatch.coord.reports')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

export interface CoordRequestRow {
  id: string;
  category: string;
  summary: string;
  buurt: string;
  state: RequestState;
  createdAt: Date;
  onBehalf: boolean;
  isDemo: boolean;
}

/** Requests of the tenant for coordinators (open ones by default). */
export function CoordRequestsPage({
  ctx,
  rows,
  all,
  notice,
}: {
  ctx: ViewContext;
  rows: CoordRequestRow[];
  all: boolean;
  notice: MessageKey | null;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.coord.title')}</h1>
      <CoordNav ctx={ctx} />
      <Notice ctx={ctx} messageKey={notice} />
      <h2 class="utrecht-heading-2">{t('helpmatch.coord.requests')}</h2>
      <p class="utrecht-paragraph">
        {t('helpmatch.coord.filter')}:{' '}
        <a class="utrecht-link" href={`${base}/coordinatie`} aria-current={all ? undefined : 'page'}>
          {t('helpmatch.coord.filterOpen')}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`${base}/coordinatie?toon=alle`} aria-current={all ? 'page' : undefined}>
          {t('helpmatch.coord.filterAll')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.coord.noRequests')}</p>
      ) : (
        <DataTable columns={[t('helpmatch.col.what'), t('helpmatch.col.where'), t('helpmatch.col.state'), t('helpmatch.col.created')]}>
          {rows.map((r) => (
            <tr>
              <td>
                <a class="utrecht-link" href={`${base}/vragen/${r.id}`}>
                  {categoryLabel(ctx, r.category)}: {r.summary}
                </a>
                {r.onBehalf && <> ({t('helpmatch.request.onBehalf')})</>}
                <DemoTag ctx={ctx} show={r.isDemo} />
              </td>
              <td>{r.buurt}</td>
              <td>{t(`helpmatch.requestState.${r.state}`)}</td>
              <td>{shortDate(ctx, r.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export interface CoordOfferRow {
  id: string;
  name: string;
  buurt: string;
  categories: string[];
  reach: Reach;
  vogSeenOn: string | null;
  active: boolean;
  isDemo: boolean;
}

/** Offers with the VOG recording form per volunteer. */
export function CoordOffersPage({ ctx, rows, notice }: { ctx: ViewContext; rows: CoordOfferRow[]; notice: MessageKey | null }) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp/coordinatie/aanbod`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.coord.offers')}</h1>
      <CoordNav ctx={ctx} />
      <Notice ctx={ctx} messageKey={notice} />
      <VogExplain ctx={ctx} />
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.coord.noOffers')}</p>
      ) : (
        <DataTable
          columns={[
            t('helpmatch.col.name'),
            t('helpmatch.col.where'),
            t('helpmatch.col.categories'),
            t('helpmatch.col.reach'),
            t('helpmatch.col.vog'),
          ]}
        >
          {rows.map((o) => (
            <tr>
              <td>
                {o.name}
                {!o.active && <> ({t('helpmatch.mine.offerPaused')})</>}
                <DemoTag ctx={ctx} show={o.isDemo} />
              </td>
              <td>{o.buurt}</td>
              <td>{o.categories.map((c) => categoryLabel(ctx, c)).join(', ')}</td>
              <td>{t(`helpmatch.reach.${o.reach}`)}</td>
              <td>
                <form method="post" action={`${base}/${o.id}/vog`} class="inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input
                    class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--short"
                    type="date"
                    name="seenOn"
                    value={o.vogSeenOn ?? ''}
                    aria-label={`${t('helpmatch.field.vogDate')}: ${o.name}`}
                  />{' '}
                  <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    {t('helpmatch.submit.vog')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** Reports (open first) with block and handle actions; blocked users with unblock. */
export function CoordReportsPage({
  ctx,
  reports,
  blocked,
  notice,
}: {
  ctx: ViewContext;
  reports: {
    id: string;
    reportedUserId: string | null;
    reportedName: string;
    reason: string;
    state: 'open' | 'handled';
    createdAt: Date;
    matchId: string | null;
  }[];
  blocked: { userId: string; name: string; reason: string }[];
  notice: MessageKey | null;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp/coordinatie`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.coord.reports')}</h1>
      <CoordNav ctx={ctx} />
      <Notice ctx={ctx} messageKey={notice} />
      {reports.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.coord.noReports')}</p>
      ) : (
        <DataTable columns={[t('helpmatch.col.name'), t('helpmatch.col.reason'), t('helpmatch.col.state'), t('helpmatch.col.action')]}>
          {reports.map((r) => (
            <tr>
              <td>
                {r.reportedName}
                {r.matchId && (
                  <>
                    {' '}
                    (
                    <a class="utrecht-link" href={tenantPath(ctx, `/hulp/match/${r.matchId}`)}>
                      {t('helpmatch.request.open')}
                    </a>
                    )
                  </>
                )}
              </td>
              <td>
                {shortDate(ctx, r.createdAt)}: {r.reason}
              </td>
              <td>{t(`helpmatch.coord.reportState.${r.state}`)}</td>
              <td>
                {r.reportedUserId && !blocked.some((b) => b.userId === r.reportedUserId) && (
                  <form method="post" action={`${base}/blokkeren`} class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <input type="hidden" name="userId" value={r.reportedUserId} />
                    <input type="hidden" name="reason" value={r.reason.slice(0, MAX.note)} />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action"
                      aria-label={`${t('helpmatch.submit.block')}: ${r.reportedName}`}
                    >
                      {t('helpmatch.submit.block')}
                    </button>
                  </form>
                )}{' '}
                {r.state === 'open' && (
                  <form method="post" action={`${base}/meldingen/${r.id}/afgehandeld`} class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                      {t('helpmatch.submit.handled')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="utrecht-heading-2">{t('helpmatch.coord.blockedTitle')}</h2>
      {blocked.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.coord.noBlocked')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {blocked.map((b) => (
            <li>
              {b.name}
              {b.reason && <> – {b.reason}</>}{' '}
              <form method="post" action={`${base}/deblokkeren`} class="inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <input type="hidden" name="userId" value={b.userId} />
                <button
                  type="submit"
                  class="utrecht-button utrecht-button--secondary-action"
                  aria-label={`${t('helpmatch.submit.unblock')}: ${b.name}`}
                >
                  {t('helpmatch.submit.unblock')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
