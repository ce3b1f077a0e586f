/** Settings page: routing rules in order (add, move, delete) and the route tester. */
import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../../ui/form.tsx';
import type { RouteTest } from '../categories.service.ts';
import type { Category, CategoryGroup, RoutingRule } from '../categories.presenter.ts';
import { ButtonForm, Saved, Section } from './config-parts.tsx';
import type { FormValues, Org } from './config-categories.tsx';

export interface AreaOption {
  code: string;
  name: string;
  level: 'district' | 'neighbourhood';
}

export interface RoutingPageProps {
  ctx: ViewContext;
  slug: string;
  rules: RoutingRule[];
  groups: CategoryGroup[];
  categories: Category[];
  areas: AreaOption[];
  organisations: Org[];
  defaultDesk: string | null;
  /** Organisations where nobody can pick up a signal (no professional or coordinator member). */
  unstaffed: readonly string[];
  values?: FormValues;
  errors?: FieldErrors | undefined;
  test?: { categoryId: string; area: string; result: RouteTest | null; errors?: FieldErrors | undefined };
  saved: boolean;
}

/** The rule list, the form for a new rule and the route tester. */
export function RoutingPage(p: RoutingPageProps) {
  const { ctx, slug } = p;
  const { t } = ctx;
  const base = `/${slug}/beheer/meldingen/routering`;
  const orgName = (id: string | null) => p.organisations.find((o) => o.id === id)?.name ?? t('signals.config.routing.noOrganisation');
  const areaName = (code: string | null) => {
    if (!code) return t('signals.config.routing.everywhere');
    const a = p.areas.find((x) => x.code === code);
    return a ? `${t(`signals.config.routing.level.${a.level}`)}: ${a.name}` : code;
  };
  const targetName = (r: RoutingRule) => {
    if (r.categoryId) return t('signals.config.routing.category', { name: p.categories.find((c) => c.id === r.categoryId)?.name ?? '?' });
    if (r.groupId) return t('signals.config.routing.group', { name: p.groups.find((g) => g.id === r.groupId)?.name ?? '?' });
    return t('signals.config.routing.all');
  };
  const areaOptions = [
    { value: '', label: t('signals.config.routing.everywhere') },
    ...p.areas.map((a) => ({ value: a.code, label: areaName(a.code) })),
  ];
  const targetOptions = [
    { value: '', label: t('signals.config.routing.all') },
    ...p.groups.map((g) => ({ value: `groep:${g.id}`, label: t('signals.config.routing.group', { name: g.name }) })),
    ...p.categories.map((c) => ({ value: `categorie:${c.id}`, label: t('signals.config.routing.category', { name: c.name }) })),
  ];
  const result = p.test?.result;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.config.routing.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.config.routing.intro')}</p>
      <p class="utrecht-paragraph">{t('signals.config.routing.firstMatch')}</p>
      <Saved show={p.saved} text={t('signals.config.saved')} />
      <Section id="regels" title={t('signals.config.routing.rules')}>
        {p.rules.length === 0 ? (
          <p class="utrecht-paragraph">{t('signals.config.routing.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">{t('signals.config.routing.caption')}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  {(['order', 'target', 'area', 'organisation', 'actions'] as const).map((c) => (
                    <th class="utrecht-table__header-cell" scope="col">
                      {t(`signals.config.routing.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {p.rules.map((r, i) => {
                  const name = t('signals.config.routing.ruleName', { n: i + 1 });
                  return (
                    <tr class="utrecht-table__row" id={`regel-${i + 1}`}>
                      <th class="utrecht-table__header-cell" scope="row">
                        {i + 1}
                      </th>
                      <td class="utrecht-table__cell">{targetName(r)}</td>
                      <td class="utrecht-table__cell">{areaName(r.areaCode)}</td>
                      <td class="utrecht-table__cell">
                        {orgName(r.organisationId)}
                        {p.unstaffed.includes(r.organisationId) && (
                          <strong class="unstaffed-mark"> ({t('signals.config.routing.unstaffedMark')})</strong>
                        )}
                      </td>
                      <td class="utrecht-table__cell">
                        <div class="sm-actions">
                          {i > 0 && <ButtonForm ctx={ctx} action={`${base}/${r.id}/omhoog`} label={t('signals.config.up', { name })} />}
                          {i < p.rules.length - 1 && (
                            <ButtonForm ctx={ctx} action={`${base}/${r.id}/omlaag`} label={t('signals.config.down', { name })} />
                          )}
                          <ButtonForm ctx={ctx} action={`${base}/${r.id}/verwijderen`} label={t('signals.config.remove', { name })} />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p class="utrecht-paragraph">
          {t('signals.config.routing.default', { name: orgName(p.defaultDesk) })}{' '}
          <a class="utrecht-link" href={`/${slug}/beheer/meldingen#standaardloket`}>
            {t('signals.config.routing.changeDefault')}
          </a>
        </p>
      </Section>
      <Section id="nieuwe-regel" title={t('signals.config.routing.new')}>
        <ErrorSummary ctx={ctx} errors={p.errors} />
        <Form ctx={ctx} action={base} label={t('signals.config.routing.new')}>
          <SelectField
            name="target"
            label={t('signals.config.routing.field.target')}
            value={p.values?.target ?? ''}
            error={p.errors?.target}
            options={targetOptions}
          />
          <SelectField
            name="area"
            label={t('signals.config.routing.field.area')}
            value={p.values?.area ?? ''}
            error={p.errors?.area}
            options={areaOptions}
          />
          <SelectField
            name="organisationId"
            label={t('signals.config.routing.field.organisation')}
            value={p.values?.organisationId ?? ''}
            error={p.errors?.organisationId}
            options={[
              { value: '', label: t('signals.config.chooseOrganisation') },
              ...p.organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <SubmitButton>{t('signals.config.routing.add')}</SubmitButton>
        </Form>
      </Section>
      <Section id="route-testen" title={t('signals.config.routing.test')}>
        <p class="utrecht-paragraph">{t('signals.config.routing.testIntro')}</p>
        <ErrorSummary ctx={ctx} errors={p.test?.errors} />
        <form method="get" action={`${base}#route-testen`} class="form" aria-label={t('signals.config.routing.test')}>
          <SelectField
            name="categorie"
            label={t('signals.config.routing.field.category')}
            value={p.test?.categoryId ?? ''}
            error={p.test?.errors?.categorie}
            options={p.categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SelectField
            name="gebied"
            label={t('signals.config.routing.field.testArea')}
            value={p.test?.area ?? ''}
            error={p.test?.errors?.gebied}
            options={[{ value: '', label: t('signals.config.routing.unknownPlace') }, ...areaOptions.slice(1)]}
          />
          <SubmitButton>{t('signals.config.routing.testSubmit')}</SubmitButton>
        </form>
        {result && (
          <div class="utrecht-alert utrecht-alert--info" role="status" id="route-uitkomst">
            <p class="utrecht-paragraph">
              {result.ruleIndex === null
                ? t('signals.config.routing.resultDefault')
                : t('signals.config.routing.resultRule', { n: result.ruleIndex + 1 })}{' '}
              {t('signals.config.routing.resultOrg', { name: orgName(result.organisationId) })}
            </p>
          </div>
        )}
        {result?.unstaffed && (
          <div class="utrecht-alert utrecht-alert--warning" role="alert" id="route-niemand">
            <p class="utrecht-paragraph">{t('signals.config.routing.unstaffed', { name: orgName(result.organisationId) })}</p>
          </div>
        )}
      </Section>
    </>
  );
}
