// Chunks of bytes arrive per node in arbitrary sizes; lines are printed whole and prefixed with
// their node, so output from several nodes interleaves by line, never mid-line.
export class NodeLines {
  private readonly partial = new Map<string, string>();

  constructor(private readonly emit: (node: string, line: string) => void) {}

  push(node: string, bytes: Uint8Array | string): void {
    const text =
      (this.partial.get(node) ?? '') +
      (typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
    const lines = text.split('\n');
    this.partial.set(node, lines.pop() ?? '');
    for (const line of lines) this.emit(node, line);
  }

  /** Prints what is left of unterminated lines (at the end of the stream). */
  flush(): void {
    for (const [node, rest] of this.partial) if (rest) this.emit(node, rest);
    this.partial.clear();
  }
}
