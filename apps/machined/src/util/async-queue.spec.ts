import { AsyncQueue } from './async-queue';

describe('AsyncQueue', () => {
  it('yields pushed items in order and drains after close', async () => {
    const q = new AsyncQueue<number>();
    q.push(1);
    q.push(2);
    q.close();
    q.push(3);
    const got: number[] = [];
    for await (const n of q) got.push(n);
    expect(got).toEqual([1, 2]);
  });

  it('ends a waiting reader when the signal aborts and runs onEnd once', async () => {
    const ac = new AbortController();
    const onEnd = jest.fn();
    const q = new AsyncQueue<number>({ signal: ac.signal, onEnd });
    const reading = (async () => {
      const got: number[] = [];
      for await (const n of q) got.push(n);
      return got;
    })();
    q.push(7);
    await new Promise((r) => setImmediate(r));
    ac.abort();
    await expect(reading).resolves.toEqual([7]);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('runs onEnd when the reader stops early', async () => {
    const onEnd = jest.fn();
    const q = new AsyncQueue<number>({ onEnd });
    q.push(1);
    q.push(2);
    for await (const n of q) {
      expect(n).toBe(1);
      break;
    }
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
