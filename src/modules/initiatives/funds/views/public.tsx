import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { DemoNote } from '../../apply/views/apply.tsx';
import { formatEuros } from '../funds.money.ts';
import type { FundPage } from '../funds.pages.ts';
import type { Fund, Round } from '../../initiatives.service.ts';

const pick = (en: boolean, nl: string, enText: string) => (en && enText ? enText : nl);

/** `/{tenant}/samen-doen`: the municipality's funds with their open rounds. */
export function FundsOverviewPage({ ctx, funds }: { ctx: ViewContext; funds: (Fund & { openRounds: Round[] })[] }) {
  const { t } = ctx;
  const en = ctx.locale === 'en';
  const root = tenantPath(ctx, '');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.funds.publicTitle')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.funds.publicIntro')}</p>
      {funds.length === 0 && <p class="utrecht-paragraph">{t('initiatives.funds.none')}</p>}
      {funds.map((f) => (
        <section class="ini-fund" aria-labelledby={`fund-${f.slug}`}>
          <h2 class="utrecht-heading-2" id={`fund-${f.slug}`}>
            <a class="utrecht-link" href={`${root}/samen-doen/${f.slug}`}>
              {pick(en, f.nameNl, f.nameEn)}
            </a>
          </h2>
          <DemoNote ctx={ctx} isDemo={f.isDemo} />
          <p class="utrecht-paragraph">{pick(en, f.descriptionNl, f.descriptionEn)}</p>
          <p class="utrecht-paragraph">{f.openRounds.length > 0 ? t('initiatives.funds.openNow') : t('initiatives.funds.closedNow')}</p>
        </section>
      ))}
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={`${root}/samen-doen/mijn-aanvragen`}>
            {t('initiatives.mine.title')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${root}/initiatieven/stemmen`}>
            {t('initiatives.funds.toVoting')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${root}/jongeren`}>
            {t('initiatives.funds.toYouth')}
          </a>
        </li>
      </ul>
    </>
  );
}

const OWN: Record<
  Fund['ownContribution'],
  'initiatives.apply.own.none' | 'initiatives.apply.own.money' | 'initiatives.apply.own.money_or_kind'
> = {
  none: 'initiatives.apply.own.none',
  money: 'initiatives.apply.own.money',
  money_or_kind: 'initiatives.apply.own.money_or_kind',
};

/** `/{tenant}/samen-doen/{fund}`: rules, rounds, this year's budgets with what is left, funded initiatives. */
export function FundPublicPage({ ctx, page }: { ctx: ViewContext; page: FundPage }) {
  const { t } = ctx;
  const en = ctx.locale === 'en';
  const root = tenantPath(ctx, '');
  const f = page.fund;
  const open = page.rounds.some((r) => r.open);
  return (
    <>
      <h1 class="utrecht-heading-1">{pick(en, f.nameNl, f.nameEn)}</h1>
      <DemoNote ctx={ctx} isDemo={f.isDemo} />
      <p class="utrecht-paragraph">{pick(en, f.descriptionNl, f.descriptionEn)}</p>
      {f.sourceNote && <p class="utrecht-paragraph ini-source">{t('initiatives.funds.source', { note: f.sourceNote })}</p>}
      {open && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-button-link utrecht-button-link--primary-action" href={`${root}/samen-doen/${f.slug}/aanvragen`}>
            {t('initiatives.funds.applyLink')}
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">{t('initiatives.funds.rules')}</h2>
      <ul class="utrecht-unordered-list">
        <li>
          {f.maxPerInitiativeCents !== null
            ? t('initiatives.funds.rule.max', { amount: formatEuros(f.maxPerInitiativeCents) })
            : t('initiatives.funds.rule.noMax')}
        </li>
        <li>{t('initiatives.funds.rule.cosigners', { n: f.minCosigners })}</li>
        <li>{t(OWN[f.ownContribution])}</li>
        <li>{t('initiatives.funds.rule.leadTime', { days: f.leadTimeDays })}</li>
        <li>{t('initiatives.funds.rule.deadlines', { days: f.acknowledgeWorkingDays, weeks: f.decideWeeks })}</li>
      </ul>
      {pick(en, f.eligibilityNl, f.eligibilityEn) && <p class="utrecht-paragraph">{pick(en, f.eligibilityNl, f.eligibilityEn)}</p>}
      <h2 class="utrecht-heading-2">{t('initiatives.funds.rounds')}</h2>
      {page.rounds.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.funds.noRounds')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {page.rounds.map((r) => (
            <li>
              {pick(en, r.nameNl, r.nameEn)}:{' '}
              {r.kind === 'rolling'
                ? t('initiatives.funds.rolling', { from: r.opensOn })
                : t('initiatives.funds.dated', { from: r.opensOn, to: r.closesOn ?? '' })}{' '}
              ({r.open ? t('initiatives.funds.open') : t('initiatives.funds.closed')})
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">{t('initiatives.funds.budgetsYear', { year: page.year })}</h2>
      {page.budgets.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.funds.noBudgets')}</p>
      ) : (
        <table class="utrecht-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('initiatives.funds.budget')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('initiatives.funds.areas')}
              </th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('initiatives.funds.total')}
              </th>
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('initiatives.funds.left')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {page.budgets.map((b) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {b.label}
                </th>
                <td class="utrecht-table__cell">
                  {b.areaNames.length > 0 ? b.areaNames.join(', ') : t('initiatives.funds.wholeMunicipality')}
                </td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatEuros(b.left?.totalCents ?? b.amountCents)}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{b.left ? formatEuros(b.left.leftCents) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.cofunding.length > 0 && (
        <ul class="utrecht-unordered-list">
          {page.cofunding.map((c) => (
            <li>
              {c.perUnitCents !== null && c.units !== null
                ? t('initiatives.funds.cofundingPerUnit', {
                    source: c.sourceName,
                    per: formatEuros(c.perUnitCents),
                    units: c.units,
                    amount: formatEuros(c.amountCents),
                  })
                : t('initiatives.funds.cofunding', { source: c.sourceName, amount: formatEuros(c.amountCents) })}
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">{t('initiatives.funds.funded')}</h2>
      {page.funded.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.funds.noneFunded')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {page.funded.map((a) => (
            <li>
              {a.title} ({a.groupName}, {a.areaName}): {formatEuros(a.grantedCents)}
              {a.isDemo ? ` — ${t('initiatives.demoLabel')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
