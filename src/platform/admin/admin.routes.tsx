import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ViewContext } from '../../ui/context.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import type { Translate } from '../i18n/index.ts';
import { z } from 'zod';
import './admin.messages.ts';
import type { Policy } from '../http/policy.ts';
import { parseForm } from '../http/forms.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { routes } from '../http/route.ts';
import { UUID_RE } from '../ids.ts';
import { auditFrom, recordAudit } from '../audit/audit.service.ts';
import { searchAudit } from '../audit/audit.search.ts';
import { findOutboxMail, listOutbox, maskCredentialLinks } from '../mail/outbox.ts';
import type { DbOrTrx } from '../db/database.ts';
import { auditFiltersOf, auditHoldForm, auditQuerySchema, pageSchema } from './audit-query.ts';
import { AuditHoldsView, AuditView, MailListView, MailView, type AuditFormValues, type HoldFormValues } from './admin.views.tsx';
import { HOLD_YEARS, createAuditHold, listAuditHolds } from '../audit/audit.retention.ts';
import { inTransaction } from '../db/database.ts';

/** Administrators only, after their second factor: these pages show other people's data. */
const ADMIN: Policy = { roles: ['admin'], personalData: true };
const PAGE_SIZE = 50;

/** The query strings as sent (one value each, else 400); the pages check them with pageSchema and auditQuerySchema and say what is wrong. */
const queryText = z.string().optional();
const mailListQuery = z.object({ pagina: queryText });
const auditQuery = z.object({
  actie: queryText,
  soort: queryText,
  'record-id': queryText,
  'gebruiker-id': queryText,
  van: queryText,
  tot: queryText,
  pagina: queryText,
});
/** A mail's id; anything else is no page (404). */
const mailParams = { id: z.string().regex(UUID_RE) };
const holdsQuery = z.object({ opgeslagen: queryText });

function pageOf(pagina: string | undefined): number {
  const parsed = pageSchema.safeParse(pagina);
  if (!parsed.success) throw BadRequest('admin.invalidPage');
  return parsed.data;
}

/** Text values of the query string, for refilling the search form. */
function formValues(q: z.output<typeof auditQuery>): AuditFormValues {
  const text = (v: string | undefined) => v?.slice(0, 200);
  return {
    actie: text(q.actie),
    soort: text(q.soort),
    'record-id': text(q['record-id']),
    'gebruiker-id': text(q['gebruiker-id']),
    van: text(q.van),
    tot: text(q.tot),
  };
}

