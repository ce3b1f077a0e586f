import { inLocale } from '../../config/categories.presenter.ts';
import type { ViewContext } from '../../../../ui/context.ts';
import { Form } from '../../../../ui/form.tsx';
import { formatDay } from '../../dates.ts';
import type { MySignal } from '../mine.service.ts';

/** "Mijn meldingen": the signals I reported and the ones I follow, each with "Bekijk" and (when following) "Niet meer volgen". */
export function MinePage({ ctx, slug, rows, notice }: { ctx: ViewContext; slug: string; rows: MySignal[]; notice?: string }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('signals.mine.title')}</h1>
      {notice && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{t('signals.mine.intro')}</p>
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.mine.none')}</p>
      ) : (
        <table class="data-table signals-mine">
          <caption class="visually-hidden">{t('signals.mine.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signals.mine.number')}</th>
              <th scope="col">{t('signals.mine.category')}</th>
              <th scope="col">{t('signals.mine.state')}</th>
              <th scope="col">{t('signals.mine.date')}</th>
              <th scope="col">{t('signals.mine.relation')}</th>
              <th scope="col">{t('signals.mine.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.publicId}</th>
                <td>{inLocale(locale, r.categoryName, r.categoryNameEn)}</td>
                <td>{t(`signals.state.${r.state === 'on_hold' ? 'in_behandeling' : r.state}`)}</td>
                <td>{formatDay(locale, r.createdAt)}</td>
                <td>{t(r.reported ? 'signals.mine.reported' : 'signals.mine.following')}</td>
                <td>
                  <Form ctx={ctx} action={`/${slug}/meldingen/mijn/bekijken`} label={t('signals.mine.view', { id: r.publicId })}>
                    <input type="hidden" name="publicId" value={r.publicId} />
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                      {t('signals.mine.view', { id: r.publicId })}
                    </button>
                  </Form>
                  {r.following && !r.reported && (
                    <Form ctx={ctx} action={`/${slug}/meldingen/mijn/ontvolgen`} label={t('signals.mine.unfollow', { id: r.publicId })}>
                      <input type="hidden" name="publicId" value={r.publicId} />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        {t('signals.mine.unfollow', { id: r.publicId })}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The small "Volg met mijn account" form for signed-in users (nearby list, tracking page). */
export function FollowWithAccount({ ctx, slug, publicId }: { ctx: ViewContext; slug: string; publicId: string }) {
  if (!ctx.user) return null;
  return (
    <Form ctx={ctx} action={`/${slug}/meldingen/mijn/volgen`} label={ctx.t('signals.mine.followAccountLabel', { id: publicId })}>
      <input type="hidden" name="publicId" value={publicId} />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        {ctx.t('signals.mine.followAccount')}
      </button>
    </Form>
  );
}
