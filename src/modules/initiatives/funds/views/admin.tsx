import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  fieldId,
  type FieldErrors,
} from '../../../../ui/form.tsx';
import { formatEuros } from '../funds.money.ts';
import { AreasSelect, BUDGET_ROWS, list, str, type AdminFundView, type Values } from './admin-parts.tsx';

export { AdminFundsPage, BUDGET_ROWS, type AdminFundView } from './admin-parts.tsx';

export function AdminFundPage({
  ctx,
  v,
  errors,
  values,
  form,
}: {
  ctx: ViewContext;
  v: AdminFundView;
  errors?: FieldErrors | undefined;
  values?: Values | undefined;
  form?: string;
}) {
  const { t } = ctx;
  const f = v.fund;
  const base = `${tenantPath(ctx, '')}/beheer/samen-doen/${f.slug}`;
  const mine = (which: string) => (form === which ? { errors, values } : { errors: undefined, values: undefined });
  const rules = mine('rules');
  const budget = mine('budget');
  const cof = mine('cofunding');
  const round = mine('round');
  const euros = (c: number | null) => (c === null ? '' : formatEuros(c).replace('€ ', ''));
  const year = v.year;
  return (
    <>
      <h1 class="utrecht-heading-1">{f.nameNl}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${tenantPath(ctx, '')}/samen-doen/${f.slug}`}>
          {t('initiatives.admin.publicPage')}
        </a>
      </p>

      <h2 class="utrecht-heading-2" id="regels">
        {t('initiatives.funds.rules')}
      </h2>
      <ErrorSummary ctx={ctx} errors={rules.errors} />
      <Form ctx={ctx} action={`${base}/regels`} label={t('initiatives.funds.rules')}>
        <TextField
          name="nameNl"
          label={t('initiatives.admin.name')}
          value={str(rules.values, 'nameNl', f.nameNl)}
          error={rules.errors?.nameNl}
          maxLength={120}
          required
        />
        <TextAreaField
          name="descriptionNl"
          label={t('initiatives.admin.description')}
          value={str(rules.values, 'descriptionNl', f.descriptionNl)}
          error={rules.errors?.descriptionNl}
          maxLength={4000}
        />
        <TextField
          name="ownerText"
          label={t('initiatives.admin.owner')}
          value={str(rules.values, 'ownerText', f.ownerText)}
          error={rules.errors?.ownerText}
          maxLength={200}
        />
        <TextField
          name="maxPerInitiativeCents"
          label={t('initiatives.admin.max')}
          hint={t('initiatives.admin.euroHint')}
          value={str(rules.values, 'maxPerInitiativeCents', euros(f.maxPerInitiativeCents))}
          error={rules.errors?.maxPerInitiativeCents}
          inputMode="decimal"
          maxLength={20}
        />
        <TextField
          name="minCosigners"
          label={t('initiatives.admin.minCosigners')}
          value={str(rules.values, 'minCosigners', String(f.minCosigners))}
          error={rules.errors?.minCosigners}
          inputMode="numeric"
          maxLength={2}
        />
        <ChoiceGroup
          type="radio"
          name="ownContribution"
          legend={t('initiatives.admin.own')}
          options={[
            { value: 'none', label: t('initiatives.apply.own.none') },
            { value: 'money', label: t('initiatives.apply.own.money') },
            { value: 'money_or_kind', label: t('initiatives.apply.own.money_or_kind') },
          ]}
          checked={[str(rules.values, 'ownContribution', f.ownContribution)]}
          error={rules.errors?.ownContribution}
        />
        <TextAreaField
          name="eligibilityNl"
          label={t('initiatives.admin.eligibility')}
          value={str(rules.values, 'eligibilityNl', f.eligibilityNl)}
          error={rules.errors?.eligibilityNl}
          maxLength={4000}
        />
        <TextField
          name="leadTimeDays"
          label={t('initiatives.admin.leadTime')}
          value={str(rules.values, 'leadTimeDays', String(f.leadTimeDays))}
          error={rules.errors?.leadTimeDays}
          inputMode="numeric"
          maxLength={3}
        />
        <SubmitButton>{t('initiatives.admin.save')}</SubmitButton>
      </Form>

      <h2 class="utrecht-heading-2" id="budget">
        {t('initiatives.admin.budgets')}
      </h2>
      <ul class="utrecht-unordered-list">
        {v.budgets.map((b) => (
          <li>
            {b.year} — {b.label}: {formatEuros(b.amountCents)}
          </li>
        ))}
      </ul>
      <ErrorSummary ctx={ctx} errors={budget.errors} />
      <Form ctx={ctx} action={`${base}/budget`} label={t('initiatives.admin.budgets')}>
        <p class="utrecht-paragraph">{t('initiatives.admin.budgetsHint')}</p>
        <TextField
          name="year"
          label={t('initiatives.admin.year')}
          value={str(budget.values, 'year', String(year))}
          error={budget.errors?.year}
          inputMode="numeric"
          maxLength={4}
          required
        />
        <TextField
          name="total"
          label={t('initiatives.admin.total')}
          hint={t('initiatives.admin.totalHint')}
          value={str(budget.values, 'total')}
          error={budget.errors?.total}
          inputMode="decimal"
          maxLength={20}
        />
        <div id={fieldId('lines')}>{budget.errors?.lines && <p class="utrecht-form-field-error-message">{budget.errors.lines}</p>}</div>
        {Array.from({ length: BUDGET_ROWS }, (_, i) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t('initiatives.admin.line', { n: i + 1 })}</legend>
            <TextField
              name={`lines.${i}.label`}
              label={t('initiatives.admin.lineLabel')}
              value={str(budget.values, `lines.${i}.label`)}
              error={budget.errors?.[`lines.${i}.label`]}
              maxLength={120}
            />
            <TextField
              name={`lines.${i}.amount`}
              label={t('initiatives.admin.lineAmount')}
              value={str(budget.values, `lines.${i}.amount`)}
              error={budget.errors?.[`lines.${i}.amount`]}
              inputMode="decimal"
              maxLength={20}
            />
            <AreasSelect
              name={`lines.${i}.areas`}
              label={t('initiatives.admin.lineAreas')}
              hint={t('initiatives.admin.areasHint')}
              options={v.areas}
              selected={list(budget.values, `lines.${i}.areas`)}
              error={budget.errors?.[`lines.${i}.areas`]}
            />
          </fieldset>
        ))}
        <SubmitButton>{t('initiatives.admin.saveBudget')}</SubmitButton>
      </Form>

      <h2 class="utrecht-heading-2" id="cofinanciering">
        {t('initiatives.admin.cofunding')}
      </h2>
      <ul class="utrecht-unordered-list">
        {v.cofunding.map((c) => (
          <li>
            {c.year} — {c.sourceName}: {formatEuros(c.amountCents)}
            {c.perUnitCents !== null && c.units !== null ? ` (${formatEuros(c.perUnitCents)} × ${c.units})` : ''}
          </li>
        ))}
      </ul>
      <ErrorSummary ctx={ctx} errors={cof.errors} />
      <Form ctx={ctx} action={`${base}/cofinanciering`} label={t('initiatives.admin.cofunding')}>
        <TextField
          name="source"
          label={t('initiatives.admin.source')}
          value={str(cof.values, 'source')}
          error={cof.errors?.source}
          maxLength={200}
          required
        />
        <TextField
          name="year"
          label={t('initiatives.admin.year')}
          value={str(cof.values, 'year', String(year))}
          error={cof.errors?.year}
          inputMode="numeric"
          maxLength={4}
          required
        />
        <TextField
          name="perUnit"
          label={t('initiatives.admin.perUnit')}
          value={str(cof.values, 'perUnit')}
          error={cof.errors?.perUnit}
          inputMode="decimal"
          maxLength={20}
        />
        <TextField
          name="units"
          label={t('initiatives.admin.units')}
          value={str(cof.values, 'units')}
          error={cof.errors?.units}
          inputMode="numeric"
          maxLength={9}
        />
        <TextField
          name="amount"
          label={t('initiatives.admin.amount')}
          hint={t('initiatives.admin.amountHint')}
          value={str(cof.values, 'amount')}
          error={cof.errors?.amount}
          inputMode="decimal"
          maxLength={20}
          required
        />
        <AreasSelect
          name="areas"
          label={t('initiatives.admin.lineAreas')}
          hint={t('initiatives.admin.areasHint')}
          options={v.areas}
          selected={list(cof.values, 'areas')}
          error={cof.errors?.areas}
        />
        <SubmitButton>{t('initiatives.admin.addCofunding')}</SubmitButton>
      </Form>

      <h2 class="utrecht-heading-2" id="rondes">
        {t('initiatives.funds.rounds')}
      </h2>
      <ul class="utrecht-unordered-list">
        {v.rounds.map((r) => (
          <li>
            {r.nameNl}: {r.opensOn} – {r.closesOn ?? t('initiatives.admin.rollingShort')}
          </li>
        ))}
      </ul>
      <ErrorSummary ctx={ctx} errors={round.errors} />
      <Form ctx={ctx} action={`${base}/ronde`} label={t('initiatives.admin.newRound')}>
        <TextField
          name="nameNl"
          label={t('initiatives.admin.roundName')}
          value={str(round.values, 'nameNl')}
          error={round.errors?.nameNl}
          maxLength={120}
          required
        />
        <ChoiceGroup
          type="radio"
          name="kind"
          legend={t('initiatives.admin.kind')}
          options={[
            { value: 'dated', label: t('initiatives.admin.kindDated') },
            { value: 'rolling', label: t('initiatives.admin.kindRolling') },
          ]}
          checked={[str(round.values, 'kind', 'dated')]}
          error={round.errors?.kind}
        />
        <TextField
          name="opensOn"
          type="date"
          label={t('initiatives.admin.opensOn')}
          value={str(round.values, 'opensOn')}
          error={round.errors?.opensOn}
          required
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('initiatives.admin.closesOn')}
          value={str(round.values, 'closesOn')}
          error={round.errors?.closesOn}
        />
        <SelectField
          name="budgetId"
          label={t('initiatives.admin.roundBudget')}
          options={[{ value: '', label: '—' }, ...v.budgets.map((b) => ({ value: b.id, label: `${b.year} — ${b.label}` }))]}
          value={str(round.values, 'budgetId')}
          error={round.errors?.budgetId}
        />
        <SelectField
          name="voting"
          label={t('initiatives.admin.voting')}
          options={[
            { value: 'none', label: t('initiatives.admin.votingNone') },
            { value: 'approval', label: t('initiatives.admin.votingApproval') },
            { value: 'knapsack', label: t('initiatives.admin.votingKnapsack') },
          ]}
          value={str(round.values, 'voting', 'none')}
          error={round.errors?.voting}
        />
        <TextField
          name="votingOpensOn"
          type="date"
          label={t('initiatives.admin.votingOpensOn')}
          value={str(round.values, 'votingOpensOn')}
          error={round.errors?.votingOpensOn}
        />
        <TextField
          name="votingClosesOn"
          type="date"
          label={t('initiatives.admin.votingClosesOn')}
          value={str(round.values, 'votingClosesOn')}
          error={round.errors?.votingClosesOn}
        />
        <TextField
          name="votingBudgetCents"
          label={t('initiatives.admin.votingBudget')}
          value={str(round.values, 'votingBudgetCents')}
          error={round.errors?.votingBudgetCents}
          inputMode="decimal"
          maxLength={20}
        />
        <SubmitButton>{t('initiatives.admin.addRound')}</SubmitButton>
      </Form>
    </>
  );
}
