// The printed report: aligned tables and the targets of issue 2 with PASS/MISS. A miss is
// reported, never turned into a failing exit code: this is a measurement, not a test.

export type Cell = string | number;

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const all = [header, ...rows].map((row) => row.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const render = (row: readonly string[]): string =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('   ')
      .trimEnd();
  return all.map(render).join('\n');
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');
export const mb = (kb: number): string => `${(kb / 1024).toFixed(1)} MB`;
export const rate = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

export interface TargetCheck {
  figure: string;
  target: string;
  actual: string;
  pass: boolean;
}

export class Report {
  private readonly checks: TargetCheck[] = [];

  constructor(private readonly write: (text: string) => void = (t) => process.stdout.write(t)) {}

  section(title: string): void {
    this.write(`\n== ${title}\n`);
  }

  line(text = ''): void {
    this.write(`${text}\n`);
  }

  check(check: TargetCheck): void {
    this.checks.push(check);
    this.line(`target: ${check.target} -> ${check.actual}: ${check.pass ? 'PASS' : 'MISS'}`);
  }

  summary(): void {
    this.section('summary of targets');
    if (this.checks.length === 0) {
      this.line('(no target was measured)');
      return;
    }
    this.line(
      table(
        ['FIGURE', 'TARGET', 'MEASURED', 'RESULT'],
        this.checks.map((c) => [c.figure, c.target, c.actual, c.pass ? 'PASS' : 'MISS']),
      ),
    );
  }
}
