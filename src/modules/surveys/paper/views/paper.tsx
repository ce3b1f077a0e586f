import type { ViewContext } from '../../../../ui/context.ts';
import { Notice } from '../../../../ui/notice.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';

/** The open surveys a volunteer can enter paper forms for. */
export function PaperListPage({
  ctx,
  slug,
  surveys,
}: {
  ctx: ViewContext;
  slug: string;
  surveys: readonly { id: string; title: string; isDemo: boolean }[];
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('surveys.paper.title')}</h1>
      <p class="utrecht-paragraph">{t('surveys.paper.intro')}</p>
      <p class="utrecht-paragraph">{t('surveys.paper.anonymous')}</p>
      {surveys.length === 0 ? (
        <p class="utrecht-paragraph">{t('surveys.paper.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {surveys.map((s) => (
            <li>
              <a class="utrecht-link" href={`/${slug}/enquete/papier/${s.id}`}>
                {s.title}
              </a>
              {s.isDemo && ` (${t('surveys.demoLabel')})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Saved; enter the next form" above the paper form. */
export function SavedNotice({ ctx, messageKey }: { ctx: ViewContext; messageKey: MessageKey | null }) {
  return <Notice ctx={ctx} messageKey={messageKey} />;
}
