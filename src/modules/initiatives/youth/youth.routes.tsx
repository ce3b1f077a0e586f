import './youth.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { answerPoll, createPoll, moderateIdea, moderationPage, myIdeas, postIdea, wijkPage, youthWijken } from './youth.service.ts';
import {
  answerForm,
  DEVICE_COOKIE_DAYS,
  IDEA_RATE_LIMIT,
  ideaForm,
  ideaParam,
  moderateForm,
  noticeQuery,
  POLL_RATE_LIMIT,
  pollForm,
  pollParams,
  wijkParam,
} from './youth.schemas.ts';
import { YouthMinePage, YouthStart, YouthWijkPage, type WijkPageProps } from './views/youth-pages.tsx';
import { ModerateYouthPage, type ModeratePageProps } from './views/moderate.tsx';

/** The device cookie: a random secret on the young person's device; the database keeps only its hash. */
export const DEVICE_COOKIE = 'sh_jong';
const STAFF = { roles: ['professional', 'coordinator'] } as const;

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

const NOTICES: Record<string, MessageKey> = {
  idee: 'initiatives.youth.notice.idee',
  antwoord: 'initiatives.youth.notice.antwoord',
  opgeslagen: 'initiatives.youth.notice.opgeslagen',
  peiling: 'initiatives.youth.notice.peiling',
};

/** The hash of the request's device cookie, or null without a well-formed one. */
function deviceHashOf(req: FastifyRequest): string | null {
  const token = req.cookies[DEVICE_COOKIE];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashToken(token) : null;
}

/** The device's hash, setting a new cookie first when there is none (posting an idea or answering a poll). */
function ensureDevice(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): string {
  const known = deviceHashOf(req);
  if (known) return known;
  const token = newToken();
  req.cookies[DEVICE_COOKIE] = token;
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.env === 'production',
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
  return hashToken(token);
}