/** Administrators' pages: the outbox (to read mails when no SMTP is set) and the audit log. */
/** What the admin pages need from the people module; the app hands it over (the platform imports no module). */
export interface AdminDeps {
  /** Whether every role of this person is a non-admin role in the tenant (or they have no account yet). */
  isWithinAdminReach(db: DbOrTrx, tenantId: string, who: { userId: string | null; email: string }): Promise<boolean>;
  /** Names by user id; deleted accounts left out (the audit log shows them as "verwijderde gebruiker"). */
  userNames(db: DbOrTrx, ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Everyone with a role in the municipality, by name (the audit log's "who" filter). */
  peopleOfTenant(db: DbOrTrx, tenantId: string): Promise<{ id: string; name: string }[]>;
}

export async function adminRoutes(app: FastifyInstance, { isWithinAdminReach, userNames, peopleOfTenant }: AdminDeps): Promise<void> {
  const route = routes(app);

  route.get('/:tenant/beheer/mail', { policy: ADMIN, query: mailListQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const page = pageOf(req.query.pagina);
    const { items, hasMore } = await listOutbox(app.db, tenant.id, { page, pageSize: PAGE_SIZE });
    // The list shows the addresses of other people: a view of personal data, so it is audited (count only).
    await recordAudit(app.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'mail_list',
      entityId: null,
      detail: { page, count: items.length },
    });
    const base = `/${tenant.slug}/beheer/mail`;
    return reply.page(<MailListView ctx={req.viewContext()} base={base} items={items} page={page} hasMore={hasMore} />, {
      title: req.t('admin.mail.title'),
      breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }],
    });
  });

  route.get('/:tenant/beheer/mail/:id', { policy: ADMIN, params: mailParams }, async (req, reply) => {
    const tenant = req.tenant;
    const { id } = req.params;
    const mail = await findOutboxMail(app.db, tenant.id, id);
    if (!mail) throw NotFound();
    // Sign-in, reset and invitation links belong to their addressee: whoever holds one can act as them.
    // Only in demo mode (SEED=demo, no SMTP_URL), where the outbox is how demo users get their links,
    // does an administrator see them, and only for people within their reach (every role a non-admin
    // role in this municipality, or no account yet); never for anyone with a role elsewhere or an admin.
    const demoOutbox = app.config.seed === 'demo' && !app.config.smtpUrl;
    const masked = maskCredentialLinks(mail.text);
    const showLinks = masked.hidden && demoOutbox && (await isWithinAdminReach(app.db, tenant.id, { userId: mail.userId, email: mail.to }));
    const linksHidden = masked.hidden && !showLinks;
    await recordAudit(app.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'mail',
      entityId: mail.id,
      ...(showLinks ? { detail: { credentialLinkShown: true } } : {}),
    });
    const shown = linksHidden ? { ...mail, text: masked.text } : mail;
    return reply.page(<MailView ctx={req.viewContext()} mail={shown} linksHidden={linksHidden} />, {
      title: mail.subject,
      breadcrumbs: [
        { href: `/${tenant.slug}/`, label: tenant.name },
        { href: `/${tenant.slug}/beheer/mail`, label: req.t('admin.mail.title') },
      ],
    });
  });

  route.get('/:tenant/beheer/audit', { policy: ADMIN, query: auditQuery }, async (req, reply) => {
    const tenant = req.tenant;
    const base = `/${tenant.slug}/beheer/audit`;
    const values = formValues(req.query);
    const opts = { title: req.t('admin.audit.title'), breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }] };
    const parsed = parseForm(auditQuerySchema, req.query, req.t);
    const people = await peopleOfTenant(req.db, tenant.id);
    if (!parsed.ok) {
      return reply.page(
        <AuditView
          ctx={req.viewContext()}
          base={base}
          retentionMonths={app.config.auditRetentionMonths}
          values={values}
          errors={parsed.errors}
          result={null}
          page={1}
          people={people}
        />,
        { ...opts, status: 400 },
      );
    }
    const page = parsed.data.pagina;
    const result = await searchAudit(app.db, tenant.id, auditFiltersOf(parsed.data), { page, pageSize: PAGE_SIZE });
    // Names are looked up now, not stored in the log: a renamed person shows their name of today, a deleted one as deleted.
    const ids = result.items.flatMap((r) => (r.actorUserId ? [r.actorUserId] : []));
    const asked = parsed.data['gebruiker-id']?.toLowerCase();
    const names = await userNames(req.db, asked ? [...ids, asked] : ids);
    return reply.page(
      <AuditView
        ctx={req.viewContext()}
        base={base}
        retentionMonths={app.config.auditRetentionMonths}
        values={values}
        result={result}
        page={page}
        names={names}
        people={people}
      />,
      opts,
    );
  });

  // Keep a period of the audit log past the retention (docs/decisions/0010-audit-log-retention.md).
  const holdsPage = async (
    req: { tenant: { id: string; slug: string; name: string }; viewContext: () => ViewContext; t: Translate },
    reply: FastifyReply,
    view: { saved?: boolean; values?: HoldFormValues; errors?: FieldErrors; status?: number },
  ) => {
    const tenant = req.tenant;
    const holds = await listAuditHolds(app.db, tenant.id, app.clock.now());
    return reply.page(
      <AuditHoldsView
        ctx={req.viewContext()}
        action={`/${tenant.slug}/beheer/audit/bewaren`}
        months={app.config.auditRetentionMonths}
        years={HOLD_YEARS}
        holds={holds}
        saved={view.saved ?? false}
        values={view.values}
        errors={view.errors}
      />,
      {
        title: req.t('admin.hold.title'),
        breadcrumbs: [
          { href: `/${tenant.slug}/`, label: tenant.name },
          { href: `/${tenant.slug}/beheer/audit`, label: req.t('admin.audit.title') },
        ],
        ...(view.status ? { status: view.status } : {}),
      },
    );
  };

  route.get('/:tenant/beheer/audit/bewaren', { policy: ADMIN, query: holdsQuery }, async (req, reply) =>
    holdsPage(req, reply, { saved: req.query.opgeslagen === '1' }),
  );

  route.post(
    '/:tenant/beheer/audit/bewaren',
    {
      policy: ADMIN,
      form: auditHoldForm,
      invalid: (req, reply, errors, values, status) => {
        const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 500) : undefined);
        return holdsPage(req, reply, { errors, status, values: { van: one(values.van), tot: one(values.tot), reden: one(values.reden) } });
      },
    },
    async (req, reply) => {
      const tenant = req.tenant;
      await inTransaction(app.db, async (trx) => {
        const hold = await createAuditHold(trx, tenant.id, {
          fromDay: req.body.van,
          toDay: req.body.tot,
          reason: req.body.reden,
          createdBy: req.user?.id ?? null,
          now: app.clock.now(),
        });
        // The reason is the administrator's own words: it stays in the holds table, not in the log.
        await recordAudit(trx, {
          ...auditFrom(req),
          action: 'create',
          entity: 'audit_hold',
          entityId: hold.id,
          detail: { from: hold.fromDay, until: hold.toDay, keptUntil: hold.keptUntil },
        });
      });
      return reply.redirect(`/${tenant.slug}/beheer/audit/bewaren?opgeslagen=1`, 303);
    },
  );
}
