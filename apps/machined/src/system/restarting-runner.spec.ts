import { Backoff } from './restarting-runner';

describe('Backoff', () => {
  it('doubles up to the cap and resets after a stable run', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 500, stableMs: 10_000 });
    expect([b.next(0), b.next(0), b.next(0), b.next(0), b.next(0)]).toEqual([100, 200, 400, 500, 500]);
    expect(b.next(10_000)).toBe(100);
    expect(b.next(50)).toBe(200);
  });
});
