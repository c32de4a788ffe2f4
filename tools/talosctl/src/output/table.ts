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
