import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { describedBy, Form, SubmitButton } from '../../../../ui/form.tsx';
import { type Translate } from '../../../../platform/i18n/index.ts';
import { formatDay, formatMoment } from '../../dates.ts';
import type { ActionItem } from '../actions.presenter.ts';
import type { HistoryStep, SignalDetail } from '../../signals.presenter.ts';
import { MAX_REOPEN_MESSAGE } from '../actions.schemas.ts';
import { DueDate, failedFor, Field, FormErrors, OwnerSelect, TextBox } from './action-fields.tsx';

/** What the signal page needs to show the network actions and a reopen request (built by loadActionsPanel). */
export interface ActionsPanel {
  actions: ActionItem[];
  /** Actions the viewer may update, by id. */
  updatable: readonly string[];
  canAdd: boolean;
  /** Every organisation of the tenant (choices for a new action). */
  organisations: readonly { id: string; name: string }[];
  /** Possible owners: members of an organisation of the tenant. */
  members: readonly { userId: string; name: string; organisationId: string; organisationName: string }[];
  openCount: number;
  /** Overdue open actions, by id. */
  overdue: readonly string[];
  today: string;
  reopenRequest: { at: Date; reason: string | null } | null;
  canDecideReopen: boolean;
  /** A refused form ('nieuw', or '<actionId>/klaar|vervallen|wijzigen'): shown open with its messages and what was typed. */
  failed: { form: string; errors: Record<string, string>; values: Record<string, string> } | null;
}

/** The label of a history row that stays in the same state (reassigning, an action, a reopen request). */
export function sameStateLabel(t: Translate, h: Pick<HistoryStep, 'reason'>): string {
  if (h.reason === 'action') return t('signals.actions.historyLabel');
  if (h.reason === 'reopen_request') return t('signals.reopen.historyLabel');
  if (h.reason === 'reopen_declined') return t('signals.reopen.declinedLabel');
  return t('signals.handle.reassigned');
}

/** The forms to finish, drop or change one open action (inside a disclosure; works without JavaScript). */
function UpdateForms({
  ctx,
  base,
  action,
  n,
  panel,
}: {
  ctx: ViewContext;
  base: string;
  action: ActionItem;
  n: number;
  panel: ActionsPanel;
}) {
  const { t } = ctx;
  const path = `${base}/acties/${action.id}`;
  const done = failedFor(panel, `${action.id}/klaar`);
  const drop = failedFor(panel, `${action.id}/vervallen`);
  const edit = failedFor(panel, `${action.id}/wijzigen`);
  const open = panel.failed?.form.startsWith(`${action.id}/`) ? true : undefined;
  const ids = { result: `actie-${n}-result`, reason: `actie-${n}-reason`, ownerUserId: `actie-${n}-owner`, dueDate: `actie-${n}-due` };
  return (
    <details class="signals-action-update" open={open}>
      <summary>{t('signals.actions.update', { description: action.description.slice(0, 60) })}</summary>
      <FormErrors ctx={ctx} errors={{ ...done.errors, ...drop.errors, ...edit.errors }} ids={{ ...ids, '*': ids.result }} />
      <Form ctx={ctx} action={`${path}/klaar`} label={t('signals.actions.done')}>
        <TextBox
          id={ids.result}
          name="result"
          label={t('signals.actions.field.result')}
          {...(done.values.result ? { value: done.values.result } : {})}
          {...(done.errors.result ? { error: done.errors.result } : {})}
        />
        <SubmitButton>{t('signals.actions.done')}</SubmitButton>
      </Form>
      <Form ctx={ctx} action={`${path}/vervallen`} label={t('signals.actions.drop')}>
        <TextBox
          id={ids.reason}
          name="reason"
          label={t('signals.actions.field.reason')}
          {...(drop.values.reason ? { value: drop.values.reason } : {})}
          {...(drop.errors.reason ? { error: drop.errors.reason } : {})}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.actions.drop')}
        </button>
      </Form>
      <Form ctx={ctx} action={`${path}/wijzigen`} label={t('signals.actions.change')}>
        <OwnerSelect
          ctx={ctx}
          id={ids.ownerUserId}
          panel={panel}
          organisationId={action.organisationId}
          value={edit.values.ownerUserId ?? action.ownerUserId}
          error={edit.errors.ownerUserId}
        />
        <DueDate
          ctx={ctx}
          id={ids.dueDate}
          value={edit.values.dueDate ?? action.dueDate}
          min={panel.today}
          {...(edit.errors.dueDate ? { error: edit.errors.dueDate } : {})}
        />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.actions.change')}
        </button>
      </Form>
    </details>
  );
}

