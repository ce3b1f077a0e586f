import type { ViewContext } from '../../../../ui/context.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { DataTable } from '../../../../ui/table.tsx';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { GoalIndicator } from '../core.service.ts';
import type { Goal, LineActivity, Programme, ProjectCard } from '../../programmes.service.ts';
import { tenantPath } from '../../../../ui/context.ts';
import type { CardMoney } from '../../cards/money.ts';
import { Money } from '../../cards/views/money-table.tsx';
import { IndicatorForm, type IndicatorFormState } from './indicator-form.tsx';

export interface ProgrammePageModel {
  programme: Programme;
  goals: Goal[];
  indicators: Map<string, GoalIndicator[]>;
  indicatorNames: Map<string, string>;
  lines: LineActivity[];
  cards: (ProjectCard & { money: CardMoney })[];
  canManage: boolean;
  canCreateCard: boolean;
}

const k = (key: string) => key as MessageKey;
const num = (ctx: ViewContext, v: number | null) =>
  v === null ? ctx.t('programmes.ind.unknown') : new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB').format(v);

export function periodOf(ctx: ViewContext, p: Programme): string {
  return p.endYear === null
    ? ctx.t('programmes.periodOpen', { from: p.startYear })
    : ctx.t('programmes.period', { from: p.startYear, to: p.endYear });
}

