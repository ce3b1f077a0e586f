import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ButtonForm, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import { formatCents } from '../../../programmes/programmes.service.ts';
import { CERTAINTIES, type Certainty, type HoursKey } from '../calc.ts';
import type { SocialReturn } from '../socialreturn.service.ts';
import { centsToText } from '../socialreturn.form.ts';
import { ItemFields, PriceFields, type Values } from './forms.tsx';

export interface PageModel {
  sr: SocialReturn;
  /** The card page (`/{tenant}/programmas/{programme}/projecten/{id}`). */
  cardUrl: string;
  areaNames: Map<string, string>;
}

/** An amount, or "onbekend" when unknown (never 0). */
export function Euros({ ctx, cents }: { ctx: ViewContext; cents: number | null }) {
  return cents === null ? <span class="money-unknown">{ctx.t('evaluation.sr.unknown')}</span> : <>{formatCents(cents, ctx.locale)}</>;
}

/** Value per euro (0.65) as an amount ("€ 0,65"). */
export const perEuro = (ctx: ViewContext, v: number) => formatCents(Math.round(v * 100), ctx.locale);

export const certaintyKey = (c: Certainty): MessageKey => `evaluation.sr.certainty.${c}`;
const hoursKey = (k: HoursKey): MessageKey => `evaluation.sr.hours.${k}`;
const hoursText = (ctx: ViewContext, h: number | null) =>
  h === null ? ctx.t('evaluation.sr.unknown') : new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB').format(h);

function Demo({ ctx, on }: { ctx: ViewContext; on: boolean }) {
  return on ? <span class="demo-label"> ({ctx.t('evaluation.demoLabel')})</span> : null;
}

