import type { ReactNode } from 'react';

interface Props {
  caption: string;
  /** The two column headers: what is counted, and the count. */
  headers: [string, string];
  /** Shown in one row when there is nothing to count. */
  empty: string;
  rows: ReadonlyArray<{ key: string; label: string; count: ReactNode }>;
  /** Marks the table for tests and print styles. */
  dataTable?: string;
}

/** A two-column table of labels and their counts, each label the header of its row. */
export function CountTable({ caption, headers, empty, rows, dataTable }: Props) {
  return (
    <table className="table compact" data-table={dataTable}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headers[0]}</th>
          <th scope="col">{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
