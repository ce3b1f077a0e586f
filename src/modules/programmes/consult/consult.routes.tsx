import './consult.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { can } from '../policies.ts';
import { agendaForm, forumForm, forumParam, heldForm, itemForm, itemParams, meetingParams, planForm } from './consult.schemas.ts';
import {
  addAgendaItem,
  createForum,
  getForum,
  getMeeting,
  listForums,
  markActionDone,
  markHeld,
  planMeeting,
  recordItem,
} from './consult.service.ts';
import { ForumListPage, ForumPage, MeetingPage, type FormState } from './views/consult.tsx';

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, string | string[]>;
const STAFF = { roles: ['professional', 'coordinator'] } as const;
const COORDINATOR = { roles: ['coordinator'] } as const;

/** The consultation rhythm: `/{tenant}/beheer/overleggen`, a forum, and a meeting with its agenda, decisions and actions. */
export async function consultRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const home = (req: TenantRequest) => `/${req.tenant.slug}/beheer/overleggen`;

  const listPage = async (req: TenantRequest, reply: FastifyReply, state: FormState = null, status = 200) => {
    const forums = await listForums(req.db, req.principal, req.tenant.id);
    return reply.page(
      <ForumListPage
        ctx={req.viewContext()}
        slug={req.tenant.slug}
        forums={forums}
        canManage={can(req.principal, 'forum.manage', { tenantId: req.tenant.id })}
        state={state}
      />,
      { title: req.t('programmes.consult.title'), status },
    );
  };
  const forumPage = async (req: TenantRequest, reply: FastifyReply, id: string, state: FormState = null, status = 200) => {
    const f = await getForum(req.db, req.principal, req.tenant.id, id);
    return reply.page(<ForumPage ctx={req.viewContext()} slug={req.tenant.slug} f={f} state={state} />, {
      title: f.name,
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: home(req), label: req.t('programmes.consult.title') },
      ],
    });
  };
  const meetingPage = async (req: TenantRequest, reply: FastifyReply, forum: string, id: string, state: FormState = null, status = 200) => {
    const m = await getMeeting(req.db, req.principal, req.tenant.id, forum, id);
    return reply.page(<MeetingPage ctx={req.viewContext()} slug={req.tenant.slug} m={m} state={state} />, {
      title: req.t('programmes.consult.meeting.title', { forum: m.forum.name, date: m.heldOn }),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: home(req), label: req.t('programmes.consult.title') },
        { href: `${home(req)}/${m.forum.id}`, label: m.forum.name },
      ],
    });
  };
  const failed = (form: string, errors: Record<string, string>, values: Values): FormState => ({ form, errors, values });

  route.get('/:tenant/beheer/overleggen', { policy: STAFF }, async (req, reply) => listPage(req, reply));
  route.post(
    '/:tenant/beheer/overleggen',
    {
      policy: COORDINATOR,
      form: forumForm,
      invalid: (req, reply, errors, values, status) => listPage(req, reply, failed('forum', errors, values), status),
    },
    async (req, reply) => {
      const id = await createForum(req.db, req.principal, req.tenant.id, {
        name: req.body.name,
        kind: req.body.kind,
        rhythmMonths: req.body.rhythm,
        description: req.body.description,
      });
      return reply.redirect(`${home(req)}/${id}`, 303);
    },
  );

  route.get('/:tenant/beheer/overleggen/:forum', { policy: STAFF, params: forumParam }, async (req, reply) =>
    forumPage(req, reply, req.params.forum),
  );
  route.post(
    '/:tenant/beheer/overleggen/:forum/vergaderingen',
    {
      policy: COORDINATOR,
      params: forumParam,
      form: planForm,
      invalid: (req, reply, errors, values, status) => forumPage(req, reply, req.params.forum, failed('plan', errors, values), status),
    },
    async (req, reply) => {
      const id = await planMeeting(req.db, req.principal, req.tenant.id, req.params.forum, req.body.day);
      return reply.redirect(`${home(req)}/${req.params.forum}/vergaderingen/${id}`, 303);
    },
  );

  const meetingUrl = (req: TenantRequest, p: { forum: string; meeting: string }) => `${home(req)}/${p.forum}/vergaderingen/${p.meeting}`;
  route.get('/:tenant/beheer/overleggen/:forum/vergaderingen/:meeting', { policy: STAFF, params: meetingParams }, async (req, reply) =>
    meetingPage(req, reply, req.params.forum, req.params.meeting),
  );
  route.post(
    '/:tenant/beheer/overleggen/:forum/vergaderingen/:meeting/agenda',
    {
      policy: COORDINATOR,
      params: meetingParams,
      form: agendaForm,
      invalid: (req, reply, errors, values, status) =>
        meetingPage(req, reply, req.params.forum, req.params.meeting, failed('agenda', errors, values), status),
    },
    async (req, reply) => {
      const b = req.body;
      await addAgendaItem(req.db, req.principal, req.tenant.id, req.params.forum, req.params.meeting, {
        kind: b.kind,
        ref: b.kind === 'project' ? b.project : b.kind === 'signal' ? b.signal : '',
        title: b.title,
      });
      return reply.redirect(meetingUrl(req, req.params), 303);
    },
  );
  route.post(
    '/:tenant/beheer/overleggen/:forum/vergaderingen/:meeting/punten',
    {
      policy: COORDINATOR,
      params: meetingParams,
      form: itemForm,
      invalid: (req, reply, errors, values, status) =>
        meetingPage(req, reply, req.params.forum, req.params.meeting, failed('item', errors, values), status),
    },
    async (req, reply) => {
      await recordItem(req.db, req.principal, req.tenant.id, req.params.forum, req.params.meeting, req.body);
      return reply.redirect(meetingUrl(req, req.params), 303);
    },
  );
  route.post(
    '/:tenant/beheer/overleggen/:forum/vergaderingen/:meeting/punten/:item/klaar',
    { policy: COORDINATOR, params: itemParams, form: z.object({}) },
    async (req, reply) => {
      await markActionDone(req.db, req.principal, req.tenant.id, req.params.forum, req.params.meeting, req.params.item);
      return reply.redirect(meetingUrl(req, req.params), 303);
    },
  );
  route.post(
    '/:tenant/beheer/overleggen/:forum/vergaderingen/:meeting/gehouden',
    {
      policy: COORDINATOR,
      params: meetingParams,
      form: heldForm,
      invalid: (req, reply, errors, values, status) =>
        meetingPage(req, reply, req.params.forum, req.params.meeting, failed('held', errors, values), status),
    },
    async (req, reply) => {
      const next = await markHeld(req.db, req.principal, req.tenant.id, req.params.forum, req.params.meeting, req.body.notes);
      return reply.redirect(next ? meetingUrl(req, { forum: req.params.forum, meeting: next }) : `${home(req)}/${req.params.forum}`, 303);
    },
  );
}
