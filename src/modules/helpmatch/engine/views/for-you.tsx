import type { ViewContext } from '../../../../ui/context.ts';
import { Form } from '../../../../ui/form.tsx';
import { categoryLabel, shortDate } from '../../views/parts.tsx';
import type { VolunteerSuggestion } from '../engine.service.ts';
import { Explanation } from './common.tsx';

/** "Hulpvragen bij u in de buurt": open requests that fit the volunteer, with why; buurt and distance band only. */
export function ForYouPage({
  ctx,
  slug,
  hasOffer,
  items,
  buurtNames,
}: {
  ctx: ViewContext;
  slug: string;
  hasOffer: boolean;
  items: readonly VolunteerSuggestion[];
  buurtNames: ReadonlyMap<string, string>;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.forYou.title')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.engine.forYou.intro')}</p>
      {!hasOffer && (
        <p class="utrecht-paragraph">
          {t('helpmatch.engine.forYou.noOffer')}{' '}
          <a class="utrecht-link" href={`/${slug}/hulp/aanbod`}>
            {t('helpmatch.engine.forYou.offerLink')}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.engine.forYou.none')}</p>
      ) : (
        <ul class="card-list">
          {items.map((s, i) => (
            <li class="card" aria-labelledby={`vraag-${i}`}>
              <h2 class="utrecht-heading-3" id={`vraag-${i}`}>
                {s.summary}
              </h2>
              <dl class="sm-facts">
                <dt>{t('helpmatch.engine.forYou.category')}</dt>
                <dd>{categoryLabel(ctx, s.category)}</dd>
                <dt>{t('helpmatch.engine.forYou.kind')}</dt>
                <dd>
                  {t(`helpmatch.engine.helpType.${s.helpType}`)}
                  {s.urgency === 'urgent' ? ` (${t('helpmatch.engine.forYou.urgent')})` : ''}
                </dd>
                <dt>{t('helpmatch.engine.forYou.buurt')}</dt>
                <dd>{(s.buurtCode && buurtNames.get(s.buurtCode)) || t('helpmatch.engine.unknownBuurt')}</dd>
                <dt>{t('helpmatch.engine.forYou.since')}</dt>
                <dd>{shortDate(ctx, s.createdAt)}</dd>
                <dt>{t('helpmatch.engine.forYou.why')}</dt>
                <dd>
                  <Explanation ctx={ctx} parts={s.explanation} />
                </dd>
              </dl>
              {s.matchId ? (
                <a class="utrecht-link" href={`/${slug}/hulp/match/${s.matchId}`}>
                  {t(s.matchState === 'suggested' ? 'helpmatch.engine.forYou.openSuggested' : 'helpmatch.engine.forYou.open')}
                </a>
              ) : (
                <Form ctx={ctx} action={`/${slug}/hulp/voor-u/${s.requestId}/helpen`}>
                  <button type="submit" class="utrecht-button utrecht-button--primary-action">
                    {t('helpmatch.engine.forYou.respond')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
