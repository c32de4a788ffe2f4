// Aligned text columns the way Talos prints them: Go's tabwriter with padding 3 for most tables,
// columnize (two spaces) for processes. Every column but the last is padded to its widest cell
// plus the gap; the last cell is printed as is.
export const TABWRITER_GAP = 3;

export function formatTable(rows: readonly (readonly string[])[], gap: number = TABWRITER_GAP): string {
  const widths: number[] = [];
  for (const row of rows) {
    // The last cell of a row never sets a column width: it is not padded.
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + gap))).join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A table built row by row and printed once (the header is the first row). */
export class Table {
  private readonly rows: string[][] = [];

  constructor(
    header: readonly string[],
    private readonly gap: number = TABWRITER_GAP,
  ) {
    this.rows.push([...header]);
  }

  add(cells: readonly (string | number)[]): void {
    this.rows.push(cells.map(String));
  }

  toString(): string {
    return formatTable(this.rows, this.gap);
  }
}

/**
 * A table printed row by row as rows arrive (event streams): columns keep the widest width
 * seen so far, so rows stay aligned unless a later cell is wider than everything before it.
 */
export class StreamingTable {
  private readonly widths: number[] = [];

  constructor(private readonly gap: number = TABWRITER_GAP) {}

  /** Makes room for `cells` without printing them (to align a header with the first row). */
  widen(cells: readonly string[]): void {
    cells.slice(0, -1).forEach((cell, i) => {
      this.widths[i] = Math.max(this.widths[i] ?? 0, cell.length);
    });
  }

  /** The text of one row, newline included. */
  row(cells: readonly string[]): string {
    this.widen(cells);
    return formatRow(cells, this.widths, this.gap);
  }
}

function formatRow(cells: readonly string[], widths: readonly number[], gap: number): string {
  return `${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + gap))).join('')}\n`;
}
