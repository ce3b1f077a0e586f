import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { FieldFrame, Form, SubmitButton } from '../../../../ui/form.tsx';
import { formatDateTime, type Translate } from '../../../../platform/i18n/index.ts';
import type { ActionItem } from '../actions.presenter.ts';
import type { HistoryStep, SignalDetail } from '../../signals.presenter.ts';
import { MAX_ACTION_TEXT, MAX_REOPEN_MESSAGE } from '../actions.schemas.ts';

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
}

/** The label of a history row that stays in the same state (reassigning, an action, a reopen request). */
export function sameStateLabel(t: Translate, h: Pick<HistoryStep, 'reason'>): string {
  if (h.reason === 'action') return t('signals.actions.historyLabel');
  if (h.reason === 'reopen_request') return t('signals.reopen.historyLabel');
  if (h.reason === 'reopen_declined') return t('signals.reopen.declinedLabel');
  return t('signals.handle.reassigned');
}

/** A labelled control with a hint; ids are given, so several forms of the same kind fit on one page. */
function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} extraClass=" utrecht-form-field--text">
      {children}
    </FieldFrame>
  );
}

function TextBox({ id, name, label, hint, rows = 2 }: { id: string; name: string; label: string; hint?: string; rows?: number }) {
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})}>
      <textarea
        class="utrecht-textarea utrecht-textarea--html-textarea"
        id={id}
        name={name}
        rows={rows}
        maxLength={MAX_ACTION_TEXT}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </Field>
  );
}

function OwnerSelect({
  ctx,
  id,
  panel,
  organisationId,
  value,
}: {
  ctx: ViewContext;
  id: string;
  panel: ActionsPanel;
  organisationId?: string;
  value?: string | null;
}) {
  const members = organisationId ? panel.members.filter((m) => m.organisationId === organisationId) : panel.members;
  return (
    <Field id={id} label={ctx.t('signals.actions.field.owner')} hint={ctx.t('signals.actions.field.ownerHint')}>
      <select class="utrecht-select utrecht-select--html-select" id={id} name="ownerUserId" aria-describedby={`${id}-hint`}>
        <option value="">{ctx.t('signals.actions.nobody')}</option>
        {members.map((m) => (
          <option value={m.userId} selected={m.userId === value}>
            {organisationId ? m.name : `${m.name} (${m.organisationName})`}
          </option>
        ))}
      </select>
    </Field>
  );
}

function DueDate({ ctx, id, value, min }: { ctx: ViewContext; id: string; value?: string | null; min: string }) {
  return (
    <Field id={id} label={ctx.t('signals.actions.field.due')} hint={ctx.t('signals.actions.field.dueHint')}>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="date"
        id={id}
        name="dueDate"
        value={value ?? ''}
        min={min}
        aria-describedby={`${id}-hint`}
      />
    </Field>
  );
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
  return (
    <details class="signals-action-update">
      <summary>{t('signals.actions.update', { description: action.description.slice(0, 60) })}</summary>
      <Form ctx={ctx} action={`${path}/klaar`} label={t('signals.actions.done')}>
        <TextBox id={`actie-${n}-result`} name="result" label={t('signals.actions.field.result')} />
        <SubmitButton>{t('signals.actions.done')}</SubmitButton>
      </Form>
      <Form ctx={ctx} action={`${path}/vervallen`} label={t('signals.actions.drop')}>
        <TextBox id={`actie-${n}-reason`} name="reason" label={t('signals.actions.field.reason')} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.actions.drop')}
        </button>
      </Form>
      <Form ctx={ctx} action={`${path}/wijzigen`} label={t('signals.actions.change')}>
        <OwnerSelect ctx={ctx} id={`actie-${n}-owner`} panel={panel} organisationId={action.organisationId} value={action.ownerUserId} />
        <DueDate ctx={ctx} id={`actie-${n}-due`} value={action.dueDate} min={panel.today} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {t('signals.actions.change')}
        </button>
      </Form>
    </details>
  );
}

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
  const { t } = ctx;
  const base = `/${slug}/meldingen/behandelen/${signal.publicId}`;
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
        <table class="utrecht-table" id="acties-tabel">
          <caption class="utrecht-table__caption">{t('signals.actions.caption', { n: panel.actions.length })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {(['organisation', 'description', 'owner', 'due', 'status', 'result'] as const).map((c) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {t(`signals.actions.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {panel.actions.map((a) => (
              <tr class="utrecht-table__row" data-action={a.id}>
                <td class="utrecht-table__cell">{orgName(a.organisationId)}</td>
                <td class="utrecht-table__cell">{a.description}</td>
                <td class="utrecht-table__cell">{owner(a)}</td>
                <td class="utrecht-table__cell">
                  {a.dueDate ?? '—'}
                  {panel.overdue.includes(a.id) && <strong> ({t('signals.actions.late')})</strong>}
                </td>
                <td class="utrecht-table__cell">{t(`signals.actions.status.${a.status}`)}</td>
                <td class="utrecht-table__cell">{a.result ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {panel.actions.map(
        (a, i) =>
          a.status === 'open' && panel.updatable.includes(a.id) && <UpdateForms ctx={ctx} base={base} action={a} n={i + 1} panel={panel} />,
      )}
      {panel.canAdd && (
        <details class="signals-action-add" open={panel.actions.length === 0 ? true : undefined}>
          <summary>{t('signals.actions.add')}</summary>
          <Form ctx={ctx} action={`${base}/acties`} label={t('signals.actions.add')}>
            <Field id="actie-nieuw-organisatie" label={t('signals.actions.field.organisation')}>
              <select class="utrecht-select utrecht-select--html-select" id="actie-nieuw-organisatie" name="organisationId">
                {panel.organisations.map((o) => (
                  <option value={o.id} selected={o.id === signal.organisationId}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <TextBox
              id="actie-nieuw-wat"
              name="description"
              label={t('signals.actions.field.description')}
              hint={t('signals.actions.field.descriptionHint')}
              rows={3}
            />
            <OwnerSelect ctx={ctx} id="actie-nieuw-wie" panel={panel} />
            <DueDate ctx={ctx} id="actie-nieuw-datum" min={panel.today} />
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
    <p class="utrecht-paragraph notice" id="open-acties">
      {ctx.t('signals.actions.openHint', { n: panel.openCount })}
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
      <p class="utrecht-paragraph">{t('signals.reopen.text', { date: formatDateTime(locale, r.at) })}</p>
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
