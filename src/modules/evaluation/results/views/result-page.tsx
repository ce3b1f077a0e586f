import { formatDateTime, type MessageKey } from '../../../../platform/i18n/index.ts';
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import type { EvaluationResults, OutcomeResult } from '../results.service.ts';
import { plainNumber, signedNumber } from '../sentence.ts';
import { DidChart } from './did-chart.tsx';

/** How one outcome was found: chart, placebo, pre-trend, synthetic control, cells left out. */
function Outcome({ ctx, model, outcome, index }: { ctx: ViewContext; model: EvaluationResults; outcome: OutcomeResult; index: number }) {
  const { t, locale } = ctx;
  const name = locale === 'nl' ? outcome.nameNl : outcome.nameEn;
  const id = `uitkomst-${index + 1}`;
  const r = outcome.result;
  const num = (n: number) => plainNumber(locale, n, outcome.decimals);
  const signed = (n: number) => signedNumber(locale, n, outcome.decimals);
  const areaName = (c: string) => model.areaNames[c] ?? c;
  return (
    <section class="section" aria-labelledby={id}>
      <h3 class="utrecht-heading-3" id={id}>
        {name}
      </h3>
      {!r || !outcome.sentence ? (
        <p>{t(model.evaluation.status === 'draft' ? 'evaluation.results.draftNotComputed' : 'evaluation.results.notComputed')}</p>
      ) : (
        <>
          <p class="ev-sentence">
            <strong>{outcome.sentence[locale]}</strong>
            {model.isDemo && <span class="demo-label"> ({t('evaluation.demoLabel')})</span>}
          </p>
          <DidChart
            ctx={ctx}
            id={`${id}-grafiek`}
            name={name}
            means={r.means}
            before={r.before}
            startDay={model.evaluation.startDay}
            format={num}
          />
          <p>
            {r.preTrend.ok === null
              ? t('evaluation.results.preTrend.unknown')
              : r.preTrend.ok
                ? t('evaluation.results.preTrend.ok')
                : t('evaluation.results.preTrend.notOk', { difference: signed(r.preTrend.difference ?? 0) })}
          </p>
          {r.counts.cellsLeftOut > 0 && <p>{t('evaluation.results.leftOut', { count: r.counts.cellsLeftOut })}</p>}
          <h4 class="utrecht-heading-4">{t('evaluation.results.placebo.title')}</h4>
          <p>{t('evaluation.results.placebo.intro')}</p>
          {r.placebo.filter((p) => p.estimate !== null).length === 0 ? (
            <p>{t('evaluation.results.placebo.none')}</p>
          ) : (
            <>
              <DataTable
                columns={[t('evaluation.results.placebo.area'), t('evaluation.results.placebo.estimate')]}
                caption={t('evaluation.results.placebo.title')}
              >
                {r.placebo.map((p) => (
                  <tr>
                    <th scope="row">{areaName(p.areaCode)}</th>
                    <td class="num">{p.estimate === null ? t('evaluation.results.chart.none') : signed(p.estimate)}</td>
                  </tr>
                ))}
              </DataTable>
              {r.placeboRank !== null && (
                <p>
                  {t('evaluation.results.placebo.rank', {
                    total: r.placebo.filter((p) => p.estimate !== null).length,
                    bigger: r.placeboRank - 1,
                  })}
                </p>
              )}
            </>
          )}
          {r.synthetic && (
            <p>
              {t('evaluation.results.synthetic', {
                weights: r.synthetic.weights
                  .filter((w) => w.weight > 0.005)
                  .map((w) => `${areaName(w.areaCode)} ${Math.round(w.weight * 100)}%`)
                  .join(', '),
                estimate: signed(r.synthetic.estimate),
              })}
            </p>
          )}
          {outcome.computedAt && (
            <p class="ev-computed">{t('evaluation.results.computedAt', { when: formatDateTime(locale, outcome.computedAt) })}</p>
          )}
        </>
      )}
    </section>
  );
}

/** The result page of one evaluation: the question, per outcome the sentence and chart, the method, the areas. */
export function ResultPage({
  ctx,
  model,
  staff,
  card,
}: {
  ctx: ViewContext;
  model: EvaluationResults;
  staff: boolean;
  /** The project card it belongs to (path under the tenant), when visible. */
  card: { path: string; number: string; titleNl: string; titleEn: string } | null;
}) {
  const { t, locale } = ctx;
  const e = model.evaluation;
  const nl = locale === 'nl';
  const first = model.outcomes.find((o) => o.result)?.result ?? null;
  return (
    <>
      <h1 class="utrecht-heading-1">{nl ? e.titleNl : e.titleEn || e.titleNl}</h1>
      {!e.published && (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <p>{t('evaluation.results.notPublished')}</p>
        </div>
      )}
      {model.isDemo && <p class="demo-label">{t('evaluation.results.demoData')}</p>}
      {card && (
        <p>
          <a class="utrecht-link" href={tenantPath(ctx, card.path)}>
            {t('evaluation.results.cardLink', { number: card.number, title: (!nl && card.titleEn) || card.titleNl })}
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">{t('evaluation.results.question')}</h2>
      <p class="ev-question">{nl ? e.questionNl : e.questionEn || e.questionNl}</p>
      <p>
        {t('evaluation.results.startDay', { day: e.startDay })} ·{' '}
        {t('evaluation.results.status', { status: t(`evaluation.results.status.${e.status}` as MessageKey) })}
      </p>
      <h2 class="utrecht-heading-2">{t('evaluation.results.outcomes')}</h2>
      {model.outcomes.length === 0 ? (
        <p>{t('evaluation.results.noOutcomes')}</p>
      ) : (
        model.outcomes.map((o, i) => <Outcome ctx={ctx} model={model} outcome={o} index={i} />)
      )}
      <details class="ev-method">
        <summary>{t('evaluation.results.method.summary')}</summary>
        <p>{t('evaluation.results.method.did')}</p>
        <p>{t('evaluation.results.method.bootstrap', { resamples: first?.resamples ?? 2000, seed: first?.seed ?? e.seed })}</p>
        <p>{t('evaluation.results.method.placebo')}</p>
        <p>{t('evaluation.results.method.preTrend')}</p>
        <p>{t('evaluation.results.method.cannotTell')}</p>
        <p>{t('evaluation.results.method.recompute')}</p>
      </details>
      <h2 class="utrecht-heading-2">{t('evaluation.results.areas')}</h2>
      <DataTable
        columns={[t('evaluation.results.areas.area'), t('evaluation.results.areas.role'), t('evaluation.results.areas.chosen')]}
        caption={t('evaluation.results.areas')}
      >
        {[...e.areas]
          .sort((a, b) => (a.role === b.role ? 0 : a.role === 'intervention' ? -1 : 1))
          .map((a) => (
            <tr>
              <th scope="row">{model.areaNames[a.code] ?? a.code}</th>
              <td>{t(`evaluation.results.role.${a.role}`)}</td>
              <td>{a.role === 'comparison' ? t(`evaluation.results.chosen.${a.chosen}`) : '—'}</td>
            </tr>
          ))}
      </DataTable>
      {e.sourceNote && <p class="source-note">{t('evaluation.results.source', { note: e.sourceNote })}</p>}
      {staff && (
        <p>
          <a class="utrecht-link" href={tenantPath(ctx, '/evaluaties')}>
            {t('evaluation.results.staffList')}
          </a>
        </p>
      )}
    </>
  );
}
