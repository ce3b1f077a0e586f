import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../platform/db/database.ts';
import { Forbidden } from '../../platform/errors.ts';
import { auditFrom, recordAudit } from '../../platform/audit/audit.service.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { listTenants } from '../areas/areas.service.ts';
import { clearSessionCookie } from './auth/session.ts';
import { deleteAccountForm, profileForm } from './people.schemas.ts';
import { deleteAccount, exportUserData, getUserProfile, updateProfile } from './people.service.ts';
import { AccountDeletedPage, AccountPage, DeleteAccountPage } from './views/account.tsx';
import { noticeKey } from './views/notice.tsx';
import { formValues } from './form-helpers.ts';
import { LANG_COOKIE } from '../../platform/http/views.ts';

/** The signed-in user's own account: profile, roles, data download and account deletion. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  async function accountPage(
    req: FastifyRequest,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; notice?: string | null } = {},
  ) {
    const profile = await getUserProfile(app.db, req.user!.id);
    const tenants = new Map((await listTenants(app.db)).map((t) => [t.id, t.name]));
    const values = {
      name: profile.name,
      locale: profile.locale,
      phone: profile.phone ?? '',
      address: profile.address ?? '',
      ...(extra.values ?? {}),
    };
    return (
      <AccountPage
        ctx={req.viewContext()}
        email={profile.email ?? ''}
        values={values}
        memberships={profile.memberships.map((m) => ({
          tenantName: tenants.get(m.tenantId) ?? m.tenantId,
          role: m.role,
          organisationName: m.organisationName,
        }))}
        errors={extra.errors}
        notice={extra.notice ?? null}
      />
    );
  }

  app.get('/account', { config: { policy: 'signedIn' } }, async (req, reply) => {
    return reply.page(await accountPage(req, { notice: noticeKey(req.query) }), { title: req.t('people.account.title') });
  });

  app.post('/account', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const form = parseForm(profileForm, req.body, req.t);
    if (!form.ok) {
      return reply.page(await accountPage(req, { errors: form.errors, values: formValues(req.body) }), {
        title: req.t('people.account.title'),
        status: 422,
      });
    }
    const userId = req.user!.id;
    await inTransaction(app.db, async (trx) => {
      const changed = await updateProfile(trx, userId, form.data, app.clock.now());
      if (changed.length > 0) {
        await recordAudit(trx, { ...auditFrom(req), action: 'update', entity: 'user', entityId: userId, detail: { fields: changed } });
      }
    });
    // The language chosen here also applies in this browser at once (it overrides an earlier switch).
    reply.setCookie(LANG_COOKIE, form.data.locale, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 3600,
      secure: app.config.env === 'production',
    });
    return reply.redirect('/account?melding=opgeslagen', 303);
  });

  app.get('/account/mijn-gegevens.json', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const userId = req.user!.id;
    const data = await inTransaction(app.db, async (trx) => {
      await recordAudit(trx, { ...auditFrom(req), action: 'export', entity: 'user', entityId: userId });
      const data: Record<string, unknown> = await exportUserData(trx, userId);
      for (const holder of app.userDataHolders) data[holder.module] = await holder.data.export(trx, userId);
      return data;
    });
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mijn-gegevens.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/verwijderen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    return reply.page(<DeleteAccountPage ctx={req.viewContext()} isDemo={req.user!.isDemo} />, {
      title: req.t('people.delete.title'),
      breadcrumbs: [{ href: '/account', label: req.t('people.account.title') }],
    });
  });

  app.post('/account/verwijderen', { config: { policy: 'signedIn' } }, async (req, reply) => {
    const user = req.user!;
    if (user.isDemo) throw Forbidden('people.delete.demo');
    const form = parseForm(deleteAccountForm, req.body, req.t);
    const errors = !form.ok
      ? form.errors
      : form.data.confirmEmail.toLowerCase() !== user.email.toLowerCase()
        ? { confirmEmail: req.t('people.delete.mismatch') }
        : null;
    if (errors) {
      return reply.page(<DeleteAccountPage ctx={req.viewContext()} isDemo={false} errors={errors} />, {
        title: req.t('people.delete.title'),
        status: 422,
      });
    }
    await inTransaction(app.db, async (trx) => {
      for (const holder of app.userDataHolders) await holder.data.forget(trx, user.id, app.clock.now());
      await deleteAccount(trx, user.id, app.clock.now());
      await recordAudit(trx, { ...auditFrom(req), action: 'delete', entity: 'user', entityId: user.id });
    });
    clearSessionCookie(app, reply);
    return reply.redirect('/account/verwijderd', 303);
  });

  app.get('/account/verwijderd', { config: { policy: 'public' } }, async (req, reply) => {
    return reply.page(<AccountDeletedPage ctx={req.viewContext()} />, { title: req.t('people.delete.doneTitle') });
  });
}
