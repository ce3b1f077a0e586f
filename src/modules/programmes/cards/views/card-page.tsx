import type { ComponentChildren, VNode } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { ButtonForm } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { Goal, Programme, ProjectCard } from '../../programmes.service.ts';
import { tenantPath } from '../../../../ui/context.ts';
import type { CardMoney } from '../money.ts';
import { MoneyTable, Money, sourceKey } from './money-table.tsx';

export interface CardPageModel {
  programme: Programme;
  card: ProjectCard;
  goals: Goal[];
  areaNames: Map<string, string>;
  ownerOrganisation: string | null;
  money: CardMoney;
  canEdit: boolean;
  fromAction: number | null;
  fromLine: number | null;
}

const k = (key: string) => key as MessageKey;

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function List({ ctx, items }: { ctx: ViewContext; items: readonly string[] }) {
  if (items.length === 0) return <>{ctx.t('programmes.card.none')}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul>
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

/** A project card: everything it holds, with the money table and its missing coverage. */
export function CardPage({
  ctx,
  model,
  notice,
  parts = [],
}: {
  ctx: ViewContext;
  model: CardPageModel;
  notice: MessageKey | null;
  /** Other modules' parts (ProjectCardPart), shown after the card's own sections. */
  parts?: readonly (VNode | null)[];
}) {
  const { card, programme } = model;
  const base = tenantPath(ctx, `/programmas/${programme.slug}`);
  const area = (c: string) => model.areaNames.get(c) ?? c;
  const nl = ctx.locale === 'nl';
  const title = (nl ? card.titleNl : card.titleEn || card.titleNl) || card.titleNl;
  const day = (d: string | null, empty: MessageKey) => d ?? ctx.t(empty);
  return (
    <>
      <h1 class="utrecht-heading-1">{ctx.t('programmes.card.heading', { number: card.number, title })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p>
        <a class="utrecht-link" href={base}>
          {ctx.t('programmes.card.backToProgramme', { title: nl ? programme.titleNl : programme.titleEn || programme.titleNl })}
        </a>
      </p>
      {card.isDemo && <p class="demo-label">{ctx.t('programmes.demo')}</p>}
      {card.flags.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <h2 class="utrecht-heading-2">{ctx.t('programmes.card.flags')}</h2>
          <ul>
            {card.flags.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {ctx.roles.some((r) => r === 'professional' || r === 'coordinator') && (
        <p>
          <a class="utrecht-link" href={`${base}/projecten/${card.id}/monitoring`}>
            {ctx.t('programmes.card.monitoring')}
          </a>
        </p>
      )}
      {model.canEdit && (
        <p class="actions">
          <a class="utrecht-link" href={`${base}/projecten/${card.id}/bewerken`}>
            {ctx.t('programmes.card.edit')}
          </a>{' '}
          {card.status !== 'handed_back' && (
            <ButtonForm ctx={ctx} action={`${base}/projecten/${card.id}/terug-naar-lijn`}>
              {ctx.t('programmes.card.handBack')}
            </ButtonForm>
          )}
        </p>
      )}
      <h2 class="utrecht-heading-2">{ctx.t('programmes.card.aim')}</h2>
      <p class="pre-line">{(nl ? card.aimNl : card.aimEn || card.aimNl) || ctx.t('programmes.card.none')}</p>
      <dl class="facts">
        <Row label={ctx.t('programmes.cards.status')}>{ctx.t(k(`programmes.pstatus.${card.status}`))}</Row>
        <Row label={ctx.t('programmes.card.areas')}>
          <List ctx={ctx} items={card.areaCodes.map(area)} />
        </Row>
        <Row label={ctx.t('programmes.card.timeline')}>
          {ctx.t('programmes.card.planned')}: {day(card.plannedStart, 'programmes.card.notSet')} –{' '}
          {day(card.plannedEnd, 'programmes.card.openEnd')}
          <br />
          {ctx.t('programmes.card.actual')}: {day(card.actualStart, 'programmes.card.notSet')} –{' '}
          {day(card.actualEnd, 'programmes.card.notSet')}
          {card.periodText && (
            <>
              <br />
              {ctx.t('programmes.card.asWritten', { text: card.periodText })}
            </>
          )}
        </Row>
        <Row label={ctx.t('programmes.card.owner')}>
          {[model.ownerOrganisation, card.ownerText].filter(Boolean).join(' — ') || ctx.t('programmes.card.none')}
        </Row>
        <Row label={ctx.t('programmes.card.leads')}>
          <List
            ctx={ctx}
            items={card.leads.map(
              (l) => `${l.roleLabel} (${l.areaCodes.length === 0 ? ctx.t('programmes.card.leadAll') : l.areaCodes.map(area).join(', ')})`,
            )}
          />
        </Row>
        <Row label={ctx.t('programmes.card.parties')}>
          <List ctx={ctx} items={card.parties} />
        </Row>
        <Row label={ctx.t('programmes.card.targetGroups')}>
          <List ctx={ctx} items={card.targetGroups} />
        </Row>
        <Row label={ctx.t('programmes.card.angles')}>
          <List ctx={ctx} items={card.angles.map((a) => ctx.t(k(`programmes.angle.${a}`)))} />
        </Row>
        <Row label={ctx.t('programmes.card.level')}>
          {card.level ? ctx.t(k(`programmes.level.${card.level}`)) : ctx.t('programmes.card.none')}
        </Row>
        <Row label={ctx.t('programmes.card.ladder')}>
          {card.ladderRung ? ctx.t(k(`programmes.ladder.${card.ladderRung}`)) : ctx.t('programmes.card.none')}
        </Row>
        <Row label={ctx.t('programmes.card.anchoring')}>
          <List ctx={ctx} items={card.anchoring} />
        </Row>
        <Row label={ctx.t('programmes.card.goals')}>
          <List
            ctx={ctx}
            items={model.goals
              .filter((g) => card.goalIds.includes(g.id))
              .map((g) => `${g.number}. ${nl ? g.titleNl : g.titleEn || g.titleNl}`)}
          />
        </Row>
      </dl>
      {model.fromAction !== null && <p>{ctx.t('programmes.card.fromAction', { number: model.fromAction })}</p>}
      {model.fromLine !== null && <p>{ctx.t('programmes.card.fromLine', { number: model.fromLine })}</p>}
      <h2 class="utrecht-heading-2" id="geld">
        {ctx.t('programmes.money.title')}
      </h2>
      <p>
        {ctx.t('programmes.money.gap')}:{' '}
        <strong>
          <Money ctx={ctx} cents={model.money.total.gapCents} />
        </strong>
      </p>
      <MoneyTable ctx={ctx} money={model.money} caption={ctx.t('programmes.money.title')} />
      {card.budgetLines.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{ctx.t('programmes.money.lines')}</h3>
          <ul>
            {card.budgetLines.map((l) => (
              <li>
                {l.year ?? ctx.t('programmes.money.noYear')} · {ctx.t(k(`programmes.money.kind.${l.kind}`))}
                {l.kind === 'coverage' ? ` (${ctx.t(sourceKey(l.source))})` : ''}: <Money ctx={ctx} cents={l.amountCents} />{' '}
                {ctx.t(l.recurrence === 'per_year' ? 'programmes.money.perYear' : 'programmes.money.oneOff')}
                {l.label ? ` — ${l.label}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {card.sourceNote && <p class="source-note">{ctx.t('programmes.source', { note: card.sourceNote })}</p>}
      {parts}
    </>
  );
}
