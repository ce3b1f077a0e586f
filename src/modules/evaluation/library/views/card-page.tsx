import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { tenantPath } from '../../../../ui/context.ts';
import { ButtonForm } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { CardView } from '../library.presenter.ts';

function Part({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <>
      <dt>
        <strong>{heading}</strong>
      </dt>
      <dd>{children}</dd>
    </>
  );
}

/** One intervention card: what, for whom, where, cost, effect with its uncertainty, lessons, contact, classification, source. */
export function CardPage({
  ctx,
  card,
  canManage,
  notice,
}: {
  ctx: ViewContext;
  card: CardView;
  canManage: boolean;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const unknown = t('evaluation.library.card.notGiven');
  const or = (s: string) => s || unknown;
  return (
    <>
      <h1 class="utrecht-heading-1">{card.title}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      {!card.published && (
        <p class="utrecht-paragraph">
          <strong>{t('evaluation.library.draft')}</strong>
        </p>
      )}
      <dl class="facts">
        <Part heading={t('evaluation.library.card.what')}>{or(card.what)}</Part>
        <Part heading={t('evaluation.library.card.forWhom')}>{or(card.forWhom)}</Part>
        <Part heading={t('evaluation.library.card.where')}>{or(card.where)}</Part>
        <Part heading={t('evaluation.library.card.cost')}>
          {card.cost || card.costPerYear ? (
            <>
              {card.cost}
              {card.cost && card.costPerYear ? ' ' : ''}
              {card.costPerYear && t('evaluation.library.card.costPerYear', { amount: card.costPerYear })}
            </>
          ) : (
            unknown
          )}
        </Part>
        <Part heading={t('evaluation.library.card.effect')}>
          {card.effect}
          {card.estimate && (
            <>
              <br />
              {card.estimate}
            </>
          )}
        </Part>
        <Part heading={t('evaluation.library.card.lessons')}>{or(card.lessons)}</Part>
        <Part heading={t('evaluation.library.card.contact')}>{or(card.contact)}</Part>
      </dl>
      <h2 class="utrecht-heading-2">{t('evaluation.library.card.classification')}</h2>
      {card.isDemo && (
        <p class="utrecht-paragraph">
          <span class="demo-label">{t('evaluation.demoLabel')}</span>
        </p>
      )}
      <dl class="facts">
        <Part heading={t('evaluation.library.card.functions')}>{card.functions.length ? card.functions.join(', ') : unknown}</Part>
        <Part heading={t('evaluation.library.card.targetGroups')}>{card.targetGroups.length ? card.targetGroups.join(', ') : unknown}</Part>
        <Part heading={t('evaluation.library.card.level')}>{card.level}</Part>
      </dl>
      <dl class="facts">
        <Part heading={t('evaluation.library.card.source')}>{or(card.sourceNote)}</Part>
        <Part heading={t('evaluation.library.card.origin')}>{card.origin}</Part>
      </dl>
      {card.published && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={tenantPath(ctx, `/wat-werkt/${card.slug}.json`)} download>
            {t('evaluation.library.card.download')}
          </a>
        </p>
      )}
      {canManage && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={tenantPath(ctx, `/beheer/wat-werkt/${card.slug}/bewerken`)}>
            {t('evaluation.library.card.edit')}
          </a>{' '}
          <ButtonForm
            ctx={ctx}
            action={tenantPath(ctx, `/beheer/wat-werkt/${card.slug}/publiceren`)}
            hidden={{ published: card.published ? '0' : '1' }}
            secondary={card.published}
          >
            {card.published ? t('evaluation.library.card.unpublish') : t('evaluation.library.card.publish')}
          </ButtonForm>
        </p>
      )}
    </>
  );
}
