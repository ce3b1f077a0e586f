/** The maintenance home: the entries the user maintains, with their freshness and a "Klopt nog" button each. */
import { tenantPath, type ViewContext } from '../../../../ui/context.ts';
import { formatCheckedDate } from '../freshness.ts';
import type { KeepServiceItem } from '../keep.presenter.ts';
import { ButtonForm, FreshnessLabel, statusLabel } from './fields.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

export function KeepListPage({
  ctx,
  services,
  all,
  canCreate,
  openSuggestions,
  now,
  notice,
}: {
  ctx: ViewContext;
  services: KeepServiceItem[];
  /** Coordinator: sees everything. */
  all: boolean;
  canCreate: boolean;
  openSuggestions: number;
  now: Date;
  notice?: MessageKey | null;
}) {
  const { t } = ctx;
  const base = tenantPath(ctx, `/sociale-kaart/beheer`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('socialmap.keep.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <p class="utrecht-paragraph">
        {all ? t('socialmap.keep.leadAll', { municipality: ctx.tenant?.name ?? '' }) : t('socialmap.keep.lead')}
      </p>
      {!all && !canCreate && <p class="utrecht-paragraph">{t('socialmap.keep.noOrganisation')}</p>}
      <ul class="utrecht-unordered-list">
        {canCreate && (
          <li>
            <a class="utrecht-link" href={`${base}/nieuw`}>
              {t('socialmap.keep.new')}
            </a>
          </li>
        )}
        <li>
          <a class="utrecht-link" href={`${base}/voorstellen`}>
            {t('socialmap.keep.suggestionsLink', { count: openSuggestions })}
          </a>
        </li>
        {all && (
          <li>
            <a class="utrecht-link" href={tenantPath(ctx, `/sociale-kaart/dekking`)}>
              {t('socialmap.keep.coverageLink')}
            </a>
          </li>
        )}
      </ul>
      {services.length === 0 ? (
        <p class="utrecht-paragraph">{t('socialmap.keep.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('socialmap.keep.staleExplain')}</p>
          <div class="table-scroll">
            <table class="data-table utrecht-table">
              <caption class="visually-hidden">{t('socialmap.keep.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('socialmap.keep.col.name')}</th>
                  <th scope="col">{t('socialmap.keep.col.organisation')}</th>
                  <th scope="col">{t('socialmap.keep.col.status')}</th>
                  <th scope="col">{t('socialmap.keep.col.checked')}</th>
                  <th scope="col">{t('socialmap.keep.col.freshness')}</th>
                  <th scope="col" class="num">
                    {t('socialmap.keep.col.suggestions')}
                  </th>
                  <th scope="col">{t('socialmap.keep.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr>
                    <th scope="row">
                      <a class="utrecht-link" href={`${base}/aanbod/${s.id}`} aria-label={t('socialmap.keep.editLabel', { name: s.name })}>
                        {s.name}
                      </a>
                    </th>
                    <td>{s.organizationName}</td>
                    <td>{statusLabel(ctx, s.status)}</td>
                    <td>{s.lastCheckedAt ? formatCheckedDate(s.lastCheckedAt, ctx.locale) : t('socialmap.keep.never')}</td>
                    <td>
                      <FreshnessLabel ctx={ctx} lastCheckedAt={s.lastCheckedAt} now={now} />
                    </td>
                    <td class="num">{s.openSuggestions}</td>
                    <td>
                      <ButtonForm
                        ctx={ctx}
                        action={`${base}/aanbod/${s.id}/klopt`}
                        label={t('socialmap.keep.confirmLabel', { name: s.name })}
                        hidden={{ terug: 'lijst' }}
                      >
                        {t('socialmap.keep.confirm')}
                      </ButtonForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
