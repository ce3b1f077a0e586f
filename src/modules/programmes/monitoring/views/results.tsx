import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import type { Cell, MonitoringResults, ProgrammeMonitoringPage, ProjectMonitoringPage } from '../monitoring.service.ts';
import type { ScaleKey } from '../monitoring.questions.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string, d = ''): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : d;
};

const SHORT: Record<ScaleKey, MessageKey> = {
  added: 'programmes.monitoring.q.short.added',
  contact: 'programmes.monitoring.q.short.contact',
  participation: 'programmes.monitoring.q.short.participation',
  meaning: 'programmes.monitoring.q.short.meaning',
  expectations_met: 'programmes.monitoring.q.short.expectations_met',
};
const GROUPS = [
  ['all', 'programmes.monitoring.role.all'],
  ['resident', 'programmes.monitoring.role.resident'],
  ['professional', 'programmes.monitoring.role.professional'],
] as const;

function CellText({ ctx, cell }: { ctx: ViewContext; cell: Cell | null }) {
  if (!cell) return <>{ctx.t('programmes.monitoring.results.notAsked')}</>;
  if (cell.n === 0) return <>{ctx.t('programmes.monitoring.results.none')}</>;
  if (cell.suppressed || cell.mean === null) return <>{ctx.t('programmes.monitoring.results.small', { n: cell.n })}</>;
  const mean = cell.mean.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return <>{ctx.t('programmes.monitoring.results.cell', { mean, n: cell.n })}</>;
}

