import './actions.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { actionsPath, programmePath } from '../overview/overview.paths.ts';
import { actionForEdit, actionTable, addAction, editAction } from './actions.service.ts';
import { actionForm, actionParams, filterQuery, programmeParam, type ActionFilter } from './actions.schemas.ts';
import type { ActionFormValues } from './views/action-form.tsx';
import { ActionEditPage } from './views/action-edit.tsx';
import { ActionTablePage, type ActionTablePageProps } from './views/action-table.tsx';

const COORDINATOR = { roles: ['coordinator'] } as const;

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const str = (v: Values, k: string, max = 2000) => (typeof v[k] === 'string' ? v[k].slice(0, max) : '');
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** The submitted strings back into the form (after a 422). */
const submitted = (v: Values): ActionFormValues => ({
  number: str(v, 'number', 10),
  targetGroup: str(v, 'targetGroup', 400),
  action: str(v, 'action'),
  initiator: str(v, 'initiator', 400),
  planning: str(v, 'planning', 400),
  angles: list(v['angles']),
  anchoring: str(v, 'anchoring', 3000),
});

/**
 * The action table of a programme: `/{tenant}/programmas/{programme}/acties` (public read of an
 * active programme; GET filters `?hoek=&borging=`), adding (`POST …/acties`) and changing
 * (`…/acties/{id}/wijzigen`, `POST …/acties/{id}`) rows by the coordinator.
 */
export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  const renderTable = async (
    req: TenantRequest,
    reply: FastifyReply,
    programme: string,
    filter: ActionFilter,
    extra: Omit<ActionTablePageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = await actionTable(req.db, req.principal, req.tenant.id, programme, filter);
    const title = (req.locale === 'en' && model.programme.titleEn) || model.programme.titleNl;
    return reply.page(<ActionTablePage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('programmes.actions.heading', { title }),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: programmePath(req.tenant.slug, model.programme.slug), label: title },
      ],
    });
  };

  route.get(
    '/:tenant/programmas/:programme/acties',
    { policy: 'public', params: programmeParam, query: filterQuery },
    async (req, reply) => {
      const q = req.query;
      const notice = q.klaar === 'toegevoegd' ? 'programmes.actions.added' : q.klaar === 'bewaard' ? 'programmes.actions.saved' : null;
      return renderTable(req, reply, req.params.programme, { angle: q.hoek, anchoring: q.borging }, { notice });
    },
  );

  route.post(
    '/:tenant/programmas/:programme/acties',
    {
      policy: COORDINATOR,
      params: programmeParam,
      form: actionForm,
      invalid: (req, reply, errors, values, status) =>
        renderTable(req, reply, req.params.programme, {}, { add: { values: submitted(values), errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      await addAction(req.db, req.principal, req.tenant.id, req.params.programme, req.body);
      const to = actionsPath(req.tenant.slug, req.params.programme);
      return reply.redirect(`${to}?klaar=toegevoegd#actie-${req.body.number}`, 303);
    },
  );

  const renderEdit = async (
    req: TenantRequest,
    reply: FastifyReply,
    programme: string,
    id: string,
    form: { values: ActionFormValues; errors?: FieldErrors } | null,
    status = 200,
  ) => {
    const { programme: p, row } = await actionForEdit(req.db, req.principal, req.tenant.id, programme, id);
    const title = (req.locale === 'en' && p.titleEn) || p.titleNl;
    const values: ActionFormValues = form?.values ?? {
      number: String(row.number),
      targetGroup: row.targetGroup,
      action: row.actionNl,
      initiator: row.initiator,
      planning: row.planning,
      angles: row.angles,
      anchoring: row.anchoring.join('\n'),
    };
    return reply.page(
      <ActionEditPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        programmeSlug={p.slug}
        id={row.id}
        number={row.number}
        values={values}
        errors={form?.errors}
      />,
      {
        title: req.t('programmes.actions.edit.title', { number: row.number }),
        status,
        breadcrumbs: [
          { href: `/${req.tenant.slug}/`, label: req.tenant.name },
          { href: programmePath(req.tenant.slug, p.slug), label: title },
          { href: actionsPath(req.tenant.slug, p.slug), label: req.t('programmes.actions.title') },
        ],
      },
    );
  };

  route.get('/:tenant/programmas/:programme/acties/:id/wijzigen', { policy: COORDINATOR, params: actionParams }, async (req, reply) =>
    renderEdit(req, reply, req.params.programme, req.params.id, null),
  );

  route.post(
    '/:tenant/programmas/:programme/acties/:id',
    {
      policy: COORDINATOR,
      params: actionParams,
      form: actionForm,
      invalid: (req, reply, errors, values, status) =>
        renderEdit(req, reply, req.params.programme, req.params.id, { values: submitted(values), errors: errors as FieldErrors }, status),
    },
    async (req, reply) => {
      await editAction(req.db, req.principal, req.tenant.id, req.params.programme, req.params.id, req.body);
      const to = actionsPath(req.tenant.slug, req.params.programme);
      return reply.redirect(`${to}?klaar=bewaard#actie-${req.body.number}`, 303);
    },
  );
}
