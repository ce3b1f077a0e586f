import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid, type FieldErrors } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { linkIsValid, registerResident, resetPassword, sendResetLink, sendSigninLink, useSigninLink } from './auth.service.ts';
import { REGISTER_NAME_MAX, TENANT_FIELD_MAX, emailForm, registerForm, resetForm } from './auth.schemas.ts';
import { EMAIL_MAX } from '../people.schemas.ts';
import { finishSignIn } from './flow.ts';
import { passwordProblem } from './password.ts';
import { RATE_LIMIT } from './signin.routes.tsx';
import { EmailRequestPage, ConfirmLinkPage, NewPasswordPage, RegisterPage } from './views/links.tsx';
import { MessagePage } from './views/signin.tsx';
import type { Translate } from '../../../platform/i18n/index.ts';

/** The token of a mailed link: any text here (an unknown or malformed one is answered as an invalid link, 400). */
const tokenParams = { token: z.string() };

/** A submitted value to fill a field in again, cut to the field's length. */
function shown(values: Readonly<Record<string, string | string[]>>, name: string, max: number): string {
  const v = values[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Sign-in links, password reset and registration: everything that works through a mailed link. */
export async function linkRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  // --- sign in with a link ---
  route.get('/aanmelden/link', { policy: 'public' }, async (req, reply) => {
    return reply.page(<EmailRequestPage ctx={req.viewContext()} kind="link" />, { title: req.t('auth.link.title') });
  });

  route.post(
    '/aanmelden/link',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      form: emailForm,
      invalid: (req, reply, errors, values, status) =>
        reply.page(<EmailRequestPage ctx={req.viewContext()} kind="link" email={shown(values, 'email', EMAIL_MAX)} errors={errors} />, {
          title: req.t('auth.link.title'),
          status,
        }),
    },
    async (req, reply) => {
      await sendSigninLink(app, req.body.email);
      return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.link.sent')} />, {
        title: req.t('auth.link.sent.title'),
      });
    },
  );

  const invalidLink = (t: Translate) => (
    <MessagePage
      title={t('auth.link.title')}
      message={t('auth.link.invalid')}
      link={{ href: '/aanmelden/link', label: t('auth.link.requestNew') }}
    />
  );

  route.get('/aanmelden/link/:token', { policy: 'public', params: tokenParams }, async (req, reply) => {
    const { token } = req.params;
    if (!(await linkIsValid(app, token, 'signin'))) return reply.page(invalidLink(req.t), { title: req.t('auth.link.title'), status: 400 });
    return reply.page(<ConfirmLinkPage ctx={req.viewContext()} token={token} />, { title: req.t('auth.link.confirm.title') });
  });

  route.post(
    '/aanmelden/link/:token',
    { policy: 'public', rateLimit: RATE_LIMIT, params: tokenParams, form: z.object({}) },
    async (req, reply) => {
      const user = await useSigninLink(app, req.params.token);
      if (!user) return reply.page(invalidLink(req.t), { title: req.t('auth.link.title'), status: 400 });
      return finishSignIn(app, req, reply, user, 'link', '/');
    },
  );

  // --- password reset ---
  route.get('/wachtwoord-vergeten', { policy: 'public' }, async (req, reply) => {
    return reply.page(<EmailRequestPage ctx={req.viewContext()} kind="reset" />, { title: req.t('auth.reset.title') });
  });

  route.post(
    '/wachtwoord-vergeten',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      form: emailForm,
      invalid: (req, reply, errors, values, status) =>
        reply.page(<EmailRequestPage ctx={req.viewContext()} kind="reset" email={shown(values, 'email', EMAIL_MAX)} errors={errors} />, {
          title: req.t('auth.reset.title'),
          status,
        }),
    },
    async (req, reply) => {
      await sendResetLink(app, req.body.email);
      return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.reset.sent')} />, {
        title: req.t('auth.link.sent.title'),
      });
    },
  );

  const invalidReset = (t: Translate) => (
    <MessagePage
      title={t('auth.reset.new.title')}
      message={t('auth.reset.invalid')}
      link={{ href: '/wachtwoord-vergeten', label: t('auth.link.requestNew') }}
    />
  );

  route.get('/wachtwoord-herstellen/:token', { policy: 'public', params: tokenParams }, async (req, reply) => {
    const { token } = req.params;
    if (!(await linkIsValid(app, token, 'reset'))) {
      return reply.page(invalidReset(req.t), { title: req.t('auth.reset.new.title'), status: 400 });
    }
    return reply.page(<NewPasswordPage ctx={req.viewContext()} token={token} />, { title: req.t('auth.reset.new.title') });
  });

  /** The new-password form again with its messages; a link that is no longer valid says so first (400). */
  async function newPasswordAgain(req: FastifyRequest, reply: FastifyReply, token: string, errors: Record<string, string>, status: number) {
    const title = req.t('auth.reset.new.title');
    if (!(await linkIsValid(app, token, 'reset'))) return reply.page(invalidReset(req.t), { title, status: 400 });
    return reply.page(<NewPasswordPage ctx={req.viewContext()} token={token} errors={errors} />, { title, status });
  }

  route.post(
    '/wachtwoord-herstellen/:token',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      params: tokenParams,
      form: resetForm,
      invalid: (req, reply, errors, _values, status) => newPasswordAgain(req, reply, req.params.token, errors, status),
    },
    async (req, reply) => {
      const { token } = req.params;
      const title = req.t('auth.reset.new.title');
      if (!(await linkIsValid(app, token, 'reset'))) return reply.page(invalidReset(req.t), { title, status: 400 });
      const { password, password2 } = req.body;
      const problem = passwordProblem(password);
      if (problem) throw Invalid({ password: problem });
      if (password !== password2) throw Invalid({ password2: 'auth.password.mismatch' });
      const user = await resetPassword(app, token, password, req.ip);
      if (!user) return reply.page(invalidReset(req.t), { title, status: 400 });
      return finishSignIn(app, req, reply, user, 'reset', '/');
    },
  );

  // --- registration ---
  route.get('/registreren', { policy: 'public' }, async (req, reply) => {
    const tenants = await listTenants(app.db); // unscoped: /registreren has no tenant; it lists every municipality
    return reply.page(<RegisterPage ctx={req.viewContext()} tenants={tenants} />, { title: req.t('auth.register.title') });
  });

  route.post(
    '/registreren',
    {
      policy: 'public',
      rateLimit: RATE_LIMIT,
      form: registerForm,
      invalid: async (req, reply, errors, values, status) => {
        const tenants = await listTenants(app.db); // unscoped: /registreren has no tenant; it lists every municipality
        const shownValues = {
          name: shown(values, 'name', REGISTER_NAME_MAX),
          email: shown(values, 'email', EMAIL_MAX),
          tenant: shown(values, 'tenant', TENANT_FIELD_MAX),
        };
        return reply.page(<RegisterPage ctx={req.viewContext()} tenants={tenants} values={shownValues} errors={errors} />, {
          title: req.t('auth.register.title'),
          status,
        });
      },
    },
    async (req, reply) => {
      const tenants = await listTenants(app.db); // unscoped: /registreren has no tenant; it lists every municipality
      const d = req.body;
      const fields: FieldErrors = {};
      if (!tenants.some((x) => x.id === d.tenant)) fields.tenant = 'auth.register.unknownMunicipality';
      const problem = d.password ? passwordProblem(d.password) : null;
      if (problem) fields.password = problem;
      if (Object.keys(fields).length > 0) throw Invalid(fields);
      await registerResident(
        app,
        { name: d.name, email: d.email, password: d.password || null, tenantId: d.tenant, locale: req.locale },
        req.ip,
      );
      return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.register.sent')} />, {
        title: req.t('auth.link.sent.title'),
      });
    },
  );
}
