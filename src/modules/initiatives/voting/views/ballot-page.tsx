import type { ViewContext } from '../../../../ui/context.ts';
import { ChoiceGroup, ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { BallotPageModel, RoundView } from '../voting.service.ts';
import { day, euros } from './format.ts';

const roundName = (ctx: ViewContext, r: RoundView) => (ctx.locale === 'en' && r.nameEn ? r.nameEn : r.nameNl);

/** What every voting page says about its round: the window, the budget and the rule of the ballot. */
export function RoundFacts({ ctx, round }: { ctx: ViewContext; round: RoundView }) {
  const { t, locale } = ctx;
  return (
    <>
      {round.isDemo && <p class="utrecht-paragraph demo-label">({t('initiatives.voting.demo')})</p>}
      <p class="utrecht-paragraph">
        {t('initiatives.voting.window', { from: day(locale, round.opensOn), to: day(locale, round.closesOn) })}
      </p>
      {round.budgetCents !== null && (
        <p class="utrecht-paragraph">{t('initiatives.voting.budget', { amount: euros(locale, round.budgetCents) })}</p>
      )}
    </>
  );
}

/** The municipality's voting rounds, each with its ballot and results (and paper codes for the coordinator). */
export function RoundList({
  ctx,
  slug,
  rounds,
  coordinator,
}: {
  ctx: ViewContext;
  slug: string;
  rounds: readonly RoundView[];
  coordinator: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.voting.list.title')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.voting.list.intro')}</p>
      {rounds.length === 0 && <p class="utrecht-paragraph">{t('initiatives.voting.list.none')}</p>}
      {rounds.map((r) => (
        <section aria-labelledby={`ronde-${r.id}`}>
          <h2 class="utrecht-heading-2" id={`ronde-${r.id}`}>
            {roundName(ctx, r)}
          </h2>
          <RoundFacts ctx={ctx} round={r} />
          <ul>
            {r.state !== 'closed' && (
              <li>
                <a class="utrecht-link" href={`/${slug}/initiatieven/stemmen/${r.id}`}>
                  {t('initiatives.voting.list.vote', { name: roundName(ctx, r) })}
                </a>
              </li>
            )}
            <li>
              <a class="utrecht-link" href={`/${slug}/initiatieven/stemmen/${r.id}/uitslag`}>
                {t('initiatives.voting.list.results', { name: roundName(ctx, r) })}
              </a>
            </li>
            {coordinator && r.state !== 'closed' && (
              <li>
                <a class="utrecht-link" href={`/${slug}/beheer/initiatieven/stemcodes/${r.id}`}>
                  {t('initiatives.voting.list.codes', { name: roundName(ctx, r) })}
                </a>
              </li>
            )}
          </ul>
        </section>
      ))}
    </>
  );
}

export interface BallotFormState {
  values: { choices: string[]; code: string; area: string };
  errors: FieldErrors;
}

/** The ballot: the initiatives with their amounts, the rule, the code (or the account) and the voter's area. */
export function BallotPage({
  ctx,
  slug,
  model,
  form,
  voted,
}: {
  ctx: ViewContext;
  slug: string;
  model: BallotPageModel;
  form?: BallotFormState | undefined;
  voted: boolean;
}) {
  const { t, locale } = ctx;
  const { round } = model;
  const action = `/${slug}/initiatieven/stemmen/${round.id}`;
  const errors = form?.errors;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.voting.ballot.title', { name: roundName(ctx, round) })}</h1>
      <Notice ctx={ctx} messageKey={voted ? 'initiatives.voting.ballot.voted' : null} />
      <RoundFacts ctx={ctx} round={round} />
      <p class="utrecht-paragraph">{t('initiatives.voting.rules.ballot')}</p>
      {round.state === 'notYet' && (
        <p class="utrecht-paragraph">{t('initiatives.voting.ballot.notYet', { date: day(locale, round.opensOn) })}</p>
      )}
      {round.state === 'closed' && (
        <p class="utrecht-paragraph">
          {t('initiatives.voting.ballot.closed')}{' '}
          <a class="utrecht-link" href={`${action}/uitslag`}>
            {t('initiatives.voting.ballot.toResults')}
          </a>
        </p>
      )}
      {round.state === 'open' && model.candidates.length === 0 && <p class="utrecht-paragraph">{t('initiatives.voting.ballot.none')}</p>}
      {model.alreadyVoted && <p class="utrecht-paragraph">{t('initiatives.voting.ballot.alreadyVoted')}</p>}
      {round.state === 'open' && model.candidates.length > 0 && (
        <Form ctx={ctx} action={action} label={t('initiatives.voting.ballot.title', { name: roundName(ctx, round) })}>
          <ErrorSummary ctx={ctx} errors={errors} />
          <ChoiceGroup
            type="checkbox"
            name="choices"
            legend={t('initiatives.voting.ballot.choices')}
            hint={
              round.method === 'knapsack'
                ? t('initiatives.voting.method.knapsack', { amount: euros(locale, round.budgetCents ?? 0) })
                : t('initiatives.voting.method.approval')
            }
            error={errors?.['choices']}
            checked={form?.values.choices ?? []}
            options={model.candidates.map((c) => ({
              value: c.id,
              label:
                t('initiatives.voting.ballot.option', {
                  title: c.title,
                  group: c.groupName,
                  area: c.areaName,
                  amount: euros(locale, c.requestedCents),
                }) + (c.isDemo ? ` (${t('initiatives.voting.demo')})` : ''),
            }))}
          />
          <TextField
            name="code"
            label={t('initiatives.voting.ballot.code')}
            hint={model.accountVoter ? t('initiatives.voting.ballot.codeHintAccount') : t('initiatives.voting.ballot.codeHint')}
            error={errors?.['code']}
            value={form?.values.code ?? ''}
            autocomplete="off"
            maxLength={40}
          />
          {model.accountVoter && round.areas.length > 0 && (
            <SelectField
              name="area"
              label={t('initiatives.voting.ballot.area')}
              hint={t('initiatives.voting.ballot.areaHint')}
              error={errors?.['area']}
              value={form?.values.area ?? ''}
              options={[
                { value: '', label: t('initiatives.voting.ballot.areaChoose') },
                ...round.areas.map((a) => ({ value: a.code, label: a.name })),
              ]}
            />
          )}
          <SubmitButton>{t('initiatives.voting.ballot.submit')}</SubmitButton>
        </Form>
      )}
    </>
  );
}
