import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { clients } from '@talos/api';
import { Client } from '@talos/client';
import { generateConfigs, serializeConfig } from '@talos/config';
import { silentLogger } from '@talos/log';
import { parseSubmitted } from '../config/config-applier';
import { listDisks } from './disks';
import { MaintenanceServer } from './maintenance-server';

const insecure = grpc.credentials.createSsl(null, null, null, {
  rejectUnauthorized: false,
  checkServerIdentity: () => undefined,
});

describe('maintenance mode', () => {
  let dir: string;
  let server: MaintenanceServer;
  let stored: string;
  const valid = serializeConfig(
    generateConfigs({ clusterName: 'm', endpoint: 'https://10.5.0.2:6443' }).init,
  );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'maintenance-'));
    stored = path.join(dir, 'config.yaml');
    server = await MaintenanceServer.start({
      address: '127.0.0.1',
      port: 0,
      hostname: 'talos-m',
      logger: silentLogger(),
      version: { tag: 'v-test' },
      platform: { name: 'metal', mode: 'metal' },
      accept: async (data) => {
        const { text } = parseSubmitted(data);
        await writeFile(stored, text, { mode: 0o600 });
      },
      disks: async () => [{ size: 10 * 2 ** 30, model: 'QEMU HARDDISK', deviceName: '/dev/vda' }],
    });
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const client = (): Client => Client.connect({ endpoints: [`127.0.0.1:${server.port}`], insecure: true });

  it('answers Version and Disks over TLS to a client without a certificate', async () => {
    const c = client();
    try {
      const [version] = await c.version();
      expect(version?.message.version?.tag).toBe('v-test');
    } finally {
      c.close();
    }
    const storage = new clients.storage.StorageService(`127.0.0.1:${server.port}`, insecure);
    const disks = await new Promise<unknown>((resolve, reject) =>
      storage.Disks({}, (err, res) => (err ? reject(err) : resolve(res))),
    );
    storage.close();
    expect(disks).toMatchObject({ disks: [{ deviceName: '/dev/vda', model: 'QEMU HARDDISK' }] });
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses every other call, saying maintenance mode and what it serves', async () => {
    const c = client();
    try {
      await expect(c.serviceList()).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        message: expect.stringMatching(
          /machine\.MachineService\/ServiceList is not available in maintenance mode.*ApplyConfiguration/,
        ),
      });
      await expect(c.time()).rejects.toMatchObject({
        code: grpc.status.FAILED_PRECONDITION,
        message: expect.stringMatching(/time\.TimeService\/Time is not available in maintenance mode/),
      });
    } finally {
      c.close();
    }
  });

  it('refuses an invalid config naming the problem and stores nothing, then accepts a valid one once', async () => {
    const c = client();
    await expect(
      c.applyConfiguration('version: v1alpha1\nmachine:\n  type: sideways\n'),
    ).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      message: expect.stringMatching(/machine\.type/),
    });
    expect(fs.existsSync(stored)).toBe(false);

    await c.applyConfiguration(valid);
    await server.configured;
    expect(await readFile(stored, 'utf8')).toBe(valid);
    await expect(c.applyConfiguration(valid)).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
    });
    c.close();
  });

  it('lists whole disks from sysfs, leaving out loop and RAM devices', async () => {
    const sys = path.join(dir, 'sys-block');
    for (const [name, sectors, model] of [
      ['vda', '20971520', 'QEMU HARDDISK'],
      ['loop0', '100', ''],
      ['ram0', '100', ''],
      ['sr0', '0', ''],
    ] as const) {
      fs.mkdirSync(path.join(sys, name, 'device'), { recursive: true });
      fs.writeFileSync(path.join(sys, name, 'size'), `${sectors}\n`);
      if (model) fs.writeFileSync(path.join(sys, name, 'device', 'model'), `${model}  \n`);
    }
    expect(await listDisks(sys)).toEqual([
      { size: 20971520 * 512, model: 'QEMU HARDDISK', deviceName: '/dev/vda' },
    ]);
    await expect(listDisks(path.join(dir, 'absent'))).rejects.toThrow(/^error listing disks in /);
  });
});