function Indicators({ ctx, model, goal }: { ctx: ViewContext; model: ProgrammePageModel; goal: Goal }) {
  const rows = model.indicators.get(goal.id) ?? [];
  if (rows.length === 0) return <p class="muted">{ctx.t('programmes.goals.noIndicator')}</p>;
  return (
    <DataTable
      caption={ctx.t('programmes.ind.indicator')}
      columns={[
        ctx.t('programmes.ind.indicator'),
        ctx.t('programmes.ind.baseline'),
        ctx.t('programmes.ind.target'),
        ctx.t('programmes.ind.year'),
        ctx.t('programmes.ind.latest'),
        ctx.t('programmes.ind.course'),
      ]}
    >
      {rows.map((r) => (
        <tr>
          <th scope="row">
            {model.indicatorNames.get(r.indicatorCode) ?? r.indicatorCode}
            {r.isDemo && <span class="demo-label"> ({ctx.t('programmes.demo')})</span>}
          </th>
          <td>
            {num(ctx, r.course.baseline ?? r.baselineValue)} ({r.baselinePeriod})
          </td>
          <td>
            {ctx.t(r.comparator === 'at_least' ? 'programmes.ind.atLeast' : 'programmes.ind.atMost', { value: num(ctx, r.targetValue) })}
          </td>
          <td>{r.targetYear}</td>
          <td>{r.course.latest ? `${num(ctx, r.course.latest.value)} (${r.course.latest.period})` : ctx.t('programmes.ind.unknown')}</td>
          <td>{ctx.t(k(`programmes.course.${r.course.status}`))}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A programme: goals with their indicators, line activities, and the project cards with their missing coverage. */
export function ProgrammePage(props: {
  ctx: ViewContext;
  model: ProgrammePageModel;
  notice: MessageKey | null;
  goalForm?: { values: Record<string, string>; errors: FieldErrors };
  lineForm?: { values: Record<string, string>; errors: FieldErrors };
  indicatorForm?: IndicatorFormState;
}) {
  const { ctx, model } = props;
  const p = model.programme;
  const nl = ctx.locale === 'nl';
  const base = tenantPath(ctx, `/programmas/${p.slug}`);
  const tactical = model.goals.filter((g) => g.parentId === null);
  const title = (x: { titleNl: string; titleEn: string }) => (nl ? x.titleNl : x.titleEn || x.titleNl);
  return (
    <>
      <h1 class="utrecht-heading-1">{title(p)}</h1>
      <Notice ctx={ctx} messageKey={props.notice} />
      <p>
        {periodOf(ctx, p)} · {ctx.t(k(`programmes.status.${p.status}`))}
        {p.ownerRole && <> · {ctx.t('programmes.owner', { role: p.ownerRole })}</>}
      </p>
      {p.isDemo && <p class="demo-label">{ctx.t('programmes.demo')}</p>}
      {(nl ? p.summaryNl : p.summaryEn || p.summaryNl) && <p class="pre-line">{nl ? p.summaryNl : p.summaryEn || p.summaryNl}</p>}
      {model.canManage && (
        <p>
          <a class="utrecht-link" href={tenantPath(ctx, `/beheer/programmas/${p.slug}/bewerken`)}>
            {ctx.t('programmes.edit')}
          </a>
        </p>
      )}
      <nav aria-labelledby="programma-links">
        <h2 class="utrecht-heading-2" id="programma-links">
          {ctx.t('programmes.links')}
        </h2>
        <ul class="utrecht-unordered-list">
          <li>
            <a class="utrecht-link" href={`${base}/acties`}>
              {ctx.t('programmes.links.actions')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${base}/overzicht`}>
              {ctx.t('programmes.links.overview')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href={`${base}/document`}>
              {ctx.t('programmes.links.document')}
            </a>
          </li>
          {ctx.roles.some((r) => r === 'professional' || r === 'coordinator') && (
            <li>
              <a class="utrecht-link" href={`${base}/monitoring`}>
                {ctx.t('programmes.links.monitoring')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      <h2 class="utrecht-heading-2" id="doelen">
        {ctx.t('programmes.goals.title')}
      </h2>
      {model.goals.length === 0 && <p>{ctx.t('programmes.goals.none')}</p>}
      {tactical.map((g) => (
        <section aria-labelledby={`doel-${g.id}`}>
          <h3 class="utrecht-heading-3" id={`doel-${g.id}`}>
            {ctx.t('programmes.goals.tactical', { number: g.number })}: {title(g)}
          </h3>
          <Indicators ctx={ctx} model={model} goal={g} />
          {model.goals
            .filter((o) => o.parentId === g.id)
            .map((o) => (
              <>
                <h4 class="utrecht-heading-4">
                  {ctx.t('programmes.goals.operational', { number: o.number })}: {title(o)}
                </h4>
                <Indicators ctx={ctx} model={model} goal={o} />
              </>
            ))}
        </section>
      ))}
      {model.canManage && (
        <details open={props.goalForm !== undefined}>
          <summary>{ctx.t('programmes.goals.add')}</summary>
          <ErrorSummary ctx={ctx} errors={props.goalForm?.errors} />
          <Form ctx={ctx} action={tenantPath(ctx, `/beheer/programmas/${p.slug}/doelen`)} label={ctx.t('programmes.goals.add')}>
            <SelectField
              name="parentId"
              label={ctx.t('programmes.goals.parent')}
              options={[
                { value: '', label: ctx.t('programmes.goals.parentNone') },
                ...tactical.map((g) => ({ value: g.id, label: `${g.number}. ${g.titleNl}` })),
              ]}
              value={props.goalForm?.values['parentId']}
              error={props.goalForm?.errors['parentId']}
            />
            <TextField
              name="goalNumber"
              label={ctx.t('programmes.gform.number')}
              value={props.goalForm?.values['goalNumber']}
              error={props.goalForm?.errors['goalNumber']}
            />
            <TextField
              name="goalTitle"
              label={ctx.t('programmes.gform.title')}
              value={props.goalForm?.values['goalTitle']}
              error={props.goalForm?.errors['goalTitle']}
            />
            <SubmitButton>{ctx.t('programmes.gform.save')}</SubmitButton>
          </Form>
        </details>
      )}
      {model.canManage && model.goals.length > 0 && model.indicatorNames.size > 0 && (
        <IndicatorForm
          ctx={ctx}
          action={tenantPath(ctx, `/beheer/programmas/${p.slug}/indicatoren`)}
          goals={model.goals}
          indicators={model.indicatorNames}
          state={props.indicatorForm}
        />
      )}
      <h2 class="utrecht-heading-2" id="projecten">
        {ctx.t('programmes.cards.title')}
      </h2>
      {model.canCreateCard && (
        <p>
          <a class="utrecht-link" href={`${base}/projecten/nieuw`}>
            {ctx.t('programmes.cards.new')}
          </a>
        </p>
      )}
      {model.cards.length === 0 ? (
        <p>{ctx.t('programmes.cards.none')}</p>
      ) : (
        <DataTable
          columns={[
            ctx.t('programmes.cards.number'),
            ctx.t('programmes.cards.project'),
            ctx.t('programmes.cards.period'),
            ctx.t('programmes.cards.status'),
            ctx.t('programmes.money.costs'),
            ctx.t('programmes.money.coverage'),
            ctx.t('programmes.money.gap'),
          ]}
        >
          {model.cards.map((c) => (
            <tr>
              <td>{c.number}</td>
              <th scope="row">
                <a class="utrecht-link" href={`${base}/projecten/${c.id}`}>
                  {title(c)}
                </a>
              </th>
              <td>{c.periodText || [c.plannedStart?.slice(0, 4), c.plannedEnd?.slice(0, 4)].filter(Boolean).join('–')}</td>
              <td>{ctx.t(k(`programmes.pstatus.${c.status}`))}</td>
              <td>
                <Money ctx={ctx} cents={c.money.total.costCents} />
              </td>
              <td>
                <Money ctx={ctx} cents={c.money.total.coverageCents} />
              </td>
              <td>
                <Money ctx={ctx} cents={c.money.total.gapCents} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="utrecht-heading-2" id="lijn">
        {ctx.t('programmes.line.title')}
      </h2>
      <p>{ctx.t('programmes.line.rule')}</p>
      {model.lines.length === 0 ? (
        <p>{ctx.t('programmes.line.none')}</p>
      ) : (
        <ol class="line-activities">
          {model.lines.map((l) => {
            const card = model.cards.find((c) => c.id === l.projectId);
            return (
              <li value={l.number}>
                {title(l)}
                {card ? (
                  <>
                    {' '}
                    (
                    <a class="utrecht-link" href={`${base}/projecten/${card.id}`}>
                      {ctx.t('programmes.line.isProject', { number: card.number })}
                    </a>
                    )
                  </>
                ) : (
                  model.canCreateCard && (
                    <>
                      {' '}
                      <a
                        class="utrecht-link"
                        href={`${base}/projecten/nieuw?vanLijn=${l.id}`}
                        aria-label={`${ctx.t('programmes.line.makeProject')}: ${title(l)}`}
                      >
                        {ctx.t('programmes.line.makeProject')}
                      </a>
                    </>
                  )
                )}
              </li>
            );
          })}
        </ol>
      )}
      {model.canManage && (
        <details open={props.lineForm !== undefined}>
          <summary>{ctx.t('programmes.line.add')}</summary>
          <ErrorSummary ctx={ctx} errors={props.lineForm?.errors} />
          <Form ctx={ctx} action={tenantPath(ctx, `/beheer/programmas/${p.slug}/lijnactiviteiten`)} label={ctx.t('programmes.line.add')}>
            <TextField
              name="lineNumber"
              label={ctx.t('programmes.lform.number')}
              value={props.lineForm?.values['lineNumber']}
              error={props.lineForm?.errors['lineNumber']}
              inputMode="numeric"
            />
            <TextField
              name="lineTitle"
              label={ctx.t('programmes.lform.title')}
              value={props.lineForm?.values['lineTitle']}
              error={props.lineForm?.errors['lineTitle']}
            />
            <SubmitButton>{ctx.t('programmes.lform.save')}</SubmitButton>
          </Form>
        </details>
      )}
      {p.sourceNote && <p class="source-note">{ctx.t('programmes.source', { note: p.sourceNote })}</p>}
    </>
  );
}
