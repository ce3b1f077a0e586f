import type { ViewContext } from '../../../../ui/context.ts';
import type { CardItem, ExperimentItem, SharedMunicipality } from '../learning.service.ts';

/** Where a result and a card are read (results/ and library/ routes). */
export const resultPath = (slug: string, reference: string) => `/${slug}/evaluaties/${reference}`;
export const cardPath = (slug: string, cardSlug: string) => `/${slug}/wat-werkt/${cardSlug}`;
export const municipalityLearningPath = (slug: string) => `/${slug}/samen-leren`;
export const INSTALLATION_LEARNING_PATH = '/samen-leren';

function DemoLabel({ ctx }: { ctx: ViewContext }) {
  return <strong class="demo-label"> ({ctx.t('evaluation.demoLabel')})</strong>;
}

/** One experiment: title (to its result page), status, areas, question and the latest result per outcome. */
function Experiment({ ctx, slug, e }: { ctx: ViewContext; slug: string; e: ExperimentItem }) {
  const { t } = ctx;
  return (
    <article class="card learning-experiment" aria-label={e.title}>
      <h3 class="utrecht-heading-3">
        <a class="utrecht-link" href={resultPath(slug, e.reference)}>
          {e.title}
        </a>
        {e.isDemo && <DemoLabel ctx={ctx} />}
      </h3>
      {e.isDemo && <p class="utrecht-paragraph demo-label">{t('evaluation.learning.demoNote')}</p>}
      <dl class="learning-facts">
        <dt>{t('evaluation.learning.status')}</dt>
        <dd>
          {t(`evaluation.learning.status.${e.status}`)}
          {!e.published && `, ${t('evaluation.learning.notPublished')}`}
        </dd>
        <dt>{t('evaluation.learning.intervention')}</dt>
        <dd>{e.intervention.join(', ')}</dd>
        <dt>{t('evaluation.learning.comparison')}</dt>
        <dd>{e.comparison.join(', ')}</dd>
        <dt>{t('evaluation.learning.period')}</dt>
        <dd>{e.endDay ? t('evaluation.learning.periodUntil', { start: e.startDay, end: e.endDay }) : e.startDay}</dd>
        <dt>{t('evaluation.learning.question')}</dt>
        <dd>{e.question}</dd>
      </dl>
      <p class="utrecht-paragraph">
        <strong>{t('evaluation.learning.latest')}</strong>
      </p>
      {e.outcomes.some((o) => o.sentence) ? (
        <ul class="utrecht-unordered-list">
          {e.outcomes.map((o) =>
            o.sentence ? (
              <li>
                {o.sentence}
                {e.isDemo && <DemoLabel ctx={ctx} />}
              </li>
            ) : null,
          )}
        </ul>
      ) : (
        <p class="utrecht-paragraph">{t('evaluation.learning.noResult')}</p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={resultPath(slug, e.reference)}>
          {t('evaluation.learning.readResult', { title: e.title })}
        </a>
      </p>
    </article>
  );
}

function Cards({ ctx, slug, cards }: { ctx: ViewContext; slug: string; cards: readonly CardItem[] }) {
  return (
    <ul class="utrecht-unordered-list">
      {cards.map((c) => (
        <li>
          <a class="utrecht-link" href={cardPath(slug, c.slug)}>
            {c.title}
          </a>
          {/* A demo card's facts are the seed's; only its classification is chosen for the demo (the card page says which). */}
          {c.isDemo && <span class="demo-label"> ({ctx.t('evaluation.learning.demoCard')})</span>}
          {c.whereText && ` (${c.whereText})`}
          {c.what && <span class="learning-card-what">: {c.what}</span>}
        </li>
      ))}
    </ul>
  );
}

/** `/{tenant}/samen-leren`: the municipality's experiments and its published intervention cards. */
export function MunicipalityLearningPage({
  ctx,
  slug,
  name,
  experiments,
  cards,
  staff,
}: {
  ctx: ViewContext;
  slug: string;
  name: string;
  experiments: readonly ExperimentItem[];
  cards: readonly CardItem[];
  staff: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('evaluation.learning.title', { name })}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('evaluation.learning.lead', { name })}</p>
      {staff && <p class="utrecht-paragraph">{t('evaluation.learning.staffNote')}</p>}
      <section class="section" aria-labelledby="experimenten">
        <h2 class="utrecht-heading-2" id="experimenten">
          {t('evaluation.learning.experiments')}
        </h2>
        {experiments.length === 0 ? (
          <p class="utrecht-paragraph">{t('evaluation.learning.noExperiments')}</p>
        ) : (
          experiments.map((e) => <Experiment ctx={ctx} slug={slug} e={e} />)
        )}
      </section>
      <section class="section" aria-labelledby="kaarten">
        <h2 class="utrecht-heading-2" id="kaarten">
          {t('evaluation.learning.cards', { name })}
        </h2>
        {cards.length === 0 ? (
          <p class="utrecht-paragraph">{t('evaluation.learning.noCards', { name })}</p>
        ) : (
          <Cards ctx={ctx} slug={slug} cards={cards} />
        )}
      </section>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={INSTALLATION_LEARNING_PATH}>
          {t('evaluation.learning.toInstallation')}
        </a>
      </p>
    </>
  );
}

/** `/samen-leren`: per municipality of this installation only what it published. */
export function InstallationLearningPage({ ctx, municipalities }: { ctx: ViewContext; municipalities: readonly SharedMunicipality[] }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('evaluation.learning.shared.title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('evaluation.learning.shared.lead')}</p>
      {municipalities.length === 0 && <p class="utrecht-paragraph">{t('evaluation.learning.shared.noMunicipalities')}</p>}
      {municipalities.map((m) => (
        <section class="section" aria-labelledby={`gemeente-${m.slug}`}>
          <h2 class="utrecht-heading-2" id={`gemeente-${m.slug}`}>
            {m.name}
          </h2>
          {m.experiments.length === 0 && m.cards.length === 0 ? (
            <p class="utrecht-paragraph">{t('evaluation.learning.shared.none')}</p>
          ) : (
            <>
              {m.experiments.map((e) => (
                <Experiment ctx={ctx} slug={m.slug} e={e} />
              ))}
              {m.cards.length > 0 && (
                <>
                  <h3 class="utrecht-heading-3">{t('evaluation.learning.shared.cards')}</h3>
                  <Cards ctx={ctx} slug={m.slug} cards={m.cards} />
                </>
              )}
            </>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={municipalityLearningPath(m.slug)}>
              {t('evaluation.learning.shared.toMunicipality', { name: m.name })}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
