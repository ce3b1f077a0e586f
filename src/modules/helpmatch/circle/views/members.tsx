import { MAX } from '../../helpmatch.schemas.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import { formatDateTime, type MessageKey } from '../../../../platform/i18n/index.ts';
import type { CircleInvitationView, CircleMember, CircleView } from '../circle.presenter.ts';
import { circleBase } from './list.tsx';
import { ButtonForm } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';

/** Members of the circle; the owner invites, withdraws invitations, removes members and can close the circle; others can leave. */
export function MembersPage({
  ctx,
  circle,
  members,
  invitations,
  inviteDays,
  notice,
  values,
  errors,
}: {
  ctx: ViewContext;
  circle: CircleView;
  members: CircleMember[];
  invitations: CircleInvitationView[];
  inviteDays: number;
  notice: MessageKey | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const base = `${circleBase(ctx)}/${circle.id}`;
  const owner = circle.role === 'owner';
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.circle.members.title', { name: circle.personName })}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('helpmatch.circle.members.name')}</th>
              <th scope="col">{t('helpmatch.circle.members.role')}</th>
              <th scope="col">{t('helpmatch.circle.members.since')}</th>
              {owner && <th scope="col">{t('helpmatch.circle.week.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <th scope="row">{m.name}</th>
                <td>{t(m.role === 'owner' ? 'helpmatch.circle.roleOwner' : 'helpmatch.circle.roleMember')}</td>
                <td>{formatDateTime(ctx.locale, m.joinedAt)}</td>
                {owner && (
                  <td>
                    {m.role !== 'owner' && (
                      <ButtonForm
                        ctx={ctx}
                        action={`${base}/leden/${m.userId}/verwijderen`}
                        label={t('helpmatch.circle.members.removeLabel', { name: m.name })}
                      >
                        {t('helpmatch.circle.members.remove')}
                      </ButtonForm>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner && (
        <>
          <section aria-labelledby="kring-uitnodigen">
            <h2 class="utrecht-heading-2" id="kring-uitnodigen">
              {t('helpmatch.circle.invite.title')}
            </h2>
            <p class="utrecht-paragraph">{t('helpmatch.circle.invite.hint', { days: inviteDays })}</p>
            <ErrorSummary ctx={ctx} errors={errors} />
            <Form ctx={ctx} action={`${base}/uitnodigen`}>
              <TextField
                name="email"
                type="email"
                label={t('helpmatch.circle.invite.email')}
                value={values?.email}
                error={errors?.email}
                required
                autocomplete="off"
                maxLength={MAX.email}
              />
              <TextField
                name="name"
                label={t('helpmatch.circle.invite.name')}
                value={values?.name}
                error={errors?.name}
                required
                autocomplete="off"
                maxLength={MAX.title}
              />
              <SubmitButton>{t('helpmatch.circle.invite.submit')}</SubmitButton>
            </Form>
          </section>
          {invitations.length > 0 && (
            <section aria-labelledby="kring-open-uitnodigingen">
              <h2 class="utrecht-heading-2" id="kring-open-uitnodigingen">
                {t('helpmatch.circle.invite.open')}
              </h2>
              <ul class="utrecht-unordered-list">
                {invitations.map((i) => (
                  <li>
                    {i.name} ({i.email}), {t('helpmatch.circle.invite.until', { date: formatDateTime(ctx.locale, i.expiresAt) })}{' '}
                    <ButtonForm
                      ctx={ctx}
                      action={`${base}/uitnodigingen/${i.id}/intrekken`}
                      label={t('helpmatch.circle.invite.revokeLabel', { email: i.email })}
                    >
                      {t('helpmatch.circle.invite.revoke')}
                    </ButtonForm>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="kring-opheffen">
            <h2 class="utrecht-heading-2" id="kring-opheffen">
              {t('helpmatch.circle.members.close')}
            </h2>
            <p class="utrecht-paragraph">{t('helpmatch.circle.members.closeIntro')}</p>
            <ButtonForm ctx={ctx} action={`${base}/opheffen`}>
              {t('helpmatch.circle.members.close')}
            </ButtonForm>
          </section>
        </>
      )}
      {!owner && (
        <section aria-labelledby="kring-verlaten">
          <h2 class="utrecht-heading-2" id="kring-verlaten">
            {t('helpmatch.circle.members.leave')}
          </h2>
          <p class="utrecht-paragraph">{t('helpmatch.circle.members.leaveIntro')}</p>
          <ButtonForm ctx={ctx} action={`${base}/verlaten`}>
            {t('helpmatch.circle.members.leave')}
          </ButtonForm>
        </section>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('helpmatch.circle.slot.back')}
        </a>
      </p>
    </>
  );
}
