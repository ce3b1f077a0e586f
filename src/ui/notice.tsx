import type { MessageKey } from '../platform/i18n/index.ts';
import type { ViewContext } from './context.ts';

/**
 * A status notice ("Opgeslagen.", after a redirect or an action), read out by screen readers;
 * nothing when there is no message. The one notice of every module.
 */
export function Notice({
  ctx,
  messageKey,
  vars,
}: {
  ctx: ViewContext;
  messageKey: MessageKey | null | undefined;
  vars?: Record<string, string | number>;
}) {
  if (!messageKey) return null;
  return (
    <p class="notice" role="status">
      {ctx.t(messageKey, vars)}
    </p>
  );
}
