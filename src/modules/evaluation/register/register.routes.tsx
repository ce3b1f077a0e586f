import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { listAreas } from '../../areas/areas.service.ts';
import { listIndicatorDefinitions } from '../../monitor/monitor.service.ts';
import { getCard, listCards } from '../../programmes/programmes.service.ts';
import { can } from '../policies.ts';
import {
  evaluationWarnings,
  getEvaluation,
  listEvaluations,
  registerEvaluation,
  updateEvaluation,
  type EvaluationDetail,
} from './register.service.ts';
import type { EvaluationInput } from './register.schemas.ts';
import type { EvaluationWarning } from './register.checks.ts';
import { suggestComparisonAreas, type ComparisonSuggestion } from './suggest.service.ts';
import { EvaluationForm, many, type EvaluationFormModel, type FormValues } from './views/form.tsx';
import { EvaluationList } from './views/list.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;
const referenceParam = { reference: z.string().regex(/^EVA-\d{4}-\d{4,6}$/) };
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const newQuery = z.object({ kaart: z.string().uuid().optional() });
const listQuery = z.object({
  opgeslagen: z
    .string()
    .regex(/^EVA-\d{4}-\d{4,6}$/)
    .optional(),
});

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

const one = (v: FormValues, name: string) => {
  const x = v[name];
  return (Array.isArray(x) ? (x[0] ?? '') : (x ?? '')).trim();
};

/** The form's fields → the service's input (buurten and taken suggestions join the area lists). */
export function formToInput(v: FormValues): EvaluationInput {
  const comparison = [...new Set([...many(v, 'comparisonCodes'), ...many(v, 'comparisonBuurten')])];
  // Taken from a suggestion now, or earlier (kept on the edit form while still ticked).
  const suggested = [...new Set([...many(v, 'suggestedCodes'), ...many(v, 'keptSuggested').filter((c) => comparison.includes(c))])];
  return {
    cardId: one(v, 'cardId') || null,
    titleNl: one(v, 'titleNl'),
    titleEn: one(v, 'titleEn'),
    questionNl: one(v, 'questionNl'),
    questionEn: one(v, 'questionEn'),
    interventionCodes: [...new Set([...many(v, 'interventionCodes'), ...many(v, 'interventionBuurten')])],
    comparisonCodes: [...new Set([...comparison, ...suggested])],
    suggestedCodes: suggested,
    indicatorCodes: many(v, 'indicatorCodes'),
    startDay: one(v, 'startDay'),
    endDay: one(v, 'endDay') || null,
    method: one(v, 'method') === 'synthetic' ? 'synthetic' : 'did',
    status: (['draft', 'running', 'finished'] as const).find((s) => s === one(v, 'status')) ?? 'draft',
    published: one(v, 'published') === '1',
  };
}

/** A stored evaluation as the form's values. */
function detailToForm(d: EvaluationDetail): FormValues {
  const e = d.evaluation;
  const codes = (role: 'intervention' | 'comparison', prefix: string) =>
    d.areas.filter((a) => a.role === role && a.areaCode.startsWith(prefix)).map((a) => a.areaCode);
  return {
    cardId: e.cardId ?? '',
    titleNl: e.titleNl,
    titleEn: e.titleEn,
    questionNl: e.questionNl,
    questionEn: e.questionEn,
    interventionCodes: codes('intervention', 'WK'),
    interventionBuurten: codes('intervention', 'BU'),
    comparisonCodes: codes('comparison', 'WK'),
    comparisonBuurten: codes('comparison', 'BU'),
    keptSuggested: d.areas.filter((a) => a.role === 'comparison' && a.chosen === 'suggested').map((a) => a.areaCode),
    indicatorCodes: d.outcomes.map((o) => o.indicatorCode),
    startDay: e.startDay,
    endDay: e.endDay ?? '',
    method: e.method,
    status: e.status,
    published: e.published ? '1' : '',
  };
}

