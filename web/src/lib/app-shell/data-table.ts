/** A column head of a `DataTable`: its text, and whether its cells are numbers (right-aligned, `.num`). */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}
