import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MachineConfig } from '@talos/config';
import { NODE_FLAGS, NodePaths, TRUSTD_PORT, daemonBundle } from '@talos/constants';
import { silentLogger } from '@talos/log';
import { MachineNode } from '../node';
import { LogBuffer } from '../system/log-buffer';
import { ServiceState } from '../system/service-state';
import { eventually } from '../util/test-helpers';
import { devServices } from './dev-services';

const FAST_HEALTH = { initialDelayMs: 20, periodMs: 100, timeoutMs: 1000 };

function defs(machineType: 'init' | 'controlplane' | 'join', address = '127.0.0.5') {
  return devServices({
    root: '/nodes/n1',
    address,
    configPath: '/nodes/n1/system/state/config.yaml',
    machineType,
    osCA: () => '-----BEGIN CERTIFICATE-----\nnot ours\n-----END CERTIFICATE-----\n',
    bundleDir: '/bundles',
    machinedLog: new LogBuffer(),
    nodeExecutable: '/usr/bin/node',
  });
}

/** A stand-in daemon bundle: records its argv, serves grpc health on its socket, stops on SIGTERM. */
function fakeDaemon(argvFile: string, socket: string | undefined): string {
  const serve = socket
    ? `
const grpc = require(${JSON.stringify(require.resolve('@grpc/grpc-js'))});
const { HealthImplementation } = require(${JSON.stringify(require.resolve('grpc-health-check'))});
const server = new grpc.Server();
new HealthImplementation({ '': 'SERVING' }).addToServer(server);
try { fs.unlinkSync(${JSON.stringify(socket)}); } catch {}
server.bindAsync(${JSON.stringify('unix:' + socket)}, grpc.ServerCredentials.createInsecure(), (err) => {
  if (err) { console.error(err.message); process.exit(1); }
});`
    : '';
  return `
const fs = require('fs');
fs.writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(process.argv.slice(2)));
console.log('fake daemon up');
${serve}
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {}, 1000);
`;
}

