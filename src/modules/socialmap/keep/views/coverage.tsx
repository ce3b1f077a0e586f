/** The coordinator's coverage view: the questions of seed 003 §6a and the basic functions per wijk and buurt, duplicates, downloads. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import {
  BASIC_FUNCTIONS,
  COVERAGE_QUESTIONS,
  type CoverageCell,
  type CoverageMatrix,
  type CoverageRow,
  type DuplicateGroup,
} from '../../section/coverage.ts';

/** A cell in words with a symbol: "✓ ja (2)", "! verouderd (1)", "✗ witte vlek" — never colour alone. */
function Cell({ ctx, cell }: { ctx: ViewContext; cell: CoverageCell }) {
  const { t } = ctx;
  if (cell.state === 'no') return <td class="coverage coverage--none">{t('socialmap.keep.cov.no')}</td>;
  if (cell.state === 'staleOnly') {
    return <td class="coverage coverage--stale">{t('socialmap.keep.cov.staleOnly', { count: cell.count })}</td>;
  }
  return <td class="coverage coverage--yes">{t('socialmap.keep.cov.yes', { count: cell.count })}</td>;
}

function AreaHeader({ ctx, row }: { ctx: ViewContext; row: CoverageRow }) {
  const isWijk = row.area.level === 'district';
  return (
    <th scope="row" class={isWijk ? 'coverage-wijk' : 'coverage-buurt'}>
      <a class="utrecht-link" href={tenantPath(ctx, `/wijken/${row.area.code}`)}>
        {row.area.name}
      </a>{' '}
      <span class="coverage-level">({isWijk ? ctx.t('socialmap.keep.cov.wijk') : ctx.t('socialmap.keep.cov.buurt')})</span>
    </th>
  );
}

export function CoveragePage({
  ctx,
  matrix,
  duplicates,
  staleCount,
}: {
  ctx: ViewContext;
  matrix: CoverageMatrix;
  duplicates: DuplicateGroup[];
  staleCount: number;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/sociale-kaart/dekking`);
  const spots = (r: CoverageRow) =>
    [...r.whiteSpots.questions.map((q) => t(`socialmap.keep.q.${q}.short`))].join(', ') || t('socialmap.keep.cov.noWhiteSpots');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.cov.title')}</h1>
      <p class="utrecht-paragraph">{t('socialmap.keep.cov.lead')}</p>
      <p class="utrecht-paragraph">{t('socialmap.keep.cov.legend')}</p>
      <p class="utrecht-paragraph">{t('socialmap.keep.cov.stale', { count: staleCount })}</p>
      <p class="utrecht-paragraph">{t('socialmap.keep.cov.withoutArea', { count: matrix.withoutArea })}</p>
      <h2 class="utrecht-heading-2">{t('socialmap.keep.cov.downloads')}</h2>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`${base}/dekking.csv`} download>
            {t('socialmap.keep.cov.csvMatrix')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${base}/aanbod.csv`} download>
            {t('socialmap.keep.cov.csvEntries')}
          </a>
        </li>
      </ul>
      {matrix.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.cov.noAreas')}</p>
      ) : (
        <>
          <h2 class="utrecht-heading-2" id="cov-questions">
            {t('socialmap.keep.cov.questionsTitle')}
          </h2>
          <div class="table-scroll" role="region" aria-labelledby="cov-questions" tabindex={0}>
            <table class="data-table utrecht-table coverage-table">
              <caption>{t('socialmap.keep.cov.questionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('socialmap.keep.cov.area')}</th>
                  {COVERAGE_QUESTIONS.map((q) => (
                    <th scope="col">{t(`socialmap.keep.q.${q}`)}</th>
                  ))}
                  <th scope="col">{t('socialmap.keep.cov.whiteSpots')}</th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r) => (
                  <tr class={r.area.level === 'district' ? 'coverage-row--wijk' : undefined}>
                    <AreaHeader ctx={ctx} row={r} />
                    {COVERAGE_QUESTIONS.map((q) => (
                      <Cell ctx={ctx} cell={r.questions[q]} />
                    ))}
                    <td>{spots(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 class="utrecht-heading-2" id="cov-functions">
            {t('socialmap.keep.cov.functionsTitle')}
          </h2>
          <div class="table-scroll" role="region" aria-labelledby="cov-functions" tabindex={0}>
            <table class="data-table utrecht-table coverage-table">
              <caption>{t('socialmap.keep.cov.functionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('socialmap.keep.cov.area')}</th>
                  {BASIC_FUNCTIONS.map((f) => (
                    <th scope="col">{t(`socialmap.keep.fn.${f}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r) => (
                  <tr class={r.area.level === 'district' ? 'coverage-row--wijk' : undefined}>
                    <AreaHeader ctx={ctx} row={r} />
                    {BASIC_FUNCTIONS.map((f) => (
                      <Cell ctx={ctx} cell={r.functions[f]} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('socialmap.keep.dup.title')}</h2>
      {duplicates.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.dup.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('socialmap.keep.dup.lead')}</p>
          <ul class="utrecht-unordered-list keep-duplicates">
            {duplicates.map((g) => (
              <li>
                {t('socialmap.keep.dup.group', {
                  reason: t(`socialmap.keep.dup.reason.${g.reason}`),
                  kind: t(`socialmap.keep.dup.kind.${g.kind}`),
                  key: g.key,
                })}
                <ul>
                  {g.members.map((m) => (
                    <li>
                      {m.kind === 'service' ? (
                        <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/beheer/aanbod/${m.id}`)}>
                          {m.name}
                        </a>
                      ) : (
                        m.name || '—'
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
