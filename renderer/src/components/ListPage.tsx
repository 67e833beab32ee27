// The scaffold every list screen shares (Kiểm tra CCHC, Kiểm tra năng lực, Tự đánh giá, Người dùng,
// Bộ tiêu chí, Bồi dưỡng): title with its action, a line of introduction, the load error, then the
// table — or, when there is nothing yet, a sentence saying so instead of an empty table.
import type { ReactNode } from 'react';
import { ErrorBox } from './form';

/** The page title (`id` labels the page's section) with its action buttons on the right. */
export function PageHead({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1 id={id}>{title}</h1>
      {children}
    </div>
  );
}

export interface ListTableProps<T> {
  /** null while loading: nothing is shown (or `loading`), so "none yet" never flashes before the data. */
  rows: readonly T[] | null | undefined;
  /** Said instead of an empty table. */
  empty: ReactNode;
  /** The header cells (`<th>`s). */
  head: ReactNode;
  /** One `<tr key=…>` per row. */
  row: (x: T) => ReactNode;
  loading?: ReactNode;
}

export function ListTable<T>({ rows, empty, head, row, loading }: ListTableProps<T>) {
  if (!rows) return loading ? <p>{loading}</p> : null;
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <table className="table">
      <thead>
        <tr>{head}</tr>
      </thead>
      <tbody>{rows.map(row)}</tbody>
    </table>
  );
}

/**
 * A whole list screen. `children` go between the load error and the table (a create form, a
 * notice); `after` below the table (settings that belong to the list).
 */
export function ListPage<T>({
  id,
  title,
  actions,
  intro,
  error,
  children,
  after,
  ...table
}: ListTableProps<T> & {
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  intro?: ReactNode;
  error?: string | null | undefined;
  children?: ReactNode;
  after?: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <PageHead id={id} title={title}>
        {actions}
      </PageHead>
      {intro && <p className="muted">{intro}</p>}
      <ErrorBox message={error} />
      {children}
      {/* A failed load says so once, not also "loading…" under it. */}
      <ListTable {...table} loading={error ? undefined : table.loading} />
      {after}
    </section>
  );
}
