import type { ViewContext } from '../../../../ui/context.ts';
import type { AttentionItem } from '../../../../platform/module.ts';

/**
 * The staff start page: a count with a link for each kind of work waiting (urgent first), and
 * below it every page of the main menu, grouped as in the menu (the menu's sub-navigation, also
 * without JavaScript).
 */
export function StartPage({ ctx, items }: { ctx: ViewContext; items: readonly AttentionItem[] }) {
  const { t } = ctx;
  const waiting = items.filter((i) => i.count > 0);
  const groups = ctx.nav.filter((n) => !n.current || n.children);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('people.start.heading')}</h1>
      <p class="utrecht-paragraph">{t('people.start.lead', { municipality: ctx.tenant?.name ?? '' })}</p>
      <section aria-labelledby="attention-title">
        <h2 class="utrecht-heading-2" id="attention-title">
          {t('people.start.attentionTitle')}
        </h2>
        {waiting.length === 0 && <p class="utrecht-paragraph">{t('people.start.nothing')}</p>}
        {items.length > 0 && (
          <ul class="attention-list">
            {items.map((i) => (
              <li
                class={`attention-item${i.urgent && i.count > 0 ? ' attention-item--urgent' : ''}${i.count === 0 ? ' attention-item--none' : ''}`}
              >
                <a class="utrecht-link attention-item__link" href={i.href}>
                  <span class="attention-item__count">{i.count}</span>
                  <span class="attention-item__label">
                    {t(i.labelKey)}
                    {i.urgent && i.count > 0 && <strong class="attention-item__urgent"> ({t('people.start.urgent')})</strong>}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="all-work-title">
        <h2 class="utrecht-heading-2" id="all-work-title">
          {t('people.start.allWork')}
        </h2>
        <ul class="work-groups">
          {groups.map((g) =>
            g.children ? (
              <li>
                <span class="work-groups__name">{g.label}</span>
                <ul>
                  {g.children.map((c) => (
                    <li>
                      <a class="utrecht-link" href={c.href}>
                        {c.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ) : (
              <li>
                <a class="utrecht-link" href={g.href}>
                  {g.label}
                </a>
              </li>
            ),
          )}
        </ul>
      </section>
    </>
  );
}