/** Expectations and effects side by side: per question and group, the mean with its n. */
export function SideBySide({ ctx, results, headingId }: { ctx: ViewContext; results: MonitoringResults; headingId: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={headingId} class="pm-results">
      <h2 class="utrecht-heading-2" id={headingId}>
        {t('programmes.monitoring.results.title')}
      </h2>
      {results.hasDemo && (
        <p class="utrecht-alert utrecht-alert--warning" role="note">
          {t('programmes.monitoring.demo')}
        </p>
      )}
      <p class="utrecht-paragraph">
        {t('programmes.monitoring.results.counts', { expectation: results.counts.expectation.all, effect: results.counts.effect.all })}
      </p>
      <DataTable
        caption={t('programmes.monitoring.results.caption')}
        columns={[
          t('programmes.monitoring.results.question'),
          t('programmes.monitoring.results.group'),
          t('programmes.monitoring.phase.expectation'),
          t('programmes.monitoring.phase.effect'),
        ]}
      >
        {results.questions.flatMap((q) =>
          GROUPS.map(([g, label]) => (
            <tr>
              <th scope="row">{t(SHORT[q.key])}</th>
              <td>{t(label)}</td>
              <td>
                <CellText ctx={ctx} cell={q.expectation ? q.expectation[g] : null} />
              </td>
              <td>
                <CellText ctx={ctx} cell={q.effect[g]} />
              </td>
            </tr>
          )),
        )}
      </DataTable>
      <p class="utrecht-paragraph">{t('programmes.monitoring.results.smallRule')}</p>
      <h3 class="utrecht-heading-3">{t('programmes.monitoring.results.open')}</h3>
      {(['expectation', 'effect'] as const).map((ph) => (
        <>
          <h4 class="utrecht-heading-4">
            {t(ph === 'effect' ? 'programmes.monitoring.phase.effect' : 'programmes.monitoring.phase.expectation')}
          </h4>
          {results.open[ph] === null ? (
            <p class="utrecht-paragraph">{t('programmes.monitoring.results.openHidden')}</p>
          ) : results.open[ph].length === 0 ? (
            <p class="utrecht-paragraph">{t('programmes.monitoring.results.openNone')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {results.open[ph].map((o) => (
                <li>{o}</li>
              ))}
            </ul>
          )}
        </>
      ))}
    </section>
  );
}

/** A card's monitoring page for staff: make codes, see how many were used, the results side by side. */
export function ProjectMonitoringView({
  ctx,
  slug,
  model,
  errors,
  values,
}: {
  ctx: ViewContext;
  slug: string;
  model: ProjectMonitoringPage;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const { t } = ctx;
  const p = model.project;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.monitoring.heading', { title: p.title })}</h1>
      <p class="utrecht-paragraph">{t('programmes.monitoring.intro')}</p>
      {model.canSeeResults ? (
        <SideBySide ctx={ctx} results={model.results} headingId="pm-results" />
      ) : (
        <p class="utrecht-paragraph">{t('programmes.monitoring.results.noRights')}</p>
      )}
      <section aria-labelledby="pm-invite">
        <h2 class="utrecht-heading-2" id="pm-invite">
          {t('programmes.monitoring.invite.title')}
        </h2>
        {p.endDay === null ? (
          <p class="utrecht-paragraph">{t('programmes.monitoring.invite.effectNoEnd')}</p>
        ) : (
          !model.effectOpen && <p class="utrecht-paragraph">{t('programmes.monitoring.invite.effectLater', { end: p.endDay })}</p>
        )}
        <h3 class="utrecht-heading-3">{t('programmes.monitoring.invite.made')}</h3>
        {model.invitations.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.monitoring.invite.none')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {model.invitations.map((i) => (
              <li>
                {t(i.phase === 'effect' ? 'programmes.monitoring.phase.effect' : 'programmes.monitoring.phase.expectation')} ·{' '}
                {t(i.role === 'resident' ? 'programmes.monitoring.role.resident' : 'programmes.monitoring.role.professional')} ·{' '}
                {t(i.kind === 'paper' ? 'programmes.monitoring.kind.paper' : 'programmes.monitoring.kind.link')}:{' '}
                {t('programmes.monitoring.invite.madeRow', { made: i.made, used: i.used })}
              </li>
            ))}
          </ul>
        )}
        {model.canInvite && (
          <>
            <p class="utrecht-paragraph">{t('programmes.monitoring.invite.intro')}</p>
            <ErrorSummary ctx={ctx} errors={errors} />
            <Form
              ctx={ctx}
              action={`/${slug}/programmas/${p.programmeSlug}/projecten/${p.id}/monitoring/codes`}
              label={t('programmes.monitoring.invite.title')}
            >
              <SelectField
                name="phase"
                label={t('programmes.monitoring.invite.phase')}
                options={[
                  { value: 'expectation', label: t('programmes.monitoring.phase.expectation') },
                  { value: 'effect', label: t('programmes.monitoring.phase.effect') },
                ]}
                value={str(values, 'phase', 'expectation')}
                error={errors?.phase}
              />
              <SelectField
                name="role"
                label={t('programmes.monitoring.invite.role')}
                options={[
                  { value: 'resident', label: t('programmes.monitoring.role.resident') },
                  { value: 'professional', label: t('programmes.monitoring.role.professional') },
                ]}
                value={str(values, 'role', 'resident')}
                error={errors?.role}
              />
              <SelectField
                name="kind"
                label={t('programmes.monitoring.invite.kind')}
                options={[
                  { value: 'link', label: t('programmes.monitoring.kind.link') },
                  { value: 'paper', label: t('programmes.monitoring.kind.paper') },
                ]}
                value={str(values, 'kind', 'link')}
                error={errors?.kind}
              />
              <TextField
                name="count"
                label={t('programmes.monitoring.invite.count')}
                hint={t('programmes.monitoring.invite.countHint')}
                error={errors?.count}
                value={str(values, 'count', '10')}
                inputMode="numeric"
                maxLength={3}
              />
              <SubmitButton>{t('programmes.monitoring.invite.submit')}</SubmitButton>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

/** The codes, shown once, one card each to print (the surveys' print style). */
export function MonitorCodesPage({
  ctx,
  title,
  kind,
  codes,
  url,
  back,
}: {
  ctx: ViewContext;
  title: string;
  kind: 'link' | 'paper';
  codes: readonly string[];
  url: string;
  back: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1 sv-noprint">{t('programmes.monitoring.codes.title', { count: codes.length })}</h1>
      <p class="utrecht-alert utrecht-alert--warning sv-noprint" role="note">
        {t('programmes.monitoring.codes.once')}
      </p>
      <ol class="sv-codes">
        {codes.map((c) => (
          <li class="sv-code-card">
            <p class="sv-code-title">{title}</p>
            <p>{kind === 'paper' ? t('programmes.monitoring.codes.cardPaper') : t('programmes.monitoring.codes.cardLink', { url })}</p>
            <p class="sv-code">{c}</p>
          </li>
        ))}
      </ol>
      <p class="sv-noprint">
        <a class="utrecht-link" href={back}>
          {t('programmes.monitoring.codes.back')}
        </a>
      </p>
    </>
  );
}

/** The programme's cards together. */
export function ProgrammeMonitoringView({ ctx, slug, model }: { ctx: ViewContext; slug: string; model: ProgrammeMonitoringPage }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.monitoring.programme.heading', { title: model.programme.title })}</h1>
      <p class="utrecht-paragraph">{t('programmes.monitoring.programme.intro')}</p>
      <SideBySide ctx={ctx} results={model.total} headingId="pm-total" />
      <h2 class="utrecht-heading-2">{t('programmes.monitoring.programme.cards')}</h2>
      {model.cards.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.monitoring.programme.noCards')}</p>
      ) : (
        <DataTable
          columns={[
            t('programmes.monitoring.programme.card'),
            t('programmes.monitoring.programme.nExpectation'),
            t('programmes.monitoring.programme.nEffect'),
            t('programmes.monitoring.programme.added'),
          ]}
        >
          {model.cards.map((c) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={`/${slug}/programmas/${c.project.programmeSlug}/projecten/${c.project.id}/monitoring`}>
                  {c.project.number}. {c.project.title}
                </a>
              </th>
              <td>{c.counts.expectation.all}</td>
              <td>{c.counts.effect.all}</td>
              <td>
                <CellText ctx={ctx} cell={c.added?.expectation?.all ?? null} /> → <CellText ctx={ctx} cell={c.added?.effect.all ?? null} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
