import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../../platform/db/database.ts';
import { Forbidden, Invalid } from '../../../platform/errors.ts';
import { auditFrom, recordAudit } from '../../../platform/audit/audit.service.ts';
import { routes } from '../../../platform/http/route.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { clearSessionCookie } from '../auth/session.ts';
import { deleteAccountForm, profileForm, textValues } from '../people.schemas.ts';
import { deleteAccount, exportUserData, getOwnProfile, updateProfile } from '../people.service.ts';
import { AccountDeletedPage, AccountPage, DeleteAccountPage } from './views/account.tsx';
import { noticeKey, noticeQuery } from '../notices.ts';
import { LANG_COOKIE } from '../../../platform/http/views.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** The signed-in user's own account: profile, roles, data download and account deletion. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  async function accountPage(
    req: FastifyRequest,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; notice?: MessageKey | null } = {},
  ) {
    const profile = await getOwnProfile(app.db, req.principal); // unscoped: /account has no tenant (one account, all municipalities)
    const tenants = new Map((await listTenants(app.db)).map((t) => [t.id, t.name])); // unscoped: /account has no tenant
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

  route.get('/account', { policy: 'signedIn', query: noticeQuery }, async (req, reply) => {
    return reply.page(await accountPage(req, { notice: noticeKey(req.query.melding) }), { title: req.t('people.account.title') });
  });

  route.post(
    '/account',
    {
      policy: 'signedIn',
      form: profileForm,
      invalid: async (req, reply, errors, values, status) =>
        reply.page(await accountPage(req, { errors, values: textValues(values) }), { title: req.t('people.account.title'), status }),
    },
    async (req, reply) => {
      const userId = req.user!.id;
      // unscoped: /account has no tenant (one account, all municipalities)
      await inTransaction(app.db, async (trx) => {
        const changed = await updateProfile(trx, req.principal, req.body);
        if (changed.length > 0) {
          await recordAudit(trx, { ...auditFrom(req), action: 'update', entity: 'user', entityId: userId, detail: { fields: changed } });
        }
      });
      // The language chosen here also applies in this browser at once (it overrides an earlier switch).
      reply.setCookie(LANG_COOKIE, req.body.locale, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        maxAge: 365 * 24 * 3600,
        secure: app.config.env === 'production',
      });
      return reply.redirect('/account?melding=opgeslagen', 303);
    },
  );

  route.get('/account/mijn-gegevens.json', { policy: 'signedIn' }, async (req, reply) => {
    const userId = req.user!.id;
    // unscoped: /account has no tenant (one account, all municipalities)
    const data = await inTransaction(app.db, async (trx) => {
      await recordAudit(trx, { ...auditFrom(req), action: 'export', entity: 'user', entityId: userId });
      const data: Record<string, unknown> = await exportUserData(trx, req.principal);
      for (const holder of app.userDataHolders) data[holder.module] = await holder.data.export(trx, userId);
      return data;
    });
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mijn-gegevens.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  route.get('/account/verwijderen', { policy: 'signedIn' }, async (req, reply) => {
    return reply.page(<DeleteAccountPage ctx={req.viewContext()} isDemo={req.user!.isDemo} />, {
      title: req.t('people.delete.title'),
      breadcrumbs: [{ href: '/account', label: req.t('people.account.title') }],
    });
  });

  /** A demo account cannot be deleted (it is shared): refused before anything else. */
  const notDemo = (req: FastifyRequest) => {
    if (req.user?.isDemo) throw Forbidden('people.delete.demo');
  };

  route.post(
    '/account/verwijderen',
    {
      policy: 'signedIn',
      form: deleteAccountForm,
      invalid: (req, reply, errors, _values, status) => {
        notDemo(req);
        return reply.page(<DeleteAccountPage ctx={req.viewContext()} isDemo={false} errors={errors} />, {
          title: req.t('people.delete.title'),
          status,
        });
      },
    },
    async (req, reply) => {
      notDemo(req);
      const user = req.user!;
      if (req.body.confirmEmail.toLowerCase() !== user.email.toLowerCase()) throw Invalid({ confirmEmail: 'people.delete.mismatch' });
      // unscoped: /account has no tenant (one account, all municipalities)
      await inTransaction(app.db, async (trx) => {
        for (const holder of app.userDataHolders) await holder.data.forget(trx, user.id, app.clock.now());
        await deleteAccount(trx, req.principal);
        await recordAudit(trx, { ...auditFrom(req), action: 'delete', entity: 'user', entityId: user.id });
      });
      clearSessionCookie(app, reply);
      return reply.redirect('/account/verwijderd', 303);
    },
  );

  route.get('/account/verwijderd', { policy: 'public' }, async (req, reply) => {
    return reply.page(<AccountDeletedPage ctx={req.viewContext()} />, { title: req.t('people.delete.doneTitle') });
  });
}
