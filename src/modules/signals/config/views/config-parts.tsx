/** Small parts shared by the signals settings pages. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../../ui/context.ts';
import { Form, TextAreaField } from '../../../../ui/form.tsx';

/** A form with one button (move, delete): its accessible name says what it does to what. */
export function ButtonForm({
  ctx,
  action,
  label,
  secondary = true,
  hidden,
}: {
  ctx: ViewContext;
  action: string;
  label: string;
  secondary?: boolean;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`utrecht-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}>
        {label}
      </button>
    </form>
  );
}

/** A textarea whose id is given (several on one page share a field name). */
export function IdTextArea(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
}) {
  return <TextAreaField {...props} />;
}

/** A page section with a heading (for aria-labelledby). */
export function Section({ id, title, children, level = 2 }: { id: string; title: string; children: ComponentChildren; level?: 2 | 3 }) {
  return (
    <section class="section" aria-labelledby={id}>
      {level === 2 ? (
        <h2 class="utrecht-heading-2" id={id}>
          {title}
        </h2>
      ) : (
        <h3 class="utrecht-heading-3" id={id}>
          {title}
        </h3>
      )}
      {children}
    </section>
  );
}

/** "Saved" notice after a redirect. */
export function Saved({ show, text }: { show: boolean; text: string }) {
  return show ? (
    <p class="utrecht-paragraph" role="status">
      {text}
    </p>
  ) : null;
}

export { Form };
