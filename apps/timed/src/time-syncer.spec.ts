import * as fs from 'node:fs';
import { silentLogger } from '@talos/log';
import { CHRONYD, freeUdpPort, startChronyd, type Chronyd } from '@talos/testing';
import { SntpClient } from './sntp-client';
import { TimeSyncer, queryFirst } from './time-syncer';

(fs.existsSync(CHRONYD) ? describe : describe.skip)('TimeSyncer against chronyd', () => {
  let chronyd: Chronyd;
  let deadPort: number;
  beforeAll(async () => {
    chronyd = await startChronyd();
    deadPort = await freeUdpPort();
  }, 15_000);
  afterAll(async () => {
    await chronyd?.stop();
  });

  it('falls through to the next server and corrects the clock by the measured offset', async () => {
    const offsets: number[] = [];
    // Our clock runs 3 s behind: the syncer must want to move it forward by about 3 s.
    const client = new SntpClient({ wallClock: () => Date.now() - 3000, timeoutMs: 500 });
    const syncer = new TimeSyncer({
      servers: () => [`127.0.0.1:${deadPort}`, chronyd.server],
      query: (s, signal) => client.query(s, signal),
      adjust: (ms) => {
        offsets.push(ms);
        return 'stepped';
      },
      logger: silentLogger(),
    });
    expect(syncer.ready).toBe(false);
    const res = await syncer.syncOnce();
    expect(res.server).toBe(chronyd.server);
    expect(syncer.ready).toBe(true);
    expect(offsets).toHaveLength(1);
    expect(offsets[0]).toBeGreaterThan(2500);
    expect(offsets[0]).toBeLessThan(3500);
  });

  it('keeps polling until aborted, retrying sooner before the first success', async () => {
    const client = new SntpClient({ timeoutMs: 500 });
    let servers = [`127.0.0.1:${deadPort}`];
    let queries = 0;
    const ac = new AbortController();
    const syncer = new TimeSyncer({
      servers: () => servers,
      query: (s, signal) => {
        queries++;
        return client.query(s, signal);
      },
      adjust: () => 'skipped',
      logger: silentLogger(),
      initialRetryMs: 20,
      minPollMs: 20,
      maxPollMs: 1,
    });
    const running = syncer.run(ac.signal);
    await new Promise((r) => setTimeout(r, 150));
    expect(syncer.ready).toBe(false);
    servers = [chronyd.server];
    const deadline = Date.now() + 5000;
    while (!syncer.ready && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(syncer.ready).toBe(true);
    const before = queries;
    await new Promise((r) => setTimeout(r, 150));
    expect(queries).toBeGreaterThan(before);
    ac.abort();
    await running;
  });
});

describe('queryFirst', () => {
  it('names every failure when no server answers', async () => {
    const fail = (s: string) => Promise.reject(new Error(`error querying NTP server ${s}: timeout`));
    await expect(queryFirst(['a', 'b'], fail)).rejects.toThrow(
      'error querying NTP server a: timeout; error querying NTP server b: timeout',
    );
    await expect(queryFirst([], fail)).rejects.toThrow('no NTP servers configured');
  });
});
