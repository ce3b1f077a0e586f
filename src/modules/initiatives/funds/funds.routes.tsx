import type { FastifyInstance } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import { Invalid, type FieldErrors } from '../../../platform/errors.ts';
import { adminFunds, adminFundView, fundPage, fundsOverview } from './funds.pages.ts';
import { addCofunding, addRound, createFund, setBudgets, updateFund } from './funds.service.ts';
import { parseEuros } from './funds.money.ts';
import { FundPublicPage, FundsOverviewPage } from './views/public.tsx';
import { AdminFundPage, AdminFundsPage, BUDGET_ROWS } from './views/admin.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;
const fundParam = { fund: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) };
const anyForm = z.record(z.string(), z.union([z.string().max(4000), z.array(z.string().max(20)).max(200)]));
type Body = Record<string, string | string[]>;

const s = (b: Body, k: string): string => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
const arr = (b: Body, k: string): string[] => {
  const x = b[k];
  return (Array.isArray(x) ? x : typeof x === 'string' && x ? [x] : []).filter(Boolean);
};

/** Euro text → cents, or a field error; empty → null. */
function euros(b: Body, field: string, errors: FieldErrors): number | null {
  const text = s(b, field);
  if (!text) return null;
  const c = parseEuros(text);
  if (c === null) errors[field] = 'initiatives.funds.error.cents';
  return c;
}
function whole(b: Body, field: string, errors: FieldErrors, key: FieldErrors[string]): number | null {
  const text = s(b, field);
  if (!text) return null;
  if (!/^\d{1,9}$/.test(text)) errors[field] = key;
  return Number(text);
}
function failIf(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw Invalid(errors);
}

