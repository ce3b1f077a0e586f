import type { ViewContext } from '../../../../ui/context.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { formatCents } from '../../cards/money.ts';
import { CONDITIONS, CONDITION_TEXT, MAX_EVIDENCE, MAX_REASONS } from '../subsidy.conditions.ts';
import type { Proposal } from '../subsidy.service.ts';

type Values = Record<string, string | string[]>;
const str = (v: Values | undefined, k: string, d = ''): string => {
  const x = v?.[k];
  return typeof x === 'string' ? x : d;
};
const arr = (v: Values | undefined, k: string): string[] => {
  const x = v?.[k];
  return Array.isArray(x) ? x : typeof x === 'string' ? [x] : [];
};

const DECISION: Record<string, MessageKey> = {
  pending: 'programmes.subsidy.decision.pending',
  granted: 'programmes.subsidy.decision.granted',
  partly: 'programmes.subsidy.decision.partly',
  refused: 'programmes.subsidy.decision.refused',
};

const amount = (ctx: ViewContext, cents: number | null) =>
  cents === null ? ctx.t('programmes.subsidy.unknownAmount') : formatCents(cents, ctx.locale);

export interface ProposalListRow {
  id: string;
  title: string;
  organisationName: string;
  years: string;
  requestedCents: number | null;
  decision: string;
  isDemo: boolean;
}

