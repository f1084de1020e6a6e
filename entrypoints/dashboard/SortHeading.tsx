/** A column heading that sorts its table when clicked (or plain text without `onSort`), with its `aria-sort`. */
export function SortHeading<C extends string>(props: {
  column: C;
  label: string;
  sort?: { column: string; descending: boolean };
  onSort?: (column: C) => void;
}) {
  const { column, label, sort, onSort } = props;
  const active = sort?.column === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      {onSort ? (
        <button type="button" class="sort" data-column={column} onClick={() => onSort(column)}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
