/** Settings pages: the hub with the default desk, and the categories per group with forms for a new group and a new category. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../../ui/form.tsx';
import type { Category, CategoryGroup } from '../categories.presenter.ts';
import { Checkbox, TextArea } from '../../views/parts.tsx';
import { Saved, Section } from './config-parts.tsx';
import { MAX_CODE, MAX_DESCRIPTION, MAX_NAME } from '../config.schemas.ts';

export interface Org {
  id: string;
  name: string;
}
export type FormValues = Record<string, string>;

/** The hub: links to every settings page and the default desk form. */
export function HubPage({
  ctx,
  slug,
  organisations,
  defaultDesk,
  errors,
  saved,
}: {
  ctx: ViewContext;
  slug: string;
  organisations: Org[];
  defaultDesk: string | null;
  errors?: FieldErrors;
  saved: boolean;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/meldingen`;
  const links: { href: string; label: string; text: string }[] = [
    { href: `${base}/categorieen`, label: t('signals.config.categories.title'), text: t('signals.config.hub.categories') },
    { href: `${base}/routering`, label: t('signals.config.routing.title'), text: t('signals.config.hub.routing') },
    { href: `${base}/teksten`, label: t('signals.config.texts.title'), text: t('signals.config.hub.texts') },
    { href: `${base}/termijnen`, label: t('signals.config.hub.deadlinesTitle'), text: t('signals.config.hub.deadlines') },
    { href: `${base}/terugkoppeling`, label: t('signals.config.hub.feedbackTitle'), text: t('signals.config.hub.feedback') },
  ];
  if (ctx.roles.includes('admin')) {
    links.push({ href: `/${slug}/beheer/open311`, label: t('signals.config.hub.open311Title'), text: t('signals.config.hub.open311') });
  }
  const current = organisations.find((o) => o.id === defaultDesk);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.config.hub.intro')}</p>
      <Saved show={saved} text={t('signals.config.saved')} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <ul class="utrecht-unordered-list">
        {links.map((l) => (
          <li>
            <a class="utrecht-link" href={l.href}>
              {l.label}
            </a>
            {` — ${l.text}`}
          </li>
        ))}
      </ul>
      <Section id="standaardloket" title={t('signals.config.desk.title')}>
        <p class="utrecht-paragraph">{t('signals.config.desk.intro')}</p>
        <p class="utrecht-paragraph" id="huidig-loket">
          {current ? t('signals.config.desk.current', { name: current.name }) : t('signals.config.desk.none')}
        </p>
        <Form ctx={ctx} action={`${base}/standaardloket`} label={t('signals.config.desk.title')}>
          <SelectField
            name="organisationId"
            label={t('signals.config.desk.field')}
            value={defaultDesk ?? ''}
            error={errors?.organisationId}
            options={[
              { value: '', label: t('signals.config.chooseOrganisation') },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SubmitButton>{t('signals.config.desk.submit')}</SubmitButton>
        </Form>
      </Section>
    </>
  );
}

const yesNo = (ctx: ViewContext, v: boolean) => (v ? ctx.t('signals.config.yes') : ctx.t('signals.config.no'));

/** Every group with a table of its categories, and the form for a new group. */
export function CategoriesPage({
  ctx,
  slug,
  groups,
  categories,
  counts,
  errors,
  values,
  saved,
}: {
  ctx: ViewContext;
  slug: string;
  groups: CategoryGroup[];
  categories: Category[];
  counts: ReadonlyMap<string, number>;
  errors?: FieldErrors;
  values?: FormValues;
  saved: boolean;
}) {
  const { t } = ctx;
  const base = `/${slug}/beheer/meldingen/categorieen`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.categories.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.config.categories.intro')}</p>
      <Saved show={saved} text={t('signals.config.saved')} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/nieuw`}>
          {t('signals.config.category.new')}
        </a>
      </p>
      {groups.length === 0 && <p class="utrecht-paragraph">{t('signals.config.categories.noGroups')}</p>}
      {groups.map((g) => {
        const rows = categories.filter((c) => c.groupId === g.id);
        return (
          <Section id={`groep-${g.code}`} title={g.name}>
            {g.description && <p class="utrecht-paragraph">{g.description}</p>}
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`/${slug}/beheer/meldingen/groepen/${g.id}`}>
                {t('signals.config.group.edit', { name: g.name })}
              </a>
            </p>
            {rows.length === 0 ? (
              <p class="utrecht-paragraph">{t('signals.config.categories.empty')}</p>
            ) : (
              <div class="table-scroll">
                <table class="utrecht-table">
                  <caption class="utrecht-table__caption">{t('signals.config.categories.caption', { group: g.name })}</caption>
                  <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                      {(['name', 'code', 'deadline', 'sensitive', 'active', 'questions', 'signals'] as const).map((c) => (
                        <th class="utrecht-table__header-cell" scope="col">
                          {t(`signals.config.col.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody class="utrecht-table__body">
                    {rows.map((c) => (
                      <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">
                          <a class="utrecht-link" href={`${base}/${c.id}`}>
                            {c.name}
                          </a>
                        </th>
                        <td class="utrecht-table__cell">
                          <code>{c.serviceCode}</code>
                        </td>
                        <td class="utrecht-table__cell">{t('signals.config.days', { n: c.deadlineDays })}</td>
                        <td class="utrecht-table__cell">{yesNo(ctx, c.sensitive)}</td>
                        <td class="utrecht-table__cell">{yesNo(ctx, c.active)}</td>
                        <td class="utrecht-table__cell">{c.questions.length}</td>
                        <td class="utrecht-table__cell">{counts.get(c.id) ?? 0}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        );
      })}
      <Section id="nieuwe-groep" title={t('signals.config.group.new')}>
        <ErrorSummary ctx={ctx} errors={errors} />
        <Form ctx={ctx} action={`/${slug}/beheer/meldingen/groepen`} label={t('signals.config.group.new')}>
          <TextField
            name="name"
            label={t('signals.config.field.name')}
            value={values?.name}
            error={errors?.name}
            required
            maxLength={MAX_NAME}
          />
          <TextField
            name="code"
            label={t('signals.config.field.groupCode')}
            hint={t('signals.config.field.groupCode.hint')}
            value={values?.code}
            error={errors?.code}
            required
            maxLength={MAX_CODE}
          />
          <TextArea
            name="description"
            label={t('signals.config.field.descriptionOptional')}
            value={values?.description}
            error={errors?.description}
            rows={2}
            maxLength={MAX_DESCRIPTION}
          />
          <SubmitButton>{t('signals.config.group.submit')}</SubmitButton>
        </Form>
      </Section>
    </>
  );
}

/** The fields of a category (new or existing); the service code only for a new one. */
export function CategoryFields({
  ctx,
  groups,
  values,
  errors,
  isNew,
}: {
  ctx: ViewContext;
  groups: CategoryGroup[];
  values: FormValues;
  errors?: FieldErrors | undefined;
  isNew: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="name"
        label={t('signals.config.field.name')}
        hint={t('signals.config.field.name.hint')}
        value={values.name}
        error={errors?.name}
        required
        maxLength={MAX_NAME}
      />
      {isNew && (
        <TextField
          name="serviceCode"
          label={t('signals.config.field.serviceCode')}
          hint={t('signals.config.serviceCode.why')}
          value={values.serviceCode}
          error={errors?.serviceCode}
          required
          maxLength={MAX_CODE}
        />
      )}
      <TextArea
        name="description"
        label={t('signals.config.field.descriptionOptional')}
        hint={t('signals.config.field.description.hint')}
        value={values.description}
        error={errors?.description}
        rows={3}
        maxLength={MAX_DESCRIPTION}
      />
      <TextField
        name="nameEn"
        label={t('signals.config.field.nameEn')}
        hint={t('signals.config.field.english.hint')}
        value={values.nameEn}
        error={errors?.nameEn}
        maxLength={MAX_NAME}
      />
      <TextArea
        name="descriptionEn"
        label={t('signals.config.field.descriptionEn')}
        value={values.descriptionEn}
        error={errors?.descriptionEn}
        rows={3}
        maxLength={MAX_DESCRIPTION}
      />
      <SelectField
        name="groupId"
        label={t('signals.config.field.group')}
        value={values.groupId}
        error={errors?.groupId}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
      />
      <TextField
        name="deadlineDays"
        label={t('signals.config.field.deadline')}
        hint={t('signals.config.field.deadline.hint')}
        value={values.deadlineDays}
        error={errors?.deadlineDays}
        inputMode="numeric"
        required
        maxLength={3}
      />
      <TextField
        name="position"
        label={t('signals.config.field.position')}
        hint={t('signals.config.field.position.hint')}
        value={values.position}
        error={errors?.position}
        inputMode="numeric"
        maxLength={4}
      />
      <Checkbox
        name="sensitive"
        label={t('signals.config.field.sensitive')}
        hint={t('signals.config.field.sensitive.hint')}
        checked={values.sensitive === '1'}
      />
      <Checkbox
        name="active"
        label={t('signals.config.field.active')}
        hint={t('signals.config.field.active.hint')}
        checked={values.active === '1'}
      />
    </>
  );
}

/** The page with the form for a new category. */
export function NewCategoryPage({
  ctx,
  slug,
  groups,
  values,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  groups: CategoryGroup[];
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.category.new')}</h1>
      <p class="utrecht-paragraph">{t('signals.config.category.newIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {groups.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.config.categories.noGroups')}</p>
      ) : (
        <Form ctx={ctx} action={`/${slug}/beheer/meldingen/categorieen/nieuw`} label={t('signals.config.category.new')}>
          <CategoryFields ctx={ctx} groups={groups} values={values} errors={errors} isNew />
          <SubmitButton>{t('signals.config.category.create')}</SubmitButton>
        </Form>
      )}
    </>
  );
}
