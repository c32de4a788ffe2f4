import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clients, type google, type network } from '@talos/api';
import { NodePaths } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { dialUnix, unary } from '@talos/rpc';
import { bundleDaemon, makeTmpDir, startDaemon, waitFor, type TmpDir } from '@talos/testing';
import { Networkd } from './networkd';

const SYS_NET = '/sys/class/net';

describe('networkd', () => {
  let tmp: TmpDir;
  beforeAll(async () => {
    tmp = await makeTmpDir('networkd-');
  });
  afterAll(async () => {
    await tmp?.cleanup();
  });

  it('serves Interfaces and Routes over its unix socket, matching /sys/class/net', async () => {
    const socket = new NodePaths(path.join(tmp.path, 'a')).socket('networkd');
    const networkd = await Networkd.start({ socketPath: socket, logger: silentLogger() });
    const client = dialUnix(clients.network.NetworkService, socket);
    try {
      const ifaces =
        (await unary<google.protobuf.IEmpty, network.InterfacesResponse>(client, client.Interfaces, {}))
          .messages[0]!.interfaces ?? [];
      expect(ifaces.map((i) => i.name).sort()).toEqual(fs.readdirSync(SYS_NET).sort());
      for (const i of ifaces) {
        expect(i.mtu).toBe(Number(fs.readFileSync(path.join(SYS_NET, i.name!, 'mtu'), 'utf8')));
        expect(i.index).toBe(Number(fs.readFileSync(path.join(SYS_NET, i.name!, 'ifindex'), 'utf8')));
      }
      const routes =
        (await unary<google.protobuf.IEmpty, network.RoutesResponse>(client, client.Routes, {})).messages[0]!
          .routes ?? [];
      expect(routes).toContainEqual(expect.objectContaining({ interface: 'lo', destination: '127.0.0.0/8' }));
    } finally {
      client.close();
      await networkd.stop();
    }
  });

  it('answers INTERNAL with the error when the kernel cannot be read', async () => {
    const socket = new NodePaths(path.join(tmp.path, 'b')).socket('networkd');
    const broken = () => Promise.reject(new Error('error listing links: socket: EACCES (permission denied)'));
    const networkd = await Networkd.start({
      socketPath: socket,
      logger: silentLogger(),
      state: { links: broken, addresses: broken, routes: broken },
    });
    const client = dialUnix(clients.network.NetworkService, socket);
    try {
      await expect(
        unary<google.protobuf.IEmpty, network.RoutesResponse>(client, client.Routes, {}),
      ).rejects.toMatchObject({
        code: grpc.status.INTERNAL,
        details: 'error listing links: socket: EACCES (permission denied)',
      });
    } finally {
      client.close();
      await networkd.stop();
    }
  });

  it('runs as a process with --root, and stops cleanly on SIGTERM', async () => {
    const root = path.join(tmp.path, 'node');
    const socket = new NodePaths(root).socket('networkd');
    const bundle = await bundleDaemon('networkd');
    const daemon = startDaemon(bundle.main, ['--root', root, '--config', path.join(root, 'config.yaml')]);
    try {
      const client = dialUnix(clients.network.NetworkService, socket);
      let names: string[] = [];
      await waitFor(
        async () => {
          names = (
            await unary<google.protobuf.IEmpty, network.InterfacesResponse>(
              client,
              client.Interfaces,
              {},
              { timeoutMs: 1000 },
            )
          ).messages[0]!.interfaces!.map((i) => i.name ?? '');
          return true;
        },
        10_000,
        'networkd to answer',
      );
      client.close();
      expect(names).toContain('lo');
      expect(await daemon.stop()).toBe(0);
    } finally {
      await daemon.stop();
      await bundle.cleanup();
    }
  }, 30_000);
});
