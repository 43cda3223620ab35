/** The numbers behind a chart as a table: what a screen reader (or anyone who would rather read) gets. */
export function ChartTable({
  caption,
  columns,
  rows,
  hidden = true,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly [string, ...string[]])[];
  hidden?: boolean;
}) {
  return (
    <table className={hidden ? 'sr-only' : 'data'}>
      <caption className={hidden ? undefined : 'sr-only'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells], i) => (
          <tr key={`${i}-${head}`}>
            <th scope="row">{head}</th>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
