import type { FastifyInstance } from 'fastify';
import { parseForm } from '../../../platform/http/forms.ts';
import { listTenants } from '../../areas/areas.service.ts';
import { linkIsValid, registerResident, resetPassword, sendResetLink, sendSigninLink, useSigninLink } from './auth.service.ts';
import { emailForm, registerForm, resetForm } from './auth.schemas.ts';
import { finishSignIn } from './flow.ts';
import { passwordProblem } from './password.ts';
import { RATE_LIMIT } from './signin.routes.tsx';
import { EmailRequestPage, ConfirmLinkPage, NewPasswordPage, RegisterPage } from './views/links.tsx';
import { MessagePage } from './views/signin.tsx';

function tokenOf(params: unknown): string {
  const token = (params as { token?: unknown }).token;
  return typeof token === 'string' ? token : '';
}

function rawField(body: unknown, name: string, max = 254): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Sign-in links, password reset and registration: everything that works through a mailed link. */
export async function linkRoutes(app: FastifyInstance): Promise<void> {
  // --- sign in with a link ---
  app.get('/aanmelden/link', { config: { policy: 'public' } }, async (req, reply) => {
    return reply.page(<EmailRequestPage ctx={req.viewContext()} kind="link" />, { title: req.t('auth.link.title') });
  });

  app.post('/aanmelden/link', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const form = parseForm(emailForm, req.body, req.t);
    const title = req.t('auth.link.title');
    if (!form.ok) {
      return reply.page(<EmailRequestPage ctx={req.viewContext()} kind="link" email={rawField(req.body, 'email')} errors={form.errors} />, {
        title,
        status: 422,
      });
    }
    await sendSigninLink(app, form.data.email);
    return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.link.sent')} />, {
      title: req.t('auth.link.sent.title'),
    });
  });

  const invalidLink = (t: (k: string) => string) => (
    <MessagePage
      title={t('auth.link.title')}
      message={t('auth.link.invalid')}
      link={{ href: '/aanmelden/link', label: t('auth.link.requestNew') }}
    />
  );

  app.get('/aanmelden/link/:token', { config: { policy: 'public' } }, async (req, reply) => {
    const token = tokenOf(req.params);
    if (!(await linkIsValid(app, token, 'signin'))) return reply.page(invalidLink(req.t), { title: req.t('auth.link.title'), status: 400 });
    return reply.page(<ConfirmLinkPage ctx={req.viewContext()} token={token} />, { title: req.t('auth.link.confirm.title') });
  });

  app.post('/aanmelden/link/:token', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const user = await useSigninLink(app, tokenOf(req.params));
    if (!user) return reply.page(invalidLink(req.t), { title: req.t('auth.link.title'), status: 400 });
    return finishSignIn(app, req, reply, user, 'link', '/');
  });

  // --- password reset ---
  app.get('/wachtwoord-vergeten', { config: { policy: 'public' } }, async (req, reply) => {
    return reply.page(<EmailRequestPage ctx={req.viewContext()} kind="reset" />, { title: req.t('auth.reset.title') });
  });

  app.post('/wachtwoord-vergeten', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const form = parseForm(emailForm, req.body, req.t);
    const title = req.t('auth.reset.title');
    if (!form.ok) {
      return reply.page(
        <EmailRequestPage ctx={req.viewContext()} kind="reset" email={rawField(req.body, 'email')} errors={form.errors} />,
        { title, status: 422 },
      );
    }
    await sendResetLink(app, form.data.email);
    return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.reset.sent')} />, {
      title: req.t('auth.link.sent.title'),
    });
  });

  const invalidReset = (t: (k: string) => string) => (
    <MessagePage
      title={t('auth.reset.new.title')}
      message={t('auth.reset.invalid')}
      link={{ href: '/wachtwoord-vergeten', label: t('auth.link.requestNew') }}
    />
  );

  app.get('/wachtwoord-herstellen/:token', { config: { policy: 'public' } }, async (req, reply) => {
    const token = tokenOf(req.params);
    if (!(await linkIsValid(app, token, 'reset'))) {
      return reply.page(invalidReset(req.t), { title: req.t('auth.reset.new.title'), status: 400 });
    }
    return reply.page(<NewPasswordPage ctx={req.viewContext()} token={token} />, { title: req.t('auth.reset.new.title') });
  });

  app.post('/wachtwoord-herstellen/:token', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const token = tokenOf(req.params);
    const title = req.t('auth.reset.new.title');
    if (!(await linkIsValid(app, token, 'reset'))) return reply.page(invalidReset(req.t), { title, status: 400 });
    const form = parseForm(resetForm, req.body, req.t);
    let errors = form.ok ? {} : form.errors;
    if (form.ok) {
      const problem = passwordProblem(form.data.password);
      if (problem) errors = { password: req.t(problem) };
      else if (form.data.password !== form.data.password2) errors = { password2: req.t('auth.password.mismatch') };
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      return reply.page(<NewPasswordPage ctx={req.viewContext()} token={token} errors={errors} />, { title, status: 422 });
    }
    const user = await resetPassword(app, token, form.data.password, req.ip);
    if (!user) return reply.page(invalidReset(req.t), { title, status: 400 });
    return finishSignIn(app, req, reply, user, 'reset', '/');
  });

  // --- registration ---
  app.get('/registreren', { config: { policy: 'public' } }, async (req, reply) => {
    const tenants = await listTenants(app.db);
    return reply.page(<RegisterPage ctx={req.viewContext()} tenants={tenants} />, { title: req.t('auth.register.title') });
  });

  app.post('/registreren', { config: { policy: 'public', rateLimit: RATE_LIMIT } }, async (req, reply) => {
    const tenants = await listTenants(app.db);
    const title = req.t('auth.register.title');
    const form = parseForm(registerForm, req.body, req.t);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    if (form.ok) {
      if (!tenants.some((x) => x.id === form.data.tenant)) errors.tenant = req.t('auth.register.unknownMunicipality');
      const problem = form.data.password ? passwordProblem(form.data.password) : null;
      if (problem) errors.password = req.t(problem);
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      const values = {
        name: rawField(req.body, 'name', 100),
        email: rawField(req.body, 'email'),
        tenant: rawField(req.body, 'tenant', 64),
      };
      return reply.page(<RegisterPage ctx={req.viewContext()} tenants={tenants} values={values} errors={errors} />, { title, status: 422 });
    }
    const d = form.data;
    await registerResident(
      app,
      { name: d.name, email: d.email, password: d.password || null, tenantId: d.tenant, locale: req.locale },
      req.ip,
    );
    return reply.page(<MessagePage title={req.t('auth.link.sent.title')} message={req.t('auth.register.sent')} />, {
      title: req.t('auth.link.sent.title'),
    });
  });
}
