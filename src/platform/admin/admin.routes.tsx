import type { FastifyInstance, FastifyRequest } from 'fastify';
import './admin.messages.ts';
import type { Policy } from '../http/policy.ts';
import { parseForm } from '../http/forms.ts';
import { BadRequest, NotFound } from '../errors.ts';
import { requireTenant } from '../http/tenant.ts';
import { auditFrom, recordAudit } from '../audit/audit.service.ts';
import { searchAudit } from '../audit/audit.search.ts';
import { findOutboxMail, listOutbox, maskCredentialLinks } from '../mail/outbox.ts';
import type { DbOrTrx } from '../db/database.ts';
import { auditFiltersOf, auditQuerySchema, pageSchema } from './audit-query.ts';
import { AuditView, MailListView, MailView, type AuditFormValues } from './admin.views.tsx';

/** Administrators only, after their second factor: these pages show other people's data. */
const ADMIN: Policy = { roles: ['admin'], personalData: true };
const PAGE_SIZE = 50;

function pageOf(req: FastifyRequest): number {
  const parsed = pageSchema.safeParse((req.query as Record<string, unknown>).pagina);
  if (!parsed.success) throw BadRequest('admin.invalidPage');
  return parsed.data;
}

/** Text values of the query string, for refilling the search form. */
function formValues(query: unknown): AuditFormValues {
  const q = (query ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).slice(0, 200) : undefined);
  return {
    actie: text('actie'),
    soort: text('soort'),
    'record-id': text('record-id'),
    'gebruiker-id': text('gebruiker-id'),
    van: text('van'),
    tot: text('tot'),
  };
}

/** Administrators' pages: the outbox (to read mails when no SMTP is set) and the audit log. */
/** What the admin pages need from the people module; the app hands it over (the platform imports no module). */
export interface AdminDeps {
  /** Whether every role of this person is a non-admin role in the tenant (or they have no account yet). */
  isWithinAdminReach(db: DbOrTrx, tenantId: string, who: { userId: string | null; email: string }): Promise<boolean>;
}

export async function adminRoutes(app: FastifyInstance, { isWithinAdminReach }: AdminDeps): Promise<void> {
  app.get('/:tenant/beheer/mail', { config: { policy: ADMIN } }, async (req, reply) => {
    const tenant = requireTenant(req);
    const page = pageOf(req);
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

  app.get('/:tenant/beheer/mail/:id', { config: { policy: ADMIN } }, async (req, reply) => {
    const tenant = requireTenant(req);
    const { id } = req.params as { id: string };
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

  app.get('/:tenant/beheer/audit', { config: { policy: ADMIN } }, async (req, reply) => {
    const tenant = requireTenant(req);
    const base = `/${tenant.slug}/beheer/audit`;
    const values = formValues(req.query);
    const opts = { title: req.t('admin.audit.title'), breadcrumbs: [{ href: `/${tenant.slug}/`, label: tenant.name }] };
    const parsed = parseForm(auditQuerySchema, req.query, req.t);
    if (!parsed.ok) {
      return reply.page(<AuditView ctx={req.viewContext()} base={base} values={values} errors={parsed.errors} result={null} page={1} />, {
        ...opts,
        status: 400,
      });
    }
    const page = parsed.data.pagina;
    const result = await searchAudit(app.db, tenant.id, auditFiltersOf(parsed.data), { page, pageSize: PAGE_SIZE });
    return reply.page(<AuditView ctx={req.viewContext()} base={base} values={values} result={result} page={page} />, opts);
  });
}
