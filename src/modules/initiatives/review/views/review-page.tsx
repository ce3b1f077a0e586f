import type { ViewContext } from '../../../../ui/context.ts';
import {
  ButtonForm,
  ChoiceGroup,
  ErrorSummary,
  Form,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { translateChecked, type MessageKey } from '../../../../platform/i18n/index.ts';
import type { ReviewPageModel } from '../review.presenter.ts';
import { FEASIBILITY_POINTS, MAX_REASON } from '../review.service.ts';
import { formatDay, formatEuro } from '../letters.ts';
import { DecisionForm, EMPTY_DECISION, type DecisionValues } from './decision-form.tsx';

export interface ReviewPageProps {
  ctx: ViewContext;
  slug: string;
  model: ReviewPageModel;
  notice?: MessageKey | null | undefined;
  /** Which form the errors belong to, with the values to fill in again. */
  feasibility?: { values: Record<string, string>; errors?: FieldErrors | undefined } | undefined;
  decision?: { values: DecisionValues; errors?: FieldErrors | undefined } | undefined;
  payout?: { values: { paidOn: string; amount: string }; errors?: FieldErrors | undefined } | undefined;
}

function Facts({ ctx, m }: { ctx: ViewContext; m: ReviewPageModel }) {
  const { t, locale } = ctx;
  const eur = (c: number) => formatEuro(c, locale);
  const rows: [string, string][] = [
    [t('initiatives.review.page.group'), m.group],
    [t('initiatives.review.list.fund'), m.fundName],
    [t('initiatives.review.page.area'), m.areaCode],
    [t('initiatives.review.page.what'), m.what],
    [t('initiatives.review.page.forWhom'), m.forWhom],
    [
      t('initiatives.review.page.when'),
      [m.startsOn, m.endsOn]
        .filter(Boolean)
        .map((d) => formatDay(d!, locale))
        .join(' – '),
    ],
    [t('initiatives.review.page.requested'), eur(m.requestedCents)],
    [t('initiatives.review.page.ownMoney'), eur(m.ownMoneyCents)],
    [t('initiatives.review.page.ownInKind'), m.ownInKind],
    [t('initiatives.review.page.status'), translateChecked(t, `initiatives.review.status.${m.status}`)],
  ];
  return (
    <section aria-labelledby="rv-facts">
      <h2 class="utrecht-heading-2" id="rv-facts">
        {t('initiatives.review.page.facts')}
      </h2>
      <dl class="facts">
        {rows
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd class="mail-text">{v}</dd>
            </>
          ))}
      </dl>
      {m.budgetLines.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('initiatives.review.page.budget')}</h3>
          <ul class="utrecht-unordered-list">
            {m.budgetLines.map((l) => (
              <li>
                {l.label}: {eur(l.amountCents)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The review page of one application: facts, deadlines, receipt, feasibility, decision with letter, payout. */
export function ReviewPage({ ctx, slug, model: m, notice, feasibility, decision, payout }: ReviewPageProps) {
  const { t, locale } = ctx;
  const base = `/${slug}/samen-doen/beoordelen/${m.reference}`;
  const open = m.status === 'acknowledged' || m.status === 'in_review';
  const errors = { ...feasibility?.errors, ...decision?.errors, ...payout?.errors };
  const fv =
    feasibility?.values ??
    Object.fromEntries(
      m.feasibility.flatMap((p) => [
        [`ok_${p.point}`, p.ok ? 'yes' : 'no'],
        [`reason_${p.point}`, p.reason],
      ]),
    );
  const granted = m.grantedCents ?? 0;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.review.page.title', { reference: m.reference, title: m.title })}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/samen-doen/beoordelen`}>
          {t('initiatives.review.page.back')}
        </a>
      </p>
      {m.isDemo && <p class="utrecht-paragraph">{t('initiatives.review.demo')}</p>}
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <Facts ctx={ctx} m={m} />

      <section aria-labelledby="rv-deadlines">
        <h2 class="utrecht-heading-2" id="rv-deadlines">
          {t('initiatives.review.page.deadlines')}
        </h2>
        <ul class="utrecht-unordered-list">
          <li>
            {t('initiatives.review.list.acknowledgeBy', { date: formatDay(m.acknowledgeBy, locale) })}
            {m.acknowledgeOverdue && ` — ${t('initiatives.review.list.overdue')}`}
          </li>
          <li>
            {t('initiatives.review.list.decideBy', { date: formatDay(m.decideBy, locale) })}
            {m.decideOverdue && ` — ${t('initiatives.review.list.overdue')}`}
          </li>
        </ul>
      </section>

      <section aria-labelledby="rv-receipt">
        <h2 class="utrecht-heading-2" id="rv-receipt">
          {t('initiatives.review.receipt.title')}
        </h2>
        {m.acknowledgedOn ? (
          <p class="utrecht-paragraph">{t('initiatives.review.receipt.done', { date: formatDay(m.acknowledgedOn, locale) })}</p>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('initiatives.review.receipt.hint')}</p>
            <ButtonForm ctx={ctx} action={`${base}/ontvangst`} secondary={false}>
              {t('initiatives.review.receipt.button')}
            </ButtonForm>
          </>
        )}
      </section>

      {(open || m.feasibility.length > 0) && (
        <section aria-labelledby="rv-feasibility">
          <h2 class="utrecht-heading-2" id="rv-feasibility">
            {t('initiatives.review.feasibility.title')}
          </h2>
          {open ? (
            <Form ctx={ctx} action={`${base}/haalbaarheid`} label={t('initiatives.review.feasibility.title')}>
              <p class="utrecht-paragraph">{t('initiatives.review.feasibility.hint')}</p>
              {FEASIBILITY_POINTS.map((p) => (
                <div class="feasibility-point">
                  <ChoiceGroup
                    type="radio"
                    name={`ok_${p}`}
                    legend={t(`initiatives.review.point.${p}`)}
                    options={[
                      { value: 'yes', label: t('initiatives.review.feasibility.ok') },
                      { value: 'no', label: t('initiatives.review.feasibility.notOk') },
                    ]}
                    checked={[fv[`ok_${p}`] ?? 'yes']}
                  />
                  <TextAreaField
                    name={`reason_${p}`}
                    label={`${t('initiatives.review.feasibility.reason')}: ${t(`initiatives.review.point.${p}`)}`}
                    value={fv[`reason_${p}`] ?? ''}
                    error={feasibility?.errors?.[`reason_${p}`]}
                    maxLength={MAX_REASON}
                    rows={2}
                  />
                </div>
              ))}
              <SubmitButton>{t('initiatives.review.feasibility.button')}</SubmitButton>
            </Form>
          ) : (
            <ul class="utrecht-unordered-list">
              {m.feasibility.map((p) => (
                <li>
                  {translateChecked(t, `initiatives.review.point.${p.point}`)}:{' '}
                  {t(p.ok ? 'initiatives.review.feasibility.ok' : 'initiatives.review.feasibility.notOk')}
                  {p.reason && ` — ${p.reason}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {(open || m.decision) && (
        <section aria-labelledby="rv-decision">
          <h2 class="utrecht-heading-2" id="rv-decision">
            {t('initiatives.review.decision.title')}
          </h2>
          {open ? (
            <DecisionForm
              ctx={ctx}
              action={`${base}/besluit`}
              requestedCents={m.requestedCents}
              values={decision?.values ?? EMPTY_DECISION}
              errors={decision?.errors}
            />
          ) : (
            <>
              <p class="utrecht-paragraph">
                {t('initiatives.review.decision.done', {
                  decision: t(`initiatives.review.decision.${m.decision!}`),
                  granted: formatEuro(granted, locale),
                })}
              </p>
              <h3 class="utrecht-heading-3">{t('initiatives.review.decision.letterSent')}</h3>
              <div class="mail-text">{m.letter}</div>
            </>
          )}
        </section>
      )}

      {(m.decision === 'full' || m.decision === 'partial') && (
        <section aria-labelledby="rv-payout">
          <h2 class="utrecht-heading-2" id="rv-payout">
            {t('initiatives.review.payout.title')}
          </h2>
          <p class="utrecht-paragraph">
            {t('initiatives.review.payout.summary', {
              paid: formatEuro(m.paidCents, locale),
              granted: formatEuro(granted, locale),
              left: formatEuro(granted - m.paidCents, locale),
            })}
          </p>
          {m.payouts.length === 0 ? (
            <p class="utrecht-paragraph">{t('initiatives.review.payout.none')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {m.payouts.map((p) => (
                <li>
                  {t('initiatives.review.payout.line', { date: formatDay(p.paidOn, locale), amount: formatEuro(p.amountCents, locale) })}
                </li>
              ))}
            </ul>
          )}
          {m.paidCents < granted && (
            <Form ctx={ctx} action={`${base}/uitbetaling`} label={t('initiatives.review.payout.title')}>
              <TextField
                name="paidOn"
                type="date"
                label={t('initiatives.review.payout.paidOn')}
                value={payout?.values.paidOn ?? ''}
                error={payout?.errors?.['paidOn']}
              />
              <TextField
                name="amount"
                label={t('initiatives.review.payout.amount')}
                hint={t('initiatives.review.payout.amountHint')}
                value={payout?.values.amount ?? ''}
                error={payout?.errors?.['amount']}
                inputMode="decimal"
                maxLength={20}
              />
              <SubmitButton>{t('initiatives.review.payout.button')}</SubmitButton>
            </Form>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/${slug}/samen-doen/verantwoorden/${m.reference}`}>
              {t('initiatives.review.page.account')}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