/** The youth channel: `/{tenant}/jongeren` (short: `/{tenant}/jong`) and the youth workers' page `/{tenant}/beheer/jongeren`. */
export async function youthRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const base = (req: TenantRequest) => `/${req.tenant.slug}/jongeren`;
  const crumbs = (req: TenantRequest) => [
    { href: `/${req.tenant.slug}/`, label: req.tenant.name },
    { href: base(req), label: req.t('initiatives.youth.nav') },
  ];

  const renderWijk = async (
    req: TenantRequest,
    reply: FastifyReply,
    code: string,
    extra: Omit<WijkPageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = await wijkPage(req.db, req.principal, {
      tenantId: req.tenant.id,
      code,
      deviceHash: deviceHashOf(req),
      locale: req.locale,
    });
    return reply.page(<YouthWijkPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('initiatives.youth.wijkTitle', { name: model.wijk.name }),
      status,
      breadcrumbs: crumbs(req),
    });
  };

  route.get('/:tenant/jong', { policy: 'public' }, async (req, reply) => reply.redirect(base(req), 301));

  route.get('/:tenant/jongeren', { policy: 'public' }, async (req, reply) => {
    const wijken = await youthWijken(req.db, req.principal, req.tenant.id);
    return reply.page(<YouthStart ctx={req.viewContext()} slug={req.tenant.slug} wijken={wijken} />, {
      title: req.t('initiatives.youth.title'),
      breadcrumbs: [{ href: `/${req.tenant.slug}/`, label: req.tenant.name }],
    });
  });

  route.get('/:tenant/jongeren/mijn', { policy: 'public', query: noticeQuery }, async (req, reply) => {
    const { ideas, wijken } = await myIdeas(req.db, req.principal, {
      tenantId: req.tenant.id,
      deviceHash: deviceHashOf(req),
      locale: req.locale,
    });
    const notice = req.query.klaar ? NOTICES[req.query.klaar] : null;
    return reply.page(<YouthMinePage ctx={req.viewContext()} slug={req.tenant.slug} ideas={ideas} wijken={wijken} notice={notice} />, {
      title: req.t('initiatives.youth.mineTitle'),
      breadcrumbs: crumbs(req),
    });
  });

  route.get('/:tenant/jongeren/:code', { policy: 'public', params: wijkParam, query: noticeQuery }, async (req, reply) => {
    const { code } = req.params;
    if (code !== code.toUpperCase()) return reply.redirect(`${base(req)}/${code.toUpperCase()}`, 301);
    return renderWijk(req, reply, code, { notice: req.query.klaar ? NOTICES[req.query.klaar] : null });
  });

  route.post(
    '/:tenant/jongeren/:code/idee',
    {
      policy: 'public',
      params: wijkParam,
      form: ideaForm,
      rateLimit: IDEA_RATE_LIMIT,
      invalid: (req, reply, errors, values, status) =>
        renderWijk(req, reply, req.params.code, { errors: errors as FieldErrors, values }, status),
    },
    async (req, reply) => {
      const deviceHash = ensureDevice(app, req, reply);
      await postIdea(req.db, req.principal, {
        tenantId: req.tenant.id,
        code: req.params.code,
        text: req.body.text,
        nickname: req.body.nickname,
        deviceHash,
      });
      return reply.redirect(`${base(req)}/mijn?klaar=idee`, 303);
    },
  );

  route.post(
    '/:tenant/jongeren/:code/peiling/:id',
    {
      policy: 'public',
      params: pollParams,
      form: answerForm,
      rateLimit: POLL_RATE_LIMIT,
      invalid: (req, reply, errors, _values, status) =>
        renderWijk(
          req,
          reply,
          req.params.code,
          { pollError: { id: req.params.id, message: errors.answer ?? Object.values(errors)[0] ?? '' } },
          status,
        ),
    },
    async (req, reply) => {
      const deviceHash = ensureDevice(app, req, reply);
      await answerPoll(req.db, req.principal, {
        tenantId: req.tenant.id,
        code: req.params.code,
        pollId: req.params.id,
        optionKey: req.body.answer,
        deviceHash,
      });
      return reply.redirect(`${base(req)}/${req.params.code}?klaar=antwoord#poll-${req.params.id}`, 303);
    },
  );

  // Youth workers (professionals) and coordinators.
  const renderModerate = async (
    req: TenantRequest,
    reply: FastifyReply,
    extra: Omit<ModeratePageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = await moderationPage(req.db, req.principal, req.tenant.id, req.locale);
    return reply.page(<ModerateYouthPage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('initiatives.youth.moderate.title'),
      status,
    });
  };

  route.get('/:tenant/beheer/jongeren', { policy: STAFF, query: noticeQuery }, async (req, reply) =>
    renderModerate(req, reply, { notice: req.query.klaar ? NOTICES[req.query.klaar] : null }),
  );

  route.post(
    '/:tenant/beheer/jongeren/idee/:id',
    {
      policy: STAFF,
      params: ideaParam,
      form: moderateForm,
      invalid: (req, reply, errors, _values, status) =>
        renderModerate(req, reply, { ideaErrors: { id: req.params.id, errors: errors as FieldErrors } }, status),
    },
    async (req, reply) => {
      await moderateIdea(req.db, req.principal, { tenantId: req.tenant.id, id: req.params.id, ...req.body });
      return reply.redirect(`/${req.tenant.slug}/beheer/jongeren?klaar=opgeslagen`, 303);
    },
  );

  route.post(
    '/:tenant/beheer/jongeren/peiling',
    {
      policy: STAFF,
      form: pollForm,
      invalid: (req, reply, errors, values, status) =>
        renderModerate(req, reply, { pollErrors: errors as FieldErrors, pollValues: values }, status),
    },
    async (req, reply) => {
      const { area, question, options, opensOn, closesOn } = req.body;
      await createPoll(req.db, req.principal, { tenantId: req.tenant.id, areaCode: area, question, options, opensOn, closesOn });
      return reply.redirect(`/${req.tenant.slug}/beheer/jongeren?klaar=peiling`, 303);
    },
  );
}
