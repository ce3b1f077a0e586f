import type { ViewContext } from '../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../ui/form.tsx';
import { Notice } from '../../ui/notice.tsx';
import type { AuditHold } from '../audit/audit.retention.ts';
import { formatDateTime, formatDay, isMessageKey, type Translate } from '../i18n/index.ts';
import type { OutboxListItem, OutboxMail } from '../mail/outbox.ts';
import type { AuditRow } from '../audit/audit.search.ts';
import { DataTable } from '../../ui/table.tsx';
import { isUuid } from '../ids.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditLabel } from '../audit/audit.labels.ts';

/** Previous/next links for a paged list; `href(page)` builds the address of a page. */
export function Pager({ ctx, page, hasMore, href }: { ctx: ViewContext; page: number; hasMore: boolean; href: (page: number) => string }) {
  if (page === 1 && !hasMore) return null;
  const { t } = ctx;
  return (
    <nav class="pager" aria-label={t('admin.pager.label')}>
      <ul class="site-nav__list">
        {page > 1 && (
          <li>
            <a class="utrecht-link" rel="prev" href={href(page - 1)}>
              {t('admin.pager.previous')}
            </a>
          </li>
        )}
        <li aria-current="page">{t('admin.pager.page', { page })}</li>
        {hasMore && (
          <li>
            <a class="utrecht-link" rel="next" href={href(page + 1)}>
              {t('admin.pager.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The label of a mail's status; the status comes from the database, so its key is checked. */
const statusLabel = (t: Translate, status: string) => {
  const key = `admin.mail.status.${status}`;
  return isMessageKey(key) ? t(key) : status;
};

/** The outbox of a tenant: newest first. */
export function MailListView({
  ctx,
  base,
  items,
  page,
  hasMore,
}: {
  ctx: ViewContext;
  base: string;
  items: OutboxListItem[];
  page: number;
  hasMore: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('admin.mail.title')}</h1>
      <p class="utrecht-paragraph">{t('admin.mail.lead')}</p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('admin.mail.empty')}</p>
      ) : (
        <DataTable columns={[t('admin.mail.date'), t('admin.mail.to'), t('admin.mail.subject'), t('admin.mail.status')]}>
          {items.map((m) => (
            <tr>
              <td>{formatDateTime(locale, m.createdAt)}</td>
              <td>{m.to}</td>
              <td>
                <a class="utrecht-link" href={`${base}/${m.id}`}>
                  {m.subject}
                </a>
              </td>
              <td>{statusLabel(t, m.status)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager ctx={ctx} page={page} hasMore={hasMore} href={(p) => `${base}?pagina=${p}`} />
    </>
  );
}

/** One mail in full; links stay plain text so nobody signs in as someone else by a click. */
export function MailView({ ctx, mail, linksHidden = false }: { ctx: ViewContext; mail: OutboxMail; linksHidden?: boolean }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{mail.subject}</h1>
      <p class="utrecht-paragraph">{t('admin.mail.personalData')}</p>
      <dl class="details">
        <dt>{t('admin.mail.to')}</dt>
        <dd>{mail.to}</dd>
        <dt>{t('admin.mail.date')}</dt>
        <dd>{formatDateTime(locale, mail.createdAt)}</dd>
        <dt>{t('admin.mail.status')}</dt>
        <dd>{statusLabel(t, mail.status)}</dd>
        {mail.sentAt && (
          <>
            <dt>{t('admin.mail.sentAt')}</dt>
            <dd>{formatDateTime(locale, mail.sentAt)}</dd>
          </>
        )}
      </dl>
      <h2 class="utrecht-heading-2">{t('admin.mail.text')}</h2>
      {linksHidden && <p class="utrecht-paragraph">{t('admin.mail.linksHidden')}</p>}
      <pre class="mail-text" lang={mail.locale}>
        {mail.text}
      </pre>
    </>
  );
}

export interface AuditFormValues {
  actie?: string | undefined;
  soort?: string | undefined;
  'record-id'?: string | undefined;
  'gebruiker-id'?: string | undefined;
  van?: string | undefined;
  tot?: string | undefined;
}

/** Options of a code filter: "all", then the known codes by their label; a code given in the address that is not known stays choosable. */
function codeOptions(t: Translate, kind: 'action' | 'entity', known: readonly string[], current: string | undefined) {
  const codes = current && !known.includes(current) ? [...known, current] : known;
  const labelled = codes.map((code) => ({
    value: code,
    label: auditLabel(t, kind, code) === code ? t('audit.filter.otherCode', { code }) : auditLabel(t, kind, code),
  }));
  labelled.sort((a, b) => a.label.localeCompare(b.label));
  return [{ value: '', label: t(kind === 'action' ? 'audit.filter.allActions' : 'audit.filter.allEntities') }, ...labelled];
}

/**
 * Search form (GET) and results of the audit log: people by name (resolved when the page is
 * shown; an account that no longer exists is "verwijderde gebruiker"), actions and kinds of
 * record in words, filters as selects and date pickers.
 */
export function AuditView({
  ctx,
  base,
  values,
  errors,
  result,
  page,
  names = new Map(),
  people = [],
  retentionMonths,
}: {
  ctx: ViewContext;
  base: string;
  /** AUDIT_RETENTION_MONTHS, said on the page. */
  retentionMonths: number;
  values: AuditFormValues;
  errors?: FieldErrors | undefined;
  result: { items: AuditRow[]; hasMore: boolean } | null;
  page: number;
  /** Names of the people in `result`, by user id; a missing id is a deleted account. */
  names?: ReadonlyMap<string, string>;
  /** The people of the municipality, for the "who" filter. */
  people?: readonly { id: string; name: string }[];
}) {
  const { t, locale } = ctx;
  const nameOf = (id: string) => names.get(id) ?? t('audit.deletedUser');
  const current = values['gebruiker-id']?.toLowerCase();
  // Someone in the address who has no role here (any more): their name, "deleted user", or the text as typed.
  const other =
    current && !people.some((p) => p.id === current) ? (names.get(current) ?? (isUuid(current) ? t('audit.deletedUser') : current)) : null;
  const personOptions = [
    { value: '', label: t('audit.filter.everyone') },
    ...people.map((p) => ({ value: p.id, label: p.name })),
    ...(current && other ? [{ value: current, label: other }] : []),
  ];
  const query = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const pageHref = (p: number) => {
    const q = new URLSearchParams(query);
    q.set('pagina', String(p));
    return `${base}?${q.toString()}`;
  };
  return (
    <>
      <h1 class="utrecht-heading-1">{t('admin.audit.title')}</h1>
      <p class="utrecht-paragraph">{t('admin.audit.lead')}</p>
      <p class="utrecht-paragraph">
        {t('admin.audit.retention', { months: retentionMonths })}{' '}
        <a class="utrecht-link" href={`${base}/bewaren`}>
          {t('admin.audit.holdsLink')}
        </a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={base} class="form" role="search" aria-label={t('admin.audit.searchLabel')}>
        <SelectField
          name="actie"
          label={t('admin.audit.action')}
          value={values.actie}
          error={errors?.actie}
          options={codeOptions(t, 'action', AUDIT_ACTIONS, values.actie)}
        />
        <SelectField
          name="soort"
          label={t('admin.audit.entity')}
          value={values.soort}
          error={errors?.soort}
          options={codeOptions(t, 'entity', AUDIT_ENTITIES, values.soort)}
        />
        <SelectField
          name="gebruiker-id"
          label={t('audit.filter.person')}
          value={current}
          error={errors?.['gebruiker-id']}
          options={personOptions}
        />
        <TextField
          name="record-id"
          label={t('admin.audit.entityId')}
          value={values['record-id']}
          error={errors?.['record-id']}
          maxLength={200}
        />
        <TextField name="van" type="date" label={t('admin.audit.from')} value={values.van} error={errors?.van} maxLength={10} />
        <TextField name="tot" type="date" label={t('admin.audit.until')} value={values.tot} error={errors?.tot} maxLength={10} />
        <SubmitButton>{t('admin.audit.search')}</SubmitButton>
      </form>
      {result &&
        (result.items.length === 0 ? (
          <p class="utrecht-paragraph">{t('admin.audit.empty')}</p>
        ) : (
          <DataTable
            columns={[
              t('admin.audit.time'),
              t('admin.audit.actor'),
              t('admin.audit.action'),
              t('admin.audit.entity'),
              t('admin.audit.entityId'),
              t('admin.audit.network'),
            ]}
          >
            {result.items.map((r) => (
              <tr>
                <td>{formatDateTime(locale, r.at)}</td>
                <td>
                  {r.actorUserId ? (
                    <a
                      class="utrecht-link"
                      href={`${base}?gebruiker-id=${encodeURIComponent(r.actorUserId)}`}
                      aria-label={t('audit.byPerson', { name: nameOf(r.actorUserId) })}
                    >
                      {nameOf(r.actorUserId)}
                    </a>
                  ) : (
                    t('admin.audit.system')
                  )}
                </td>
                <td>{auditLabel(t, 'action', r.action)}</td>
                <td>{auditLabel(t, 'entity', r.entity)}</td>
                <td>{r.entityId ?? ''}</td>
                <td>{r.ip ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        ))}
      {result && <Pager ctx={ctx} page={page} hasMore={result.hasMore} href={pageHref} />}
    </>
  );
}

/** The values of the hold form as typed, for refilling it after an error. */
export interface HoldFormValues {
  van?: string | undefined;
  tot?: string | undefined;
  reden?: string | undefined;
}

/**
 * Keep a period of the audit log past the retention (an incident): the retention in words, the
 * periods kept now, and a form for a new one. Works without JavaScript.
 */
export function AuditHoldsView({
  ctx,
  action,
  months,
  years,
  holds,
  saved,
  values = {},
  errors,
}: {
  ctx: ViewContext;
  action: string;
  months: number;
  years: number;
  holds: readonly AuditHold[];
  saved: boolean;
  values?: HoldFormValues;
  errors?: FieldErrors | undefined;
}) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('admin.hold.title')}</h1>
      <Notice ctx={ctx} messageKey={saved ? 'admin.hold.saved' : null} />
      <p class="utrecht-paragraph">{t('admin.hold.lead', { months })}</p>
      <h2 class="utrecht-heading-2">{t('admin.hold.current')}</h2>
      {holds.length === 0 ? (
        <p class="utrecht-paragraph">{t('admin.hold.none')}</p>
      ) : (
        <DataTable columns={[t('admin.hold.period'), t('admin.hold.keptUntil'), t('admin.hold.reason'), t('admin.hold.madeOn')]}>
          {holds.map((h) => (
            <tr>
              <td>{t('admin.hold.periodValue', { from: formatDay(locale, h.fromDay), until: formatDay(locale, h.toDay) })}</td>
              <td>{formatDay(locale, h.keptUntil)}</td>
              <td>{h.reason}</td>
              <td>{formatDateTime(locale, h.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2 class="utrecht-heading-2">{t('admin.hold.new')}</h2>
      <p class="utrecht-paragraph">{t('admin.hold.leadIncident', { years })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={action} label={t('admin.hold.new')}>
        <TextField
          name="van"
          type="date"
          label={t('admin.hold.from')}
          hint={t('admin.audit.dateHint')}
          value={values.van}
          error={errors?.van}
          maxLength={10}
        />
        <TextField
          name="tot"
          type="date"
          label={t('admin.hold.until')}
          hint={t('admin.audit.dateHint')}
          value={values.tot}
          error={errors?.tot}
          maxLength={10}
        />
        <TextAreaField
          name="reden"
          label={t('admin.hold.reason')}
          hint={t('admin.hold.reasonHint')}
          value={values.reden}
          error={errors?.reden}
          maxLength={500}
          rows={3}
        />
        <SubmitButton>{t('admin.hold.submit')}</SubmitButton>
      </Form>
    </>
  );
}
