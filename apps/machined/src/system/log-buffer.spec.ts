import { LogBuffer } from './log-buffer';

async function collect(it: AsyncIterable<Buffer>): Promise<string> {
  let s = '';
  for await (const c of it) s += c.toString();
  return s;
}

describe('LogBuffer', () => {
  it('keeps whole lines and joins partial writes', () => {
    const buf = new LogBuffer(1024);
    const w = buf.writer();
    w.write('hel');
    w.write('lo\nwor');
    expect(buf.tail().toString()).toBe('hello\n');
    w.write('ld\n');
    w.write('tail-without-newline');
    w.end();
    expect(buf.tail().toString()).toBe('hello\nworld\ntail-without-newline\n');
  });

  it('does not mix lines of two sources', () => {
    const buf = new LogBuffer(1024);
    const out = buf.writer();
    const err = buf.writer();
    out.write('out-a');
    err.write('err-line\n');
    out.write('-b\n');
    expect(buf.tail().toString()).toBe('err-line\nout-a-b\n');
  });

  it('is bounded in bytes and drops the oldest lines first', () => {
    const buf = new LogBuffer(100);
    for (let i = 0; i < 50; i++) buf.appendLine(`line ${String(i).padStart(3, '0')}`);
    expect(buf.byteLength).toBeLessThanOrEqual(100);
    const lines = buf.tail().toString().trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('line 049');
    expect(lines).not.toContain('line 000');
    expect(buf.byteLength).toBe(lines.length * 9);
  });

  it('cuts a line longer than the capacity', () => {
    const buf = new LogBuffer(16);
    buf.appendLine('x'.repeat(100));
    expect(buf.byteLength).toBe(16);
    expect(buf.tail().toString()).toBe('x'.repeat(15) + '\n');
  });

  it('returns a tail of N lines; 0 lines is nothing, negative is everything', async () => {
    const buf = new LogBuffer(1024);
    for (const l of ['a', 'b', 'c', 'd']) buf.appendLine(l);
    expect(buf.tail(2).toString()).toBe('c\nd\n');
    expect(await collect(buf.read({ tailLines: 0 }))).toBe('');
    expect(await collect(buf.read({ tailLines: -1 }))).toBe('a\nb\nc\nd\n');
    expect(await collect(buf.read({ tailLines: 3 }))).toBe('b\nc\nd\n');
  });

  it('follows: a reader gets lines written after it subscribed, and unsubscribes on abort', async () => {
    const buf = new LogBuffer(1024);
    buf.appendLine('old');
    const ac = new AbortController();
    const got: string[] = [];
    const reading = (async () => {
      for await (const c of buf.read({ tailLines: 1, follow: true, signal: ac.signal })) {
        got.push(c.toString());
        if (got.length === 3) ac.abort();
      }
    })();
    expect(buf.followerCount).toBe(1);
    buf.appendLine('new 1');
    buf.writer().write('new 2\n');
    await reading;
    expect(got).toEqual(['old\n', 'new 1\n', 'new 2\n']);
    expect(buf.followerCount).toBe(0);
  });

  it('feeds a Writable (machined logging into its own buffer)', async () => {
    const buf = new LogBuffer(1024);
    const w = buf.writable();
    await new Promise<void>((resolve) => w.write('{"msg":"hi"}\n', () => resolve()));
    expect(buf.tail().toString()).toBe('{"msg":"hi"}\n');
  });
});