describe('dev-mode services', () => {
  it('runs trustd only on control planes; apid and trustd wait for no daemon', () => {
    const cp = defs('controlplane');
    expect(cp.map((d) => d.id).sort()).toEqual([
      'apid',
      'machined',
      'networkd',
      'routerd',
      'timed',
      'trustd',
      'udevd',
    ]);
    expect(cp.find((d) => d.id === 'apid')!.dependsOn).toEqual([]);
    expect(cp.find((d) => d.id === 'trustd')!.dependsOn).toEqual([]);
    const worker = defs('join');
    expect(worker.map((d) => d.id)).not.toContain('trustd');
    expect(worker.find((d) => d.id === 'apid')!.dependsOn).toEqual([]);
    expect(worker.find((d) => d.id === 'routerd')!.dependsOn).toEqual(['machined']);
    expect(worker.find((d) => d.id === 'timed')!.dependsOn).toEqual(['networkd']);
  });

  it("does not take a foreign listener on trustd's port for trustd", async () => {
    // What another cluster on the same address looks like: something accepts on 50001.
    const foreign = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve, reject) => {
      foreign.once('error', reject);
      foreign.listen(TRUSTD_PORT, '127.0.41.5', resolve);
    });
    try {
      const trustd = defs('init', '127.0.41.5').find((d) => d.id === 'trustd')!;
      await expect(trustd.health!.check(AbortSignal.timeout(5000))).rejects.toThrow(
        /^tls 127\.0\.41\.5:50001: /,
      );
    } finally {
      await new Promise((r) => foreign.close(r));
    }
  });

  it('starts each daemon from its bundle with the Node flags, --root and the flags it needs', () => {
    const apid = defs('init')
      .find((d) => d.id === 'apid')!
      .runner()!
      .toString();
    expect(apid).toContain(
      JSON.stringify([
        '/usr/bin/node',
        ...NODE_FLAGS,
        daemonBundle('apid', '/bundles'),
        '--root',
        '/nodes/n1',
        '--address',
        '127.0.0.5',
        '--config',
        '/nodes/n1/system/state/config.yaml',
      ]).replace(/","/g, '" "'),
    );
    const routerd = defs('init')
      .find((d) => d.id === 'routerd')!
      .runner()!
      .toString();
    expect(routerd).not.toContain('--address');
    expect(defs('init').find((d) => d.id === 'machined')!.api).toEqual({
      start: false,
      stop: false,
      restart: false,
    });
  });

  describe('a node booting from daemon bundles', () => {
    let dir: string;
    let root: string;
    let bundles: string;
    let node: MachineNode;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'machined-boot-'));
      root = path.join(dir, 'node');
      bundles = path.join(dir, 'bundles');
      const paths = new NodePaths(root);
      for (const daemon of ['apid', 'routerd', 'networkd', 'timed', 'udevd']) {
        const bundle = daemonBundle(daemon, bundles);
        await mkdir(path.dirname(bundle), { recursive: true });
        await writeFile(bundle, fakeDaemon(path.join(dir, `${daemon}.argv`), paths.socket(daemon)));
      }
      node = new MachineNode({
        root,
        address: '127.0.0.1',
        configPath: paths.configFile,
        config: { machine: { type: 'join' } } as unknown as MachineConfig,
        bundleDir: bundles,
        machinedLog: new LogBuffer(),
        logger: silentLogger(),
        health: FAST_HEALTH,
      });
      await node.start();
    }, 20_000);

    afterAll(async () => {
      await node.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('brings every service up in dependency order and ends the boot sequence', async () => {
      await eventually(() => {
        const seq = node.bus
          .recent()
          .flatMap((e) => (e.payload.type === 'sequence' ? [e.payload.action] : []));
        expect(seq).toEqual(['start', 'stop']);
      }, 20_000);
      for (const svc of node.supervisor.list()) {
        expect([svc.id, svc.state]).toEqual([svc.id, ServiceState.Running]);
        expect(svc.isUp()).toBe(true);
      }
      const upAt = (id: string) =>
        node.supervisor
          .get(id)
          .events()
          .find((e) => e.msg === 'Health check successful')!
          .ts.getTime();
      const preparedAt = (id: string) =>
        node.supervisor
          .get(id)
          .events()
          .find((e) => e.state === ServiceState.Preparing)!
          .ts.getTime();
      expect(preparedAt('routerd')).toBeGreaterThanOrEqual(upAt('machined'));
      expect(preparedAt('timed')).toBeGreaterThanOrEqual(upAt('networkd'));

      const argv = JSON.parse(await readFile(path.join(dir, 'apid.argv'), 'utf8'));
      expect(argv).toEqual([
        '--root',
        root,
        '--address',
        '127.0.0.1',
        '--config',
        node.paths.daemonConfigFile,
      ]);
      // The daemons read the config's data as JSON, private to root like the YAML it comes from.
      expect(JSON.parse(await readFile(node.paths.daemonConfigFile, 'utf8'))).toEqual({
        machine: { type: 'join' },
      });
      expect((await stat(node.paths.daemonConfigFile)).mode & 0o777).toBe(0o600);
      expect(node.supervisor.get('networkd').definition.log!.tail().toString()).toContain('fake daemon up\n');
    }, 25_000);

    it('stops every service on shutdown, dependents first', async () => {
      const since = node.bus.recent().length;
      await node.stop();
      const finished = node.bus
        .recent()
        .slice(since)
        .flatMap((e) =>
          e.payload.type === 'service' && e.payload.state === ServiceState.Finished
            ? [e.payload.service]
            : [],
        );
      expect(finished.indexOf('routerd')).toBeLessThan(finished.indexOf('machined'));
      expect(finished.indexOf('timed')).toBeLessThan(finished.indexOf('networkd'));
      expect(node.supervisor.list().every((s) => !s.running)).toBe(true);
    });
  });
});
