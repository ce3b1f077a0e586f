import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import type { MatchState } from '../../matches/matches.service.ts';
import type { RequestState } from '../../requests/requests.service.ts';
import { categoryLabel, DemoTag } from '../../views/parts.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export interface OverviewData {
  signedIn: boolean;
  member: boolean;
  coordinator: boolean;
  requests: { id: string; category: string; summary: string; state: RequestState; isDemo: boolean }[];
  offer: { categories: string[]; active: boolean } | null;
  matches: { id: string; category: string; summary: string; state: MatchState; role: 'volunteer' | 'requester' }[];
  latentBuurten: string[];
}

/** The start page of the help marketplace: actions, and the user's own requests, offer and matches. */
export function OverviewPage({ ctx, data, notice }: { ctx: ViewContext; data: OverviewData; notice: MessageKey | null }) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/hulp`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('helpmatch.intro')}</p>
      {!data.signedIn && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/aanmelden?terug=${encodeURIComponent(tenantPath(ctx, '/hulp'))}`}>
            {t('helpmatch.signInHint')}
          </a>
        </p>
      )}
      {data.signedIn && !data.member && <p class="utrecht-paragraph">{t('helpmatch.noRoleHint')}</p>}
      <ul class="hm-action-list">
        {data.member && (
          <>
            <li>
              <a class="utrecht-link" href={`${base}/vragen/nieuw`}>
                {t('helpmatch.action.ask')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/aanbod`}>
                {t('helpmatch.action.offer')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/voor-u`}>
                {t('helpmatch.action.nearby')}
              </a>
            </li>
            <li>
              <a class="utrecht-link" href={`${base}/aanspreekpunt`}>
                {t('helpmatch.action.latent')}
              </a>
            </li>
          </>
        )}
        <li>
          <a class="utrecht-link" href={`${base}/vacatures`}>
            {t('helpmatch.action.vacancies')}
          </a>
        </li>
        {data.coordinator && (
          <li>
            <a class="utrecht-link" href={`${base}/coordinatie`}>
              {t('helpmatch.action.coordination')}
            </a>
          </li>
        )}
      </ul>
      {data.member && (
        <>
          <h2 class="utrecht-heading-2">{t('helpmatch.mine.requests')}</h2>
          {data.requests.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.mine.noRequests')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {data.requests.map((r) => (
                <li>
                  <a class="utrecht-link" href={`${base}/vragen/${r.id}`}>
                    {categoryLabel(ctx, r.category)}: {r.summary}
                  </a>{' '}
                  – {t(`helpmatch.requestState.${r.state}`)}
                  <DemoTag ctx={ctx} show={r.isDemo} />
                </li>
              ))}
            </ul>
          )}
          <h2 class="utrecht-heading-2">{t('helpmatch.mine.offer')}</h2>
          {data.offer ? (
            <p class="utrecht-paragraph">
              {data.offer.active
                ? t('helpmatch.mine.offerActive', { categories: data.offer.categories.map((c) => categoryLabel(ctx, c)).join(', ') })
                : t('helpmatch.mine.offerPaused')}{' '}
              <a class="utrecht-link" href={`${base}/aanbod`}>
                {t('helpmatch.mine.editOffer')}
              </a>
            </p>
          ) : (
            <p class="utrecht-paragraph">{t('helpmatch.mine.noOffer')}</p>
          )}
          {data.latentBuurten.length > 0 && (
            <p class="utrecht-paragraph">
              {t('helpmatch.latent.mine')} {data.latentBuurten.join(', ')}
            </p>
          )}
          <h2 class="utrecht-heading-2">{t('helpmatch.mine.matches')}</h2>
          {data.matches.length === 0 ? (
            <p class="utrecht-paragraph">{t('helpmatch.mine.noMatches')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {data.matches.map((m) => (
                <li>
                  <a class="utrecht-link" href={`${base}/match/${m.id}`}>
                    {categoryLabel(ctx, m.category)}: {m.summary}
                  </a>{' '}
                  – {t(`helpmatch.matchState.${m.state}`)} ({t(`helpmatch.role.${m.role}`)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