/** `/{tenant}/evaluaties` (list), `/nieuw` and `/{reference}/bewerken` (the form; the result page is results/). */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  const render = async (
    req: TenantRequest,
    reply: FastifyReply,
    opts: {
      reference?: string;
      values: FormValues;
      errors: FieldErrors;
      status: number;
      suggest: boolean;
      warnings?: EvaluationWarning[];
      intro?: string | null;
    },
  ) => {
    const { db, principal } = req;
    const tenantId = req.tenant.id;
    const [cards, areas, indicators] = await Promise.all([
      listCards(db, principal, tenantId),
      listAreas(db, tenantId),
      listIndicatorDefinitions(db, principal, tenantId),
    ]);
    let suggestion: ComparisonSuggestion | null = null;
    let suggestionProblem: string | null = null;
    const input = formToInput(opts.values);
    if (opts.suggest || many(opts.values, 'suggestedCodes').length > 0) {
      if (input.interventionCodes.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(input.startDay)) {
        suggestionProblem = req.t('evaluation.suggest.needIntervention');
      } else {
        try {
          suggestion = await suggestComparisonAreas(db, principal, tenantId, {
            interventionCodes: input.interventionCodes,
            indicatorCodes: input.indicatorCodes.filter((c) => indicators.some((i) => i.code === c)),
            startDay: input.startDay,
            limit: 8,
          });
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 422) throw err;
          suggestionProblem = req.t(Object.values(err.fields ?? {})[0] ?? 'evaluation.suggest.needIntervention');
        }
      }
    }
    const heading = opts.reference ? req.t('evaluation.form.editTitle', { reference: opts.reference }) : req.t('evaluation.form.newTitle');
    const name = (n: { nameNl: string; nameEn: string }) => (req.locale === 'nl' ? n.nameNl : n.nameEn || n.nameNl);
    const model: EvaluationFormModel = {
      action: opts.reference ? `/${req.tenant.slug}/evaluaties/${opts.reference}/bewerken` : `/${req.tenant.slug}/evaluaties/nieuw`,
      heading,
      intro: opts.intro ?? null,
      cards: cards.map((c) => ({ id: c.id, label: `${c.number}. ${req.locale === 'nl' ? c.titleNl : c.titleEn || c.titleNl}` })),
      wijken: areas.filter((a) => a.level === 'district').map((a) => ({ code: a.code, name: a.name })),
      buurten: areas.filter((a) => a.level === 'neighbourhood').map((a) => ({ code: a.code, name: a.name })),
      indicators: indicators.filter((i) => i.source !== 'cbs').map((i) => ({ code: i.code, name: name(i) })),
      suggestion,
      suggestionProblem,
      warnings: opts.warnings ?? [],
    };
    return reply.page(<EvaluationForm ctx={req.viewContext()} model={model} values={opts.values} errors={opts.errors} />, {
      title: heading,
      status: opts.status,
      breadcrumbs: [{ href: `/${req.tenant.slug}/evaluaties`, label: req.t('evaluation.list.title') }],
    });
  };

  /** "Stel vergelijkingswijken voor" re-renders with suggestions; saving stores or re-renders with messages (422). */
  const save = async (req: TenantRequest & { body: FormValues }, reply: FastifyReply, reference?: string) => {
    const values = req.body;
    const base = { ...(reference ? { reference } : {}), values };
    if (one(values, 'actie') === 'voorstel') return render(req, reply, { ...base, errors: {}, status: 200, suggest: true });
    try {
      const input = formToInput(values);
      const saved = reference
        ? await updateEvaluation(req.db, req.principal, req.tenant.id, reference, input)
        : await registerEvaluation(req.db, req.principal, req.tenant.id, input);
      return reply.redirect(`/${req.tenant.slug}/evaluaties?opgeslagen=${saved.reference}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields && err.status === 422) {
        const errors: FieldErrors = {};
        for (const [field, key] of Object.entries(err.fields)) {
          const onForm = field.split('.')[0]!;
          errors[onForm] ??= req.t(key);
        }
        return render(req, reply, { ...base, errors, status: 422, suggest: false });
      }
      throw err;
    }
  };

  route.get('/:tenant/evaluaties', { policy: 'public', query: listQuery }, async (req, reply) => {
    const evaluations = await listEvaluations(req.db, req.principal, req.tenant.id);
    const canManage = req.principal.tenantId === req.tenant.id && can(req.principal, 'evaluation.manage');
    const saved = canManage ? (req.query.opgeslagen ?? null) : null;
    // Right after saving: the warnings of what was saved (shown, not blocking).
    const warnings =
      saved && evaluations.some((e) => e.evaluation.reference === saved)
        ? await evaluationWarnings(req.db, req.principal, req.tenant.id, saved)
        : [];
    return reply.page(
      <EvaluationList ctx={req.viewContext()} evaluations={evaluations} canManage={canManage} saved={saved} warnings={warnings} />,
      { title: req.t('evaluation.list.title') },
    );
  });

  route.get('/:tenant/evaluaties/nieuw', { policy: COORDINATOR, query: newQuery }, async (req, reply) => {
    const values: FormValues = { status: 'draft', method: 'did' };
    let intro: string | null = null;
    if (req.query.kaart) {
      const card = await getCard(req.db, req.principal, req.tenant.id, req.query.kaart);
      const title = req.locale === 'nl' ? card.titleNl : card.titleEn || card.titleNl;
      Object.assign(values, {
        cardId: card.id,
        titleNl: card.titleNl,
        titleEn: card.titleEn,
        interventionCodes: card.areaCodes.filter((c) => c.startsWith('WK')),
        interventionBuurten: card.areaCodes.filter((c) => c.startsWith('BU')),
        startDay: card.actualStart ?? card.plannedStart ?? '',
      });
      intro = req.t('evaluation.form.fromCard', { number: card.number, title });
    }
    return render(req, reply, { values, errors: {}, status: 200, suggest: false, intro });
  });

  route.post('/:tenant/evaluaties/nieuw', { policy: COORDINATOR, form: anyForm }, async (req, reply) => save(req, reply));

  route.get('/:tenant/evaluaties/:reference/bewerken', { policy: COORDINATOR, params: referenceParam }, async (req, reply) => {
    const detail = await getEvaluation(req.db, req.principal, req.tenant.id, req.params.reference);
    const warnings = await evaluationWarnings(req.db, req.principal, req.tenant.id, req.params.reference);
    return render(req, reply, {
      reference: req.params.reference,
      values: detailToForm(detail),
      errors: {},
      status: 200,
      suggest: false,
      warnings,
    });
  });

  route.post(
    '/:tenant/evaluaties/:reference/bewerken',
    { policy: COORDINATOR, params: referenceParam, form: anyForm },
    async (req, reply) => save(req, reply, req.params.reference),
  );
}
