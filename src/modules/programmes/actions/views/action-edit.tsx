import type { ViewContext } from '../../../../ui/context.ts';
import type { FieldErrors } from '../../../../ui/form.tsx';
import { actionsPath } from '../../overview/overview.paths.ts';
import { ActionForm, type ActionFormValues } from './action-form.tsx';

/** The page to change one row of the action table (coordinator). */
export function ActionEditPage({
  ctx,
  slug,
  programmeSlug,
  id,
  number,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  programmeSlug: string;
  id: string;
  number: number;
  values: ActionFormValues;
  errors?: FieldErrors | undefined;
}) {
  const { t } = ctx;
  const table = actionsPath(slug, programmeSlug);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('programmes.actions.edit.title', { number })}</h1>
      <ActionForm
        ctx={ctx}
        action={`${table}/${id}`}
        values={values}
        errors={errors}
        submitLabel={t('programmes.actions.form.save')}
        label={t('programmes.actions.edit.title', { number })}
      />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={table}>
          {t('programmes.actions.form.cancel')}
        </a>
      </p>
    </>
  );
}
