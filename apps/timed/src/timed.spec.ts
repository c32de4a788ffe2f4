import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clients, type google, type time } from '@talos/api';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { dialUnix, unary } from '@talos/rpc';
import { bundleDaemon, healthStatus, makeTmpDir, startDaemon, waitFor, type TmpDir } from '@talos/testing';
import { CHRONYD, freeUdpPort, startChronyd, type Chronyd } from '@talos/testing';
import { TIME_SYNC_HEALTH_SERVICE } from '@talos/constants';
import { Timed } from './timed';

(fs.existsSync(CHRONYD) ? describe : describe.skip)('timed', () => {
  let chronyd: Chronyd;
  let tmp: TmpDir;
  let deadServer: string;
  beforeAll(async () => {
    chronyd = await startChronyd();
    tmp = await makeTmpDir('timed-');
    deadServer = `127.0.0.1:${await freeUdpPort()}`;
  }, 15_000);
  afterAll(async () => {
    await chronyd?.stop();
    await tmp?.cleanup();
  });

  describe('in process', () => {
    let timed: Timed;
    let client: InstanceType<typeof clients.time.TimeService>;
    const socket = () => new NodePaths(path.join(tmp.path, 'a')).socket('timed');
    const steps: number[] = [];
    beforeAll(async () => {
      timed = await Timed.start({
        socketPath: socket(),
        settings: { servers: [deadServer, chronyd.server], syncDisabled: false },
        logger: silentLogger(),
        // The host clock is not ours to set: record what timed would do.
        clock: { step: (ms) => void steps.push(ms), slew: (ms) => void steps.push(ms) },
      });
      client = dialUnix(clients.time.TimeService, socket());
    });
    afterAll(async () => {
      client?.close();
      await timed?.stop();
    });

    it('answers Time from the first configured server that responds', async () => {
      const before = Date.now();
      const res = await unary<google.protobuf.IEmpty, time.TimeResponse>(client, client.Time, {});
      expect(res.messages).toHaveLength(1);
      const msg = res.messages[0]!;
      expect(msg.server).toBe(chronyd.server);
      const local = Number(msg.localtime!.seconds) * 1000 + (msg.localtime!.nanos ?? 0) / 1e6;
      const remote = Number(msg.remotetime!.seconds) * 1000 + (msg.remotetime!.nanos ?? 0) / 1e6;
      expect(local).toBeGreaterThanOrEqual(before - 1);
      expect(Math.abs(remote - local)).toBeLessThan(1000);
    });

    it('answers TimeCheck for a given server, and UNAVAILABLE when it does not answer', async () => {
      const res = await unary<time.ITimeRequest, time.TimeResponse>(client, client.TimeCheck, {
        server: chronyd.server,
      });
      expect(res.messages[0]!.server).toBe(chronyd.server);
      await expect(
        unary<time.ITimeRequest, time.TimeResponse>(client, client.TimeCheck, { server: deadServer }),
      ).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
        details: `error querying NTP server ${deadServer}: connection refused (no NTP server on that port)`,
      });
    });

    it('syncs in the background and serves health', async () => {
      await waitFor(() => timed.syncer.ready, 5000, 'first sync');
      expect(steps.length).toBeGreaterThanOrEqual(1);
      expect(await healthStatus(socket())).toBe(1);
      // the sync state machined's TimeStatusController reads
      expect(await healthStatus(socket(), TIME_SYNC_HEALTH_SERVICE)).toBe(1);
    });
  });

  it('reports the sync health NOT_SERVING while no server has answered', async () => {
    const socket = new NodePaths(path.join(tmp.path, 'unsynced')).socket('timed');
    const timed = await Timed.start({
      socketPath: socket,
      settings: { servers: [deadServer], syncDisabled: false },
      logger: silentLogger(),
      clock: { step: () => undefined, slew: () => undefined },
    });
    try {
      expect(await healthStatus(socket)).toBe(1);
      expect(await healthStatus(socket, TIME_SYNC_HEALTH_SERVICE)).toBe(2);
    } finally {
      await timed.stop();
    }
  });

  it('runs as a process with --root and --servers, and stops cleanly on SIGTERM', async () => {
    const root = path.join(tmp.path, 'node');
    const socket = new NodePaths(root).socket('timed');
    const bundle = await bundleDaemon('timed');
    const daemon = startDaemon(bundle.main, ['--root', root, '--servers', chronyd.server]);
    try {
      await waitFor(() => healthStatus(socket).then((s) => s === 1), 10_000, 'timed health');
      const client = dialUnix(clients.time.TimeService, socket);
      const res = await unary<google.protobuf.IEmpty, time.TimeResponse>(client, client.Time, {});
      client.close();
      expect(res.messages[0]!.server).toBe(chronyd.server);
      expect(await daemon.stop()).toBe(0);
      expect(daemon.output()).toContain('not setting the system clock: dev mode');
    } finally {
      await daemon.stop();
      await bundle.cleanup();
    }
  }, 30_000);
});
