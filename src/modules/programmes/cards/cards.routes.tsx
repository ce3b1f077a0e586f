import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, Forbidden, Invalid } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import type { ProjectCardPart } from '../../../platform/module.ts';
import { listLineActivities } from '../core/core.service.ts';
import { actionRowForCard, canEditCard, createCard, getCard, handBackToLine, updateCard } from './cards.service.ts';
import { cardFormContext, cardPageModel, goalLabel } from './cards.pages.ts';
import { LEAD_ROWS, LINE_ROWS, MORE_ROWS, cardToForm, errorsOnForm, formToInput, rowCount } from './cards.form.ts';
import { CardForm, type FormValues } from './views/card-form.tsx';
import { CardPage } from './views/card-page.tsx';

const STAFF = { roles: ['professional', 'coordinator'] } as const;
const slugParam = { programme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) };
const cardParams = { ...slugParam, id: z.string().uuid() };
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const newQuery = z.object({ vanActie: z.string().uuid().optional(), vanLijn: z.string().uuid().optional() });
const pageQuery = z.object({ klaar: z.enum(['bewaard', 'terug']).optional() });

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

const base = (req: TenantRequest, slug: string) => `/${req.tenant.slug}/programmas/${slug}`;

/** Project cards: `/{tenant}/programmas/{slug}/projecten/{id}` (public when the programme is), the forms for staff. */
export async function cardRoutes(app: FastifyInstance, cardParts: () => readonly ProjectCardPart[] = () => []): Promise<void> {
  const route = routes(app);

  const renderForm = async (
    req: TenantRequest,
    reply: FastifyReply,
    slug: string,
    opts: { cardId?: string; values: FormValues; errors: FieldErrors; status: number },
  ) => {
    const fc = await cardFormContext(req.db, req.principal, req.tenant.id, slug);
    let intro: string | null = null;
    const fromAction = opts.values['vanActie'];
    const fromLine = opts.values['vanLijn'];
    if (typeof fromAction === 'string' && fromAction) {
      const row = await actionRowForCard(req.db, req.principal, req.tenant.id, fromAction);
      intro = req.t('programmes.form.fromAction', { number: row.number, action: row.actionNl });
    } else if (typeof fromLine === 'string' && fromLine) {
      const line = (await listLineActivities(req.db, req.principal, req.tenant.id, fc.programme.id)).find((l) => l.id === fromLine);
      if (line) intro = req.t('programmes.form.fromLine', { number: line.number, title: line.titleNl });
    }
    const editing = opts.cardId ? await getCard(req.db, req.principal, req.tenant.id, opts.cardId) : null;
    const heading = editing ? req.t('programmes.form.editTitle', { number: editing.number }) : req.t('programmes.form.newTitle');
    const filled = Math.max(
      ...Object.keys(opts.values)
        .map((key) => /^bl(\d+)_/.exec(key)?.[1])
        .filter((x): x is string => x !== undefined)
        .map((x) => Number(x) + 1),
      0,
    );
    const model = {
      action: editing ? `${base(req, slug)}/projecten/${editing.id}/bewerken` : `${base(req, slug)}/projecten/nieuw`,
      heading,
      intro,
      goals: fc.goals.map((g) => ({ id: g.id, label: goalLabel(g, req.locale) })),
      areas: fc.areas,
      organisations: fc.organisations,
      leadRows: Math.max(rowCount(opts.values, 'leadRows', LEAD_ROWS), editing?.leads.length ?? 0),
      lineRows: Math.max(rowCount(opts.values, 'lineRows', LINE_ROWS), filled + 2),
    };
    return reply.page(<CardForm ctx={req.viewContext()} model={model} values={opts.values} errors={opts.errors} />, {
      title: heading,
      status: opts.status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/programmas`, label: req.t('programmes.list.title') },
        { href: base(req, slug), label: fc.programme.titleNl },
      ],
    });
  };

  /** Save a submitted form: "meer regels" re-shows it with more rows; a refusal re-shows it with messages beside the fields. */
  const save = async (req: TenantRequest & { body: FormValues }, reply: FastifyReply, slug: string, cardId?: string) => {
    const values = req.body;
    if (values['meer']) {
      const more = { ...values, lineRows: String(rowCount(values, 'lineRows', LINE_ROWS) + MORE_ROWS) };
      return renderForm(req, reply, slug, { ...(cardId ? { cardId } : {}), values: more, errors: {}, status: 200 });
    }
    const fc = await cardFormContext(req.db, req.principal, req.tenant.id, slug);
    const mapped = formToInput(values, fc.programme.id);
    try {
      if (Object.keys(mapped.errors).length > 0) throw Invalid(mapped.errors);
      let id = cardId;
      if (id) await updateCard(req.db, req.principal, req.tenant.id, id, mapped.input);
      else {
        const vanActie = typeof values['vanActie'] === 'string' && values['vanActie'] ? values['vanActie'] : undefined;
        const vanLijn = typeof values['vanLijn'] === 'string' && values['vanLijn'] ? values['vanLijn'] : undefined;
        id = await createCard(req.db, req.principal, req.tenant.id, mapped.input, {
          ...(vanActie ? { fromActionId: vanActie } : {}),
          ...(vanLijn ? { fromLineActivityId: vanLijn } : {}),
        });
      }
      return reply.redirect(`${base(req, slug)}/projecten/${id}?klaar=bewaard`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields && err.status === 422) {
        const onForm = errorsOnForm(err.fields, mapped);
        // Messages already on form names (read from the form) stay; the service's are mapped.
        const fields = Object.keys(mapped.errors).length > 0 ? mapped.errors : onForm;
        const errors = Object.fromEntries(Object.entries(fields).map(([f, key]) => [f, req.t(key)]));
        return renderForm(req, reply, slug, { ...(cardId ? { cardId } : {}), values, errors, status: 422 });
      }
      throw err;
    }
  };

  route.get('/:tenant/programmas/:programme/projecten/nieuw', { policy: STAFF, params: slugParam, query: newQuery }, async (req, reply) => {
    const values: FormValues = {};
    if (req.query.vanActie) {
      const row = await actionRowForCard(req.db, req.principal, req.tenant.id, req.query.vanActie);
      Object.assign(values, {
        vanActie: row.id,
        titleNl: row.actionNl,
        targetGroups: row.targetGroup,
        ownerText: row.initiator,
        periodText: row.planning,
        angles: row.angles,
        anchoring: row.anchoring.join('\n'),
      });
    } else if (req.query.vanLijn) values['vanLijn'] = req.query.vanLijn;
    return renderForm(req, reply, req.params.programme, { values, errors: {}, status: 200 });
  });

  route.post('/:tenant/programmas/:programme/projecten/nieuw', { policy: STAFF, params: slugParam, form: anyForm }, async (req, reply) =>
    save(req, reply, req.params.programme),
  );

  route.get('/:tenant/programmas/:programme/projecten/:id/bewerken', { policy: STAFF, params: cardParams }, async (req, reply) => {
    const card = await getCard(req.db, req.principal, req.tenant.id, req.params.id);
    if (!canEditCard(req.principal, card)) throw Forbidden();
    return renderForm(req, reply, req.params.programme, { cardId: card.id, values: cardToForm(card, req.locale), errors: {}, status: 200 });
  });

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/bewerken',
    { policy: STAFF, params: cardParams, form: anyForm },
    async (req, reply) => save(req, reply, req.params.programme, req.params.id),
  );

  route.post(
    '/:tenant/programmas/:programme/projecten/:id/terug-naar-lijn',
    { policy: STAFF, params: cardParams, form: z.object({}) },
    async (req, reply) => {
      await handBackToLine(req.db, req.principal, req.tenant.id, req.params.id);
      return reply.redirect(`${base(req, req.params.programme)}/projecten/${req.params.id}?klaar=terug`, 303);
    },
  );

  route.get(
    '/:tenant/programmas/:programme/projecten/:id',
    { policy: 'public', params: cardParams, query: pageQuery },
    async (req, reply) => {
      const model = await cardPageModel(req.db, req.principal, req.tenant.id, req.params.programme, req.params.id);
      const ctx = req.viewContext();
      // Other modules' parts (evaluation's results…), after the card's own sections.
      const parts = await Promise.all(
        cardParts().map((p) =>
          p.render({
            db: req.db,
            principal: req.principal,
            tenantId: req.tenant.id,
            tenantSlug: req.tenant.slug,
            cardId: model.card.id,
            ctx,
          }),
        ),
      );
      const notice: MessageKey | null =
        req.query.klaar === 'bewaard' ? 'programmes.card.saved' : req.query.klaar === 'terug' ? 'programmes.card.handedBack' : null;
      return reply.page(<CardPage ctx={ctx} model={model} notice={notice} parts={parts} />, {
        title: req.t('programmes.card.heading', { number: model.card.number, title: model.card.titleNl }),
        breadcrumbs: [
          { href: `/${req.tenant.slug}/programmas`, label: req.t('programmes.list.title') },
          { href: base(req, req.params.programme), label: model.programme.titleNl },
        ],
      });
    },
  );
}