export function SubsidyListPage({
  ctx,
  slug,
  rows,
  canSubmit,
  notice,
}: {
  ctx: ViewContext;
  slug: string;
  rows: ProposalListRow[];
  canSubmit: boolean;
  notice: MessageKey | null;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.subsidy.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">{t('programmes.subsidy.intro')}</p>
      {canSubmit && (
        <p>
          <a class="utrecht-link" href={`/${slug}/beheer/subsidies/nieuw`}>
            {t('programmes.subsidy.new')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('programmes.subsidy.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('programmes.subsidy.col.title'),
            t('programmes.subsidy.col.organisation'),
            t('programmes.subsidy.col.years'),
            t('programmes.subsidy.col.requested'),
            t('programmes.subsidy.col.decision'),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={`/${slug}/beheer/subsidies/${r.id}`}>
                  {r.title}
                </a>
                {r.isDemo && ` (${t('programmes.subsidy.demo')})`}
              </th>
              <td>{r.organisationName}</td>
              <td>{r.years}</td>
              <td>{amount(ctx, r.requestedCents)}</td>
              <td>{t(DECISION[r.decision]!)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export function ProposalFormPage({
  ctx,
  slug,
  choices,
  errors,
  values,
}: {
  ctx: ViewContext;
  slug: string;
  choices: {
    organisations: { id: string; name: string }[];
    goals: { id: string; label: string }[];
    areas: { code: string; name: string }[];
  };
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.subsidy.form.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/${slug}/beheer/subsidies`} label={t('programmes.subsidy.form.title')}>
        <SelectField
          name="organisationId"
          label={t('programmes.subsidy.form.organisation')}
          options={choices.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={str(values, 'organisationId')}
          error={errors?.organisationId}
        />
        <TextField
          name="title"
          label={t('programmes.subsidy.form.titleField')}
          value={str(values, 'title')}
          error={errors?.title}
          maxLength={200}
          required
        />
        <TextAreaField
          name="summary"
          label={t('programmes.subsidy.form.summary')}
          value={str(values, 'summary')}
          error={errors?.summary}
          maxLength={4000}
        />
        <TextField
          name="startYear"
          label={t('programmes.subsidy.form.startYear')}
          value={str(values, 'startYear')}
          error={errors?.startYear}
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          name="endYear"
          label={t('programmes.subsidy.form.endYear')}
          value={str(values, 'endYear')}
          error={errors?.endYear}
          inputMode="numeric"
          maxLength={4}
        />
        <TextField
          name="requested"
          label={t('programmes.subsidy.form.requested')}
          hint={t('programmes.subsidy.form.requestedHint')}
          value={str(values, 'requested')}
          error={errors?.requested}
          inputMode="decimal"
          maxLength={20}
        />
        {choices.goals.length === 0 ? (
          <p class="utrecht-paragraph">{t('programmes.subsidy.form.noGoals')}</p>
        ) : (
          <ChoiceGroup
            type="checkbox"
            name="goalIds"
            legend={t('programmes.subsidy.form.goals')}
            options={choices.goals.map((g) => ({ value: g.id, label: g.label }))}
            checked={arr(values, 'goalIds')}
            error={errors?.goalIds}
          />
        )}
        {choices.areas.length > 0 && (
          <ChoiceGroup
            type="checkbox"
            name="areaCodes"
            legend={t('programmes.subsidy.form.areas')}
            options={choices.areas.map((a) => ({ value: a.code, label: a.name }))}
            checked={arr(values, 'areaCodes')}
            error={errors?.areaCodes}
          />
        )}
        <SubmitButton>{t('programmes.subsidy.form.submit')}</SubmitButton>
      </Form>
    </>
  );
}

export function ProposalPage({
  ctx,
  slug,
  p,
  notice,
  errors,
  values,
}: {
  ctx: ViewContext;
  slug: string;
  p: Proposal;
  notice: MessageKey | null;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
}) {
  const { t } = ctx;
  const metLabel = (m: boolean | null) =>
    t(m === true ? 'programmes.subsidy.page.metYes' : m === false ? 'programmes.subsidy.page.metNo' : 'programmes.subsidy.page.metOpen');
  return (
    <>
      <h1 class="utrecht-heading-1">{p.title}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      {p.isDemo && (
        <p class="utrecht-alert utrecht-alert--warning" role="note">
          {t('programmes.subsidy.demo')}
        </p>
      )}
      <p class="utrecht-paragraph">{p.organisationName}</p>
      <p class="utrecht-paragraph">{t('programmes.subsidy.page.period', { from: p.startYear, to: p.endYear })}</p>
      <p class="utrecht-paragraph">{t('programmes.subsidy.page.requested', { amount: amount(ctx, p.requestedCents) })}</p>
      {p.summary && <p class="utrecht-paragraph">{p.summary}</p>}
      <h2 class="utrecht-heading-2">{t('programmes.subsidy.page.goals')}</h2>
      <ul class="utrecht-unordered-list">
        {p.goals.map((g) => (
          <li>{g.label}</li>
        ))}
      </ul>
      {p.areas.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('programmes.subsidy.page.areas')}</h2>
          <p class="utrecht-paragraph">{p.areas.map((a) => a.name).join(', ')}</p>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('programmes.subsidy.page.decision')}</h2>
      <p class="utrecht-paragraph">
        {p.decidedOn
          ? t('programmes.subsidy.page.decisionOn', { decision: t(DECISION[p.decision]!), date: p.decidedOn })
          : t(DECISION[p.decision]!)}
      </p>
      {p.decision !== 'pending' && p.decision !== 'refused' && (
        <p class="utrecht-paragraph">{t('programmes.subsidy.page.granted', { amount: amount(ctx, p.grantedCents) })}</p>
      )}
      {p.reasons && (
        <p class="utrecht-paragraph">
          {t('programmes.subsidy.page.reasons')}: {p.reasons}
        </p>
      )}
      {p.canDecide ? (
        <section aria-labelledby="sb-decide">
          <h2 class="utrecht-heading-2" id="sb-decide">
            {t('programmes.subsidy.decide.title')}
          </h2>
          <p class="utrecht-paragraph">{t('programmes.subsidy.decide.intro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <Form ctx={ctx} action={`/${slug}/beheer/subsidies/${p.id}/besluit`} label={t('programmes.subsidy.decide.title')}>
            {CONDITIONS.map((c) => {
              const j = p.conditions[c];
              const was = j.met === true ? 'yes' : j.met === false ? 'no' : '';
              return (
                <fieldset class="utrecht-form-fieldset">
                  <legend class="utrecht-form-fieldset__legend utrecht-form-label">
                    {c}. {t(CONDITION_TEXT[c])}
                  </legend>
                  <SelectField
                    name={`met${c}`}
                    label={t('programmes.subsidy.decide.met')}
                    options={[
                      { value: '', label: t('programmes.subsidy.page.metOpen') },
                      { value: 'yes', label: t('programmes.subsidy.page.metYes') },
                      { value: 'no', label: t('programmes.subsidy.page.metNo') },
                    ]}
                    value={str(values, `met${c}`, was)}
                    error={errors?.[`met${c}`]}
                  />
                  <TextAreaField
                    name={`evidence${c}`}
                    label={t('programmes.subsidy.page.evidence')}
                    value={str(values, `evidence${c}`, j.evidence)}
                    error={errors?.[`evidence${c}`]}
                    maxLength={MAX_EVIDENCE}
                    rows={2}
                  />
                </fieldset>
              );
            })}
            <SelectField
              name="decision"
              label={t('programmes.subsidy.decide.decision')}
              options={(['granted', 'partly', 'refused'] as const).map((d) => ({ value: d, label: t(DECISION[d]!) }))}
              value={str(values, 'decision', p.decision === 'pending' ? 'granted' : p.decision)}
              error={errors?.decision}
            />
            <TextField
              name="granted"
              label={t('programmes.subsidy.decide.granted')}
              hint={t('programmes.subsidy.decide.grantedHint')}
              value={str(values, 'granted')}
              error={errors?.granted}
              inputMode="decimal"
              maxLength={20}
            />
            <TextAreaField
              name="reasons"
              label={t('programmes.subsidy.decide.reasons')}
              hint={t('programmes.subsidy.decide.reasonsHint')}
              value={str(values, 'reasons', p.reasons)}
              error={errors?.reasons}
              maxLength={MAX_REASONS}
            />
            <SubmitButton>{t('programmes.subsidy.decide.submit')}</SubmitButton>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="sb-conditions">
          <h2 class="utrecht-heading-2" id="sb-conditions">
            {t('programmes.subsidy.page.conditions')}
          </h2>
          <ol>
            {CONDITIONS.map((c) => (
              <li>
                {t(CONDITION_TEXT[c])} — {metLabel(p.conditions[c].met)}
                {p.conditions[c].evidence && `. ${t('programmes.subsidy.page.evidence')}: ${p.conditions[c].evidence}`}
              </li>
            ))}
          </ol>
        </section>
      )}
      <p>
        <a class="utrecht-link" href={`/${slug}/beheer/subsidies`}>
          {t('programmes.subsidy.page.back')}
        </a>
      </p>
    </>
  );
}
