import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { CodesPageModel, ResultsModel, RoundView } from '../voting.service.ts';
import { RoundFacts } from './ballot-page.tsx';
import { day, euros } from './format.ts';

const roundName = (ctx: ViewContext, r: RoundView) => (ctx.locale === 'en' && r.nameEn ? r.nameEn : r.nameNl);

/** How the winners are calculated, in words (the same rules as winner.ts and docs/initiatives-voting.md). */
function Rules({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="uitslag-regels">
      <h2 class="utrecht-heading-2" id="uitslag-regels">
        {t('initiatives.voting.rules.title')}
      </h2>
      <ol class="voting-rules">
        <li>{t('initiatives.voting.rules.count')}</li>
        <li>{t('initiatives.voting.rules.sort')}</li>
        <li>{t('initiatives.voting.rules.walk')}</li>
      </ol>
      <p class="utrecht-paragraph">{t('initiatives.voting.rules.tie')}</p>
      <p class="utrecht-paragraph">{t('initiatives.voting.rules.ballot')}</p>
    </section>
  );
}

/** Votes per initiative and the winner calculation step by step, after the voting closed. */
export function ResultsPage({ ctx, model }: { ctx: ViewContext; model: ResultsModel }) {
  const { t, locale } = ctx;
  const { round, result } = model;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.voting.results.title', { name: roundName(ctx, round) })}</h1>
      <RoundFacts ctx={ctx} round={round} />
      {result === null ? (
        <p class="utrecht-paragraph">{t('initiatives.voting.results.notYet', { date: day(locale, round.closesOn) })}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('initiatives.voting.results.ballots', { count: result.ballots, paper: result.paper })}</p>
          {result.budgetCents === null ? (
            <p class="utrecht-paragraph">{t('initiatives.voting.results.noBudget')}</p>
          ) : (
            <p class="utrecht-paragraph voting-summary">
              {t('initiatives.voting.results.summary', {
                funded: euros(locale, result.fundedCents),
                budget: euros(locale, result.budgetCents),
                left: euros(locale, result.leftCents ?? 0),
              })}
            </p>
          )}
          <h2 class="utrecht-heading-2" id="uitslag-tabel">
            {t('initiatives.voting.results.table')}
          </h2>
          <DataTable
            class="voting-results"
            columns={[
              t('initiatives.voting.results.place'),
              t('initiatives.voting.results.initiative'),
              t('initiatives.voting.results.votes'),
              t('initiatives.voting.results.amount'),
              t('initiatives.voting.results.outcome'),
              t('initiatives.voting.results.left'),
            ]}
          >
            {result.steps.map((s) => (
              <tr>
                <td class="num">{s.place}</td>
                <th scope="row">
                  {s.title} ({result.titles[s.id]?.groupName}, {result.titles[s.id]?.areaName}) · {s.reference}
                </th>
                <td class="num">{s.votes}</td>
                <td class="num">{euros(locale, s.amountCents)}</td>
                <td>
                  {t(`initiatives.voting.outcome.${s.outcome}`)}
                  {s.tieWithAbove ? ` (${t('initiatives.voting.results.tie')})` : ''}
                </td>
                <td class="num">{s.leftAfterCents === null ? '' : euros(locale, s.leftAfterCents)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      <Rules ctx={ctx} />
    </>
  );
}

export interface CodesFormState {
  values: { count: string; area: string };
  errors: FieldErrors;
}

/** The coordinator's form for a batch of paper codes. */
export function CodesPage({
  ctx,
  slug,
  model,
  form,
}: {
  ctx: ViewContext;
  slug: string;
  model: CodesPageModel;
  form?: CodesFormState | undefined;
}) {
  const { t } = ctx;
  const { round } = model;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.voting.codes.title', { name: roundName(ctx, round) })}</h1>
      <RoundFacts ctx={ctx} round={round} />
      <p class="utrecht-paragraph">{t('initiatives.voting.codes.counts', model.counts)}</p>
      <p class="utrecht-paragraph">{t('initiatives.voting.codes.intro')}</p>
      <Form ctx={ctx} action={`/${slug}/beheer/initiatieven/stemcodes/${round.id}`} label={t('initiatives.voting.codes.submit')}>
        <ErrorSummary ctx={ctx} errors={form?.errors} />
        <TextField
          name="count"
          type="number"
          inputMode="numeric"
          label={t('initiatives.voting.codes.count')}
          hint={t('initiatives.voting.codes.countHint')}
          error={form?.errors['count']}
          value={form?.values.count ?? '50'}
        />
        {round.areas.length > 0 && (
          <SelectField
            name="area"
            label={t('initiatives.voting.codes.area')}
            error={form?.errors['area']}
            value={form?.values.area ?? ''}
            options={[
              { value: '', label: t('initiatives.voting.codes.areaAll') },
              ...round.areas.map((a) => ({ value: a.code, label: a.name })),
            ]}
          />
        )}
        <SubmitButton>{t('initiatives.voting.codes.submit')}</SubmitButton>
      </Form>
    </>
  );
}

/** The codes, shown once, one slip per code to cut out and hand out or post. */
export function CodesPrint({
  ctx,
  round,
  codes,
  voteUrl,
}: {
  ctx: ViewContext;
  round: RoundView;
  codes: readonly string[];
  voteUrl: string;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.voting.codes.printTitle', { name: roundName(ctx, round) })}</h1>
      <p class="utrecht-paragraph notice" role="status">
        {t('initiatives.voting.codes.once')}
      </p>
      <ul class="vote-codes">
        {codes.map((c) => (
          <li class="vote-code">
            <strong class="vote-code__code">{c}</strong>
            <br />
            {t('initiatives.voting.codes.letter', { url: voteUrl, from: day(locale, round.opensOn), to: day(locale, round.closesOn) })}
          </li>
        ))}
      </ul>
    </>
  );
}