/** Public fund pages (`/{tenant}/samen-doen`, `/{tenant}/samen-doen/{fund}`) and the coordinator's (`/{tenant}/beheer/samen-doen`). */
export async function fundsRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/samen-doen', { policy: 'public' }, async (req, reply) => {
    const funds = await fundsOverview(req.db, req.principal, req.tenant.id);
    return reply.page(<FundsOverviewPage ctx={req.viewContext()} funds={funds} />, { title: req.t('initiatives.funds.publicTitle') });
  });

  route.get('/:tenant/samen-doen/:fund', { policy: 'public', params: fundParam }, async (req, reply) => {
    const page = await fundPage(req.db, req.principal, req.tenant.id, req.params.fund);
    return reply.page(<FundPublicPage ctx={req.viewContext()} page={page} />, { title: page.fund.nameNl });
  });

  route.get('/:tenant/beheer/samen-doen', { policy: COORDINATOR }, async (req, reply) => {
    const funds = await adminFunds(req.db, req.principal, req.tenant.id);
    return reply.page(<AdminFundsPage ctx={req.viewContext()} funds={funds} />, { title: req.t('initiatives.admin.title') });
  });

  route.post(
    '/:tenant/beheer/samen-doen',
    {
      policy: COORDINATOR,
      form: anyForm,
      invalid: async (req, reply, errors, values, status) => {
        const funds = await adminFunds(req.db, req.principal, req.tenant.id);
        return reply.page(<AdminFundsPage ctx={req.viewContext()} funds={funds} errors={errors} values={values} />, {
          title: req.t('initiatives.admin.title'),
          status,
        });
      },
    },
    async (req, reply) => {
      const b = req.body;
      const f = await createFund(req.db, req.principal, req.tenant.id, { slug: s(b, 'slug'), nameNl: s(b, 'nameNl') });
      return reply.redirect(`/${req.tenant.slug}/beheer/samen-doen/${f.slug}`, 303);
    },
  );

  route.get('/:tenant/beheer/samen-doen/:fund', { policy: COORDINATOR, params: fundParam }, async (req, reply) => {
    const v = await adminFundView(req.db, req.principal, req.tenant.id, req.params.fund);
    return reply.page(<AdminFundPage ctx={req.viewContext()} v={v} />, { title: v.fund.nameNl });
  });

  /** One POST per form of the fund page; a refusal shows the page again with that form's messages. */
  const post = (
    path: string,
    form: string,
    run: (req: { db: DbOrTrx; principal: Principal; tenant: { id: string } }, b: Body, fundId: string) => Promise<void>,
  ) =>
    route.post(
      `/:tenant/beheer/samen-doen/:fund/${path}` as '/:tenant/beheer/samen-doen/:fund/x',
      {
        policy: COORDINATOR,
        params: fundParam,
        form: anyForm,
        invalid: async (req, reply, errors, values, status) => {
          const v = await adminFundView(req.db, req.principal, req.tenant.id, req.params.fund);
          return reply.page(<AdminFundPage ctx={req.viewContext()} v={v} errors={errors} values={values} form={form} />, {
            title: v.fund.nameNl,
            status,
          });
        },
      },
      async (req, reply) => {
        const v = await adminFundView(req.db, req.principal, req.tenant.id, req.params.fund);
        await run(req, req.body, v.fund.id);
        return reply.redirect(`/${req.tenant.slug}/beheer/samen-doen/${v.fund.slug}#${path}`, 303);
      },
    );

  post('regels', 'rules', async (req, b, fundId) => {
    const errors: FieldErrors = {};
    const max = euros(b, 'maxPerInitiativeCents', errors);
    const minCosigners = whole(b, 'minCosigners', errors, 'initiatives.funds.error.cosigners') ?? 0;
    const leadTimeDays = whole(b, 'leadTimeDays', errors, 'initiatives.funds.error.days') ?? 0;
    failIf(errors);
    const own = s(b, 'ownContribution');
    await updateFund(req.db, req.principal, req.tenant.id, fundId, {
      nameNl: s(b, 'nameNl'),
      descriptionNl: s(b, 'descriptionNl'),
      ownerText: s(b, 'ownerText'),
      maxPerInitiativeCents: max,
      minCosigners,
      ownContribution: own === 'money' || own === 'money_or_kind' ? own : 'none',
      eligibilityNl: s(b, 'eligibilityNl'),
      leadTimeDays,
    });
  });

  post('budget', 'budget', async (req, b, fundId) => {
    const errors: FieldErrors = {};
    const year = whole(b, 'year', errors, 'initiatives.funds.error.year');
    const total = euros(b, 'total', errors);
    const lines = [];
    for (let i = 0; i < BUDGET_ROWS; i++) {
      const label = s(b, `lines.${i}.label`);
      const amountText = s(b, `lines.${i}.amount`);
      const areaCodes = arr(b, `lines.${i}.areas`);
      if (!label && !amountText && areaCodes.length === 0) continue;
      if (!amountText) errors[`lines.${i}.amount`] = 'form.required';
      lines.push({ label, areaCodes, amountCents: euros(b, `lines.${i}.amount`, errors) ?? 0 });
    }
    if (year === null) errors['year'] = 'initiatives.funds.error.year';
    failIf(errors);
    await setBudgets(req.db, req.principal, req.tenant.id, fundId, { year: year!, totalCents: total, lines });
  });

  post('cofinanciering', 'cofunding', async (req, b, fundId) => {
    const errors: FieldErrors = {};
    const year = whole(b, 'year', errors, 'initiatives.funds.error.year');
    const perUnit = euros(b, 'perUnit', errors);
    const units = whole(b, 'units', errors, 'initiatives.funds.error.units');
    const amount = euros(b, 'amount', errors);
    if (amount === null && !errors['amount']) errors['amount'] = 'form.required';
    if (year === null) errors['year'] = 'initiatives.funds.error.year';
    failIf(errors);
    await addCofunding(req.db, req.principal, req.tenant.id, fundId, {
      year: year!,
      sourceName: s(b, 'source'),
      perUnitCents: perUnit,
      units,
      amountCents: amount!,
      areaCodes: arr(b, 'areas'),
    });
  });

  post('ronde', 'round', async (req, b, fundId) => {
    const errors: FieldErrors = {};
    const votingBudget = euros(b, 'votingBudgetCents', errors);
    failIf(errors);
    const kind = s(b, 'kind') === 'rolling' ? 'rolling' : 'dated';
    const voting = s(b, 'voting');
    await addRound(req.db, req.principal, req.tenant.id, fundId, {
      nameNl: s(b, 'nameNl'),
      kind,
      opensOn: s(b, 'opensOn'),
      closesOn: s(b, 'closesOn') || null,
      budgetId: s(b, 'budgetId') || null,
      voting: voting === 'approval' || voting === 'knapsack' ? voting : 'none',
      votingOpensOn: s(b, 'votingOpensOn') || null,
      votingClosesOn: s(b, 'votingClosesOn') || null,
      votingBudgetCents: votingBudget,
    });
  });
}
