import { text } from '../i18n';

/** Props of {@link AdminTableHead}. */
export interface AdminTableHeadProps {
  /** The visible column headings, in order. */
  columns: readonly string[];
  /** Whether the rows end in a buttons column (named for screen readers only). Default true. */
  actions?: boolean;
}

/**
 * The header row of an administration table: one column heading each, then
 * the unlabelled-looking column that holds each row's Edit/Remove buttons.
 *
 * @example <AdminTableHead columns={[words.day, words.blocks]} />
 */
export function AdminTableHead({ columns, actions = true }: AdminTableHeadProps) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actions ? (
          <th scope="col">
            <span className="sr-only">{text.admin.actions}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