const COLUMNS = ['organisation', 'description', 'owner', 'due', 'status', 'result'] as const;

/** "Acties in het netwerk": the actions of a signal with their state, and the forms the viewer may use. */
export function ActionsSection({
  ctx,
  slug,
  signal,
  panel,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  panel: ActionsPanel;
}) {
  const { t, locale } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.publicId}`;
  const added = failedFor(panel, 'nieuw');
  const addIds = {
    organisationId: 'actie-nieuw-organisatie',
    description: 'actie-nieuw-wat',
    ownerUserId: 'actie-nieuw-wie',
    dueDate: 'actie-nieuw-datum',
  };
  const chosenOrg = added.values.organisationId ?? signal.organisationId;
  const orgName = (id: string) => panel.organisations.find((o) => o.id === id)?.name ?? '—';
  const owner = (a: ActionItem) =>
    panel.members.find((m) => m.userId === a.ownerUserId)?.name ?? (a.ownerUserId ? '—' : t('signals.actions.noOwner'));
  return (
    <section class="section" aria-labelledby="acties" id="acties-sectie">
      <h2 class="utrecht-heading-2" id="acties">
        {t('signals.actions.title')}
      </h2>
      <p class="utrecht-paragraph">{t('signals.actions.intro')}</p>
      {panel.actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.actions.none')}</p>
      ) : (
        <table class="utrecht-table data-table data-table--reflow" id="acties-tabel">
          <caption class="utrecht-table__caption">{t('signals.actions.caption', { n: panel.actions.length })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {COLUMNS.map((c) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {t(`signals.actions.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {panel.actions.map((a) => {
              // Each cell carries its column name: on a phone the rows stack and the name shows before the value.
              const cell = (c: (typeof COLUMNS)[number], children: ComponentChildren) => (
                <td class="utrecht-table__cell" data-label={t(`signals.actions.col.${c}`)}>
                  {children}
                </td>
              );
              return (
                <tr class="utrecht-table__row" data-action={a.id}>
                  {cell('organisation', orgName(a.organisationId))}
                  {cell('description', a.description)}
                  {cell('owner', owner(a))}
                  {cell(
                    'due',
                    <>
                      {a.dueDate ? formatDay(locale, a.dueDate) : '—'}
                      {panel.overdue.includes(a.id) && <strong> ({t('signals.actions.late')})</strong>}
                    </>,
                  )}
                  {cell('status', t(`signals.actions.status.${a.status}`))}
                  {cell('result', a.result ?? '—')}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {panel.actions.map(
        (a, i) =>
          a.status === 'open' && panel.updatable.includes(a.id) && <UpdateForms ctx={ctx} base={base} action={a} n={i + 1} panel={panel} />,
      )}
      {panel.canAdd && (
        <details class="signals-action-add" open={panel.actions.length === 0 || panel.failed?.form === 'nieuw' ? true : undefined}>
          <summary>{t('signals.actions.add')}</summary>
          <FormErrors ctx={ctx} errors={added.errors} ids={{ ...addIds, '*': addIds.description }} />
          <Form ctx={ctx} action={`${base}/acties`} label={t('signals.actions.add')}>
            <Field
              id={addIds.organisationId}
              label={t('signals.actions.field.organisation')}
              {...(added.errors.organisationId ? { error: added.errors.organisationId } : {})}
            >
              <select
                class="utrecht-select utrecht-select--html-select"
                id={addIds.organisationId}
                name="organisationId"
                aria-invalid={added.errors.organisationId ? 'true' : undefined}
                aria-describedby={describedBy(addIds.organisationId, undefined, added.errors.organisationId)}
              >
                {panel.organisations.map((o) => (
                  <option value={o.id} selected={o.id === chosenOrg}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <TextBox
              id={addIds.description}
              name="description"
              label={t('signals.actions.field.description')}
              hint={t('signals.actions.field.descriptionHint')}
              rows={3}
              {...(added.values.description ? { value: added.values.description } : {})}
              {...(added.errors.description ? { error: added.errors.description } : {})}
            />
            <OwnerSelect
              ctx={ctx}
              id={addIds.ownerUserId}
              panel={panel}
              value={added.values.ownerUserId ?? null}
              error={added.errors.ownerUserId}
            />
            <DueDate
              ctx={ctx}
              id={addIds.dueDate}
              min={panel.today}
              value={added.values.dueDate ?? null}
              {...(added.errors.dueDate ? { error: added.errors.dueDate } : {})}
            />
            <SubmitButton>{t('signals.actions.add')}</SubmitButton>
          </Form>
        </details>
      )}
    </section>
  );
}

/** Near the close step: why the signal cannot be closed yet. */
export function OpenActionsHint({ ctx, panel }: { ctx: ViewContext; panel: ActionsPanel | undefined }) {
  if (!panel || panel.openCount === 0) return null;
  return (
    <p class="utrecht-paragraph notice notice--warning" id="open-acties">
      <strong>{ctx.t('signals.actions.warning')}</strong> {ctx.t('signals.actions.openHint', { n: panel.openCount })}
    </p>
  );
}

/** A reporter's request to reopen, shown at the top of the signal page; coordinators decide. */
export function ReopenRequestBox({
  ctx,
  slug,
  signal,
  panel,
}: {
  ctx: ViewContext;
  slug: string;
  signal: SignalDetail;
  panel: ActionsPanel | undefined;
}) {
  if (!panel?.reopenRequest) return null;
  const { t, locale } = ctx;
  const r = panel.reopenRequest;
  return (
    <section class="utrecht-alert utrecht-alert--warning section" aria-labelledby="heropenen" id="heropenen-verzoek">
      <h2 class="utrecht-heading-2" id="heropenen">
        {t('signals.reopen.title')}
      </h2>
      <p class="utrecht-paragraph">{t('signals.reopen.text', { date: formatMoment(locale, r.at) })}</p>
      <p class="utrecht-paragraph">
        {t('signals.reopen.reason')}: {r.reason ?? t('signals.reopen.noReason')}
      </p>
      {panel.canDecideReopen ? (
        <Form ctx={ctx} action={`/${slug}/meldingen/behandelen/${signal.publicId}/heropenen`} label={t('signals.reopen.title')}>
          <Field id="heropenen-bericht" label={t('signals.reopen.message')} hint={t('signals.reopen.messageHint')}>
            <textarea
              class="utrecht-textarea utrecht-textarea--html-textarea"
              id="heropenen-bericht"
              name="message"
              rows={3}
              maxLength={MAX_REOPEN_MESSAGE}
              aria-describedby="heropenen-bericht-hint"
            />
          </Field>
          <div class="button-row">
            <button type="submit" name="decision" value="heropenen" class="utrecht-button utrecht-button--primary-action">
              {t('signals.reopen.reopen')}
            </button>{' '}
            <button type="submit" name="decision" value="niet" class="utrecht-button utrecht-button--secondary-action">
              {t('signals.reopen.decline')}
            </button>
          </div>
        </Form>
      ) : (
        <p class="utrecht-paragraph">{t('signals.reopen.onlyCoordinator')}</p>
      )}
    </section>
  );
}
