import type { ComponentChildren } from 'preact';

/**
 * A table of records in a box that scrolls sideways on small screens: column headers from
 * `columns`, one `<tr>` per record from the children (start a row with `<th scope="row">` where a
 * cell names it). The one data table of every module.
 */
export function DataTable({
  columns,
  children,
  caption,
  class: extraClass,
  id,
}: {
  columns: readonly ComponentChildren[];
  children: ComponentChildren;
  /** Read by screen readers only, for a table whose heading is not right above it. */
  caption?: ComponentChildren;
  /** More classes on the table, beside `data-table`. */
  class?: string;
  /** The id of the scroll box (an anchor for links to a field's error). */
  id?: string;
}) {
  return (
    <div class="table-scroll" id={id}>
      <table class={extraClass ? `data-table ${extraClass}` : 'data-table'}>
        {caption !== undefined && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
