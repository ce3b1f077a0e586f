import type { FastifyInstance, FastifyReply } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import { RESPOND_RATE_LIMIT, answerForm, codeForm, tokenParam } from './respond.schemas.ts';
import { submitResponse, surveyByCode, surveyByLink } from './respond.service.ts';
import { CodePage, QuestionnairePage, ThanksPage, UnavailablePage } from './views/respond.tsx';

/** Pages are personal to the moment: never cached, no referrer (the open link is in the address). */
function private_(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

/** `/{tenant}/enquete` (enter a code), `/{tenant}/enquete/{token}` (open link) and the thanks page. */
export async function respondRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/enquete', { policy: 'public' }, async (req, reply) =>
    private_(reply).page(<CodePage ctx={req.viewContext()} slug={req.tenant.slug} />, { title: req.t('surveys.respond.codeTitle') }),
  );

  route.post(
    '/:tenant/enquete/code',
    {
      policy: 'public',
      rateLimit: RESPOND_RATE_LIMIT,
      form: codeForm,
      invalid: (req, reply, errors, values, status) =>
        private_(reply).page(<CodePage ctx={req.viewContext()} slug={req.tenant.slug} errors={errors} values={values} />, {
          title: req.t('surveys.respond.codeTitle'),
          status,
        }),
    },
    async (req, reply) => {
      const view = await surveyByCode(req.db, req.principal, { tenantId: req.tenant.id, code: req.body.code, locale: req.locale });
      const ctx = req.viewContext();
      if (view.availability !== 'open') return private_(reply).page(<UnavailablePage ctx={ctx} view={view} />, { title: view.title });
      return private_(reply).page(
        <QuestionnairePage
          ctx={ctx}
          action={`/${req.tenant.slug}/enquete/antwoorden`}
          view={view}
          code={{ mode: 'hidden', value: req.body.code }}
        />,
        { title: view.title },
      );
    },
  );

  route.post(
    '/:tenant/enquete/antwoorden',
    {
      policy: 'public',
      rateLimit: RESPOND_RATE_LIMIT,
      form: answerForm,
      invalid: async (req, reply, errors, values, status) => {
        const code = typeof values.code === 'string' ? values.code : '';
        // A used or unknown code: back to the code form with the message.
        if (errors.code) {
          return private_(reply).page(
            <CodePage ctx={req.viewContext()} slug={req.tenant.slug} errors={{ code: errors.code }} values={{ code }} />,
            {
              title: req.t('surveys.respond.codeTitle'),
              status,
            },
          );
        }
        const view = await surveyByCode(req.db, req.principal, { tenantId: req.tenant.id, code, locale: req.locale });
        return private_(reply).page(
          <QuestionnairePage
            ctx={req.viewContext()}
            action={`/${req.tenant.slug}/enquete/antwoorden`}
            view={view}
            code={{ mode: 'hidden', value: code }}
            errors={errors}
            values={values}
          />,
          { title: view.title, status },
        );
      },
    },
    async (req, reply) => {
      await submitResponse(req.db, req.principal, {
        tenantId: req.tenant.id,
        channel: 'invitation',
        code: req.body.code ?? '',
        body: req.body,
        locale: req.locale,
      });
      return reply.redirect(`/${req.tenant.slug}/enquete/bedankt`, 303);
    },
  );

  route.get('/:tenant/enquete/bedankt', { policy: 'public' }, async (req, reply) =>
    private_(reply).page(<ThanksPage ctx={req.viewContext()} slug={req.tenant.slug} />, { title: req.t('surveys.respond.thanksTitle') }),
  );

  route.get('/:tenant/enquete/:token', { policy: 'public', params: tokenParam, rateLimit: RESPOND_RATE_LIMIT }, async (req, reply) => {
    const view = await surveyByLink(req.db, req.principal, req.tenant.id, req.params.token, req.locale);
    const ctx = req.viewContext();
    if (view.availability !== 'open') return private_(reply).page(<UnavailablePage ctx={ctx} view={view} />, { title: view.title });
    return private_(reply).page(<QuestionnairePage ctx={ctx} action={`/${req.tenant.slug}/enquete/${req.params.token}`} view={view} />, {
      title: view.title,
    });
  });

  route.post(
    '/:tenant/enquete/:token',
    {
      policy: 'public',
      params: tokenParam,
      rateLimit: RESPOND_RATE_LIMIT,
      form: answerForm,
      invalid: async (req, reply, errors, values, status) => {
        const view = await surveyByLink(req.db, req.principal, req.tenant.id, req.params.token, req.locale);
        return private_(reply).page(
          <QuestionnairePage
            ctx={req.viewContext()}
            action={`/${req.tenant.slug}/enquete/${req.params.token}`}
            view={view}
            errors={errors}
            values={values}
          />,
          { title: view.title, status },
        );
      },
    },
    async (req, reply) => {
      await submitResponse(req.db, req.principal, {
        tenantId: req.tenant.id,
        channel: 'link',
        token: req.params.token,
        body: req.body,
        locale: req.locale,
      });
      return reply.redirect(`/${req.tenant.slug}/enquete/bedankt`, 303);
    },
  );
}
