import type { ViewContext } from '../../../../ui/context.ts';
import type { Role } from '../../../../platform/roles.ts';
import type { RemovalBlock } from '../admin.removals.service.ts';

/**
 * The confirm step before a role is taken away (a plain form: works without JavaScript). When the
 * removal would be refused, the page says why and offers no button.
 */
export function RemoveRolePage({
  ctx,
  slug,
  member,
  block,
  undoMinutes,
}: {
  ctx: ViewContext;
  slug: string;
  member: { membershipId: string; name: string; role: Role; organisationName: string | null };
  block: RemovalBlock | null;
  undoMinutes: number;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/gebruikers`;
  const role = t(`people.role.${member.role}`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.users.confirmTitle')}</h1>
      <p class="utrecht-paragraph">{t('people.users.confirmText', { role, name: member.name })}</p>
      {member.organisationName && (
        <p class="utrecht-paragraph">{t('people.users.confirmOrganisation', { organisation: member.organisationName })}</p>
      )}
      {block ? (
        <p class="utrecht-paragraph notice notice--warning" role="status">
          {t(block === 'last' ? 'people.lastAdmin' : 'people.users.ownLastAdmin')}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('people.users.confirmUndo', { minutes: undoMinutes })}</p>
          <form method="post" action={`${base}/${member.membershipId}/verwijderen`} class="form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {t('people.users.confirmButton')}
            </button>
          </form>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('people.users.cancel')}
        </a>
      </p>
    </>
  );
}