function Outcome({ ctx, sr }: { ctx: ViewContext; sr: SocialReturn }) {
  const c = sr.calc;
  const reasons = c.missing.filter((m) => m !== 'noShadowPrice');
  return (
    <section class="section" aria-labelledby="sr-outcome">
      <h2 class="utrecht-heading-2" id="sr-outcome">
        {ctx.t('evaluation.sr.outcome')}
      </h2>
      {c.computable && c.perEuroLow !== null && c.perEuroHigh !== null ? (
        <>
          <p>
            <strong>{ctx.t('evaluation.sr.range', { low: perEuro(ctx, c.perEuroLow), high: perEuro(ctx, c.perEuroHigh) })}</strong>
          </p>
          <p>
            {ctx.t('evaluation.sr.rangeValues', {
              low: formatCents(c.lowCents ?? 0, ctx.locale),
              high: formatCents(c.highCents ?? 0, ctx.locale),
              cost: formatCents(c.costCents ?? 0, ctx.locale),
            })}
          </p>
        </>
      ) : (
        <p>
          <strong>{ctx.t('evaluation.sr.notComputable')}</strong>
        </p>
      )}
      {c.missing.length > 0 && (
        <>
          {reasons.length > 0 && <p>{ctx.t('evaluation.sr.missingIntro')}</p>}
          <ul>
            {c.missing.map((m) => (
              <li>{ctx.t(`evaluation.sr.missing.${m}`, { lines: sr.unknownCostLines.join(', ') })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Costs({ ctx, sr }: { ctx: ViewContext; sr: SocialReturn }) {
  const lines = sr.card.budgetLines.filter((l) => l.kind === 'cost');
  return (
    <section class="section" aria-labelledby="sr-costs">
      <h2 class="utrecht-heading-2" id="sr-costs">
        {ctx.t('evaluation.sr.costs')}
      </h2>
      <p>{ctx.t('evaluation.sr.costsFrom')}</p>
      {lines.length === 0 ? (
        <p>{ctx.t('evaluation.sr.noCostLines')}</p>
      ) : (
        <DataTable
          caption={ctx.t('evaluation.sr.costs')}
          columns={[ctx.t('evaluation.sr.col.year'), ctx.t('evaluation.sr.col.label'), ctx.t('evaluation.sr.col.amount')]}
        >
          {lines.map((l) => (
            <tr>
              <th scope="row">{l.year ?? ctx.t('evaluation.sr.wholeProject')}</th>
              <td>{[l.label, l.sourceNote].filter(Boolean).join(' — ')}</td>
              <td>
                <Euros ctx={ctx} cents={l.amountCents} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{ctx.t('evaluation.sr.costsTotal')}</th>
            <td></td>
            <td>
              <strong>
                <Euros ctx={ctx} cents={sr.calc.costCents} />
              </strong>
            </td>
          </tr>
        </DataTable>
      )}
    </section>
  );
}

function Hours({ ctx, sr, model }: { ctx: ViewContext; sr: SocialReturn; model: PageModel }) {
  const price = sr.settings?.shadowPriceCents ?? null;
  const areas = sr.card.areaCodes.map((c) => model.areaNames.get(c) ?? c).join(', ');
  const valued = new Map(sr.calc.lines.flatMap((l) => (l.type === 'hours' ? [[l.key, l] as const] : [])));
  const p = sr.period;
  return (
    <section class="section" aria-labelledby="sr-hours">
      <h2 class="utrecht-heading-2" id="sr-hours">
        {ctx.t('evaluation.sr.hours')}
      </h2>
      <p>
        {p.from === null
          ? ctx.t('evaluation.sr.periodUnknown')
          : ctx.t(p.toToday ? 'evaluation.sr.periodToday' : 'evaluation.sr.period', { from: p.from, to: p.to, areas })}
      </p>
      <DataTable
        caption={ctx.t('evaluation.sr.hours')}
        columns={[
          ctx.t('evaluation.sr.col.source'),
          ctx.t('evaluation.sr.col.hours'),
          ctx.t('evaluation.sr.col.count'),
          ctx.t('evaluation.sr.col.certainty'),
          ctx.t('evaluation.sr.col.value'),
        ]}
      >
        {sr.hours.map((h) => {
          const line = valued.get(h.key);
          return (
            <tr>
              <th scope="row">{ctx.t(hoursKey(h.key))}</th>
              <td>{hoursText(ctx, h.hours)}</td>
              <td>{h.hours === null ? ctx.t('evaluation.sr.unknown') : h.count}</td>
              <td>{ctx.t(certaintyKey(line?.certainty ?? h.certainty))}</td>
              <td>
                {line ? (
                  <>
                    <Euros ctx={ctx} cents={line.valueCents} /> (
                    {ctx.t('evaluation.sr.hoursValue', {
                      hours: hoursText(ctx, h.hours),
                      price: formatCents(line.centsPerHour, ctx.locale),
                    })}
                    )
                  </>
                ) : (
                  ctx.t('evaluation.sr.notValued')
                )}
              </td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">{ctx.t('evaluation.sr.hoursTotal')}</th>
          <td>
            <strong>{hoursText(ctx, sr.calc.hoursTotal)}</strong>
          </td>
          <td></td>
          <td></td>
          <td></td>
        </tr>
      </DataTable>
      <p>
        {sr.initiatives === null
          ? ctx.t('evaluation.sr.initiativesUnknown')
          : ctx.t('evaluation.sr.initiatives', { count: sr.initiatives.funded })}
      </p>
      <h3 class="utrecht-heading-3">{ctx.t('evaluation.sr.price')}</h3>
      <p>
        {price === null ? (
          ctx.t('evaluation.sr.priceNone')
        ) : (
          <>
            {ctx.t('evaluation.sr.priceIs', {
              price: formatCents(price, ctx.locale),
              source: sr.settings!.shadowPriceSource,
              certainty: ctx.t(certaintyKey(sr.settings!.shadowPriceCertainty)),
            })}
            <Demo ctx={ctx} on={sr.settings!.shadowPriceIsDemo} />
          </>
        )}
      </p>
      <p>{ctx.t('evaluation.sr.priceExplain')}</p>
    </section>
  );
}

function Items({ ctx, sr, base }: { ctx: ViewContext; sr: SocialReturn; base: string }) {
  const columns = [
    ctx.t('evaluation.sr.col.label'),
    ctx.t('evaluation.sr.col.kind'),
    ctx.t('evaluation.sr.col.amount'),
    ctx.t('evaluation.sr.col.certainty'),
    ctx.t('evaluation.sr.col.source'),
    ...(sr.canEdit ? [ctx.t('evaluation.sr.col.actions')] : []),
  ];
  return (
    <section class="section" aria-labelledby="sr-items">
      <h2 class="utrecht-heading-2" id="sr-items">
        {ctx.t('evaluation.sr.items')}
      </h2>
      {sr.items.length === 0 ? (
        <p>{ctx.t('evaluation.sr.itemsNone')}</p>
      ) : (
        <DataTable caption={ctx.t('evaluation.sr.items')} columns={columns}>
          {sr.items.map((i) => {
            const label = ctx.locale === 'nl' ? i.labelNl : i.labelEn || i.labelNl;
            return (
              <tr>
                <th scope="row">
                  {label}
                  <Demo ctx={ctx} on={i.isDemo} />
                </th>
                <td>{ctx.t(`evaluation.sr.kind.${i.kind}`)}</td>
                <td>
                  <Euros ctx={ctx} cents={i.amountCents} />
                </td>
                <td>{ctx.t(certaintyKey(i.certainty))}</td>
                <td>{i.source}</td>
                {sr.canEdit && (
                  <td>
                    <a class="utrecht-link" href={`${base}/posten/${i.id}`} aria-label={ctx.t('evaluation.sr.editItem', { label })}>
                      {ctx.t('evaluation.sr.edit')}
                    </a>{' '}
                    <ButtonForm
                      ctx={ctx}
                      action={`${base}/posten/${i.id}/verwijderen`}
                      label={ctx.t('evaluation.sr.removeItem', { label })}
                    >
                      {ctx.t('evaluation.sr.remove')}
                    </ButtonForm>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}

function How({ ctx, sr }: { ctx: ViewContext; sr: SocialReturn }) {
  return (
    <section class="section" aria-labelledby="sr-how">
      <h2 class="utrecht-heading-2" id="sr-how">
        {ctx.t('evaluation.sr.how')}
      </h2>
      <DataTable
        caption={ctx.t('evaluation.sr.byCertainty')}
        columns={[ctx.t('evaluation.sr.col.certainty'), ctx.t('evaluation.sr.col.value')]}
      >
        {[...CERTAINTIES].reverse().map((c) => (
          <tr>
            <th scope="row">{ctx.t(certaintyKey(c))}</th>
            <td>
              <Euros ctx={ctx} cents={sr.calc.byCertainty[c]} />
            </td>
          </tr>
        ))}
      </DataTable>
      <ul>
        <li>{ctx.t('evaluation.sr.how.low')}</li>
        <li>{ctx.t('evaluation.sr.how.high')}</li>
        <li>{ctx.t('evaluation.sr.how.hours')}</li>
        <li>{ctx.t('evaluation.sr.how.unknown')}</li>
        <li>{ctx.t('evaluation.sr.how.never')}</li>
      </ul>
    </section>
  );
}

export interface FormState {
  form: 'price' | 'item';
  errors: FieldErrors;
  values: Values;
}

/** The social return of a project card: outcome, costs, hours with the shadow price, items, the method; forms for editors. */
export function SocialReturnPage({
  ctx,
  model,
  state,
  notice,
}: {
  ctx: ViewContext;
  model: PageModel;
  state: FormState | null;
  notice: MessageKey | null;
}) {
  const { sr } = model;
  const base = `${model.cardUrl}/rendement`;
  const title = (ctx.locale === 'nl' ? sr.card.titleNl : sr.card.titleEn || sr.card.titleNl) || sr.card.titleNl;
  const s = sr.settings;
  const priceValues: Values = state?.form === 'price' ? state.values : s ? priceFormValues(s) : { priceCertainty: 'medium' };
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('evaluation.sr.title', { number: sr.card.number, title })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p>
        <a class="utrecht-link" href={model.cardUrl}>
          {ctx.t('evaluation.sr.backToCard')}
        </a>
      </p>
      <p>{ctx.t('evaluation.sr.intro')}</p>
      <Outcome ctx={ctx} sr={sr} />
      <Costs ctx={ctx} sr={sr} />
      <Hours ctx={ctx} sr={sr} model={model} />
      <Items ctx={ctx} sr={sr} base={base} />
      <How ctx={ctx} sr={sr} />
      {sr.canEdit && (
        <>
          <PriceFields
            ctx={ctx}
            action={`${base}/schaduwprijs`}
            values={priceValues}
            errors={state?.form === 'price' ? state.errors : {}}
          />
          <ItemFields
            ctx={ctx}
            action={`${base}/posten`}
            heading={ctx.t('evaluation.sr.form.addItem')}
            values={state?.form === 'item' ? state.values : { certainty: 'low', kind: 'avoided_cost' }}
            errors={state?.form === 'item' ? state.errors : {}}
          />
        </>
      )}
    </>
  );
}

function priceFormValues(s: NonNullable<SocialReturn['settings']>): Values {
  return { price: centsToText(s.shadowPriceCents), priceSource: s.shadowPriceSource, priceCertainty: s.shadowPriceCertainty };
}
