// ApplyConfiguration over machined's socket, against a real node root and config file.
import * as grpc from '@grpc/grpc-js';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { clients, machine, type MachineServiceClient } from '@talos/api';
import { generateConfigs, parseConfig, serializeConfig } from '@talos/config';
import { silentLogger } from '@talos/log';
import YAML from 'yaml';
import { MachineNode } from '../node';
import { MACHINE_CONFIG_ID, MachineConfigKind } from '../resources/kinds';
import { LogBuffer } from '../system/log-buffer';
import { eventually } from '../util/test-helpers';

const BASE = serializeConfig(
  generateConfigs({ clusterName: 'apply', endpoint: 'https://10.5.0.2:6443' }).controlplane,
);

function edited(change: (doc: Record<string, Record<string, unknown>>) => void): string {
  const tree = YAML.parse(BASE) as Record<string, Record<string, unknown>>;
  change(tree);
  return YAML.stringify(tree);
}

function apply(
  client: MachineServiceClient,
  req: machine.ApplyConfigurationRequest.$Properties,
): Promise<machine.ApplyConfigurationResponse> {
  return new Promise((resolve, reject) =>
    client.ApplyConfiguration(machine.ApplyConfigurationRequest.create(req), (err, res) =>
      err ? reject(err) : resolve(res as machine.ApplyConfigurationResponse),
    ),
  );
}

describe('ApplyConfiguration', () => {
  let root: string;
  let configPath: string;
  let node: MachineNode;
  let client: MachineServiceClient;
  let reboots: jest.SpyInstance;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'machined-apply-'));
    configPath = path.join(root, 'system', 'state', 'config.yaml');
    await mkdir(path.dirname(configPath), { recursive: true });
  });

  beforeEach(async () => {
    await writeFile(configPath, BASE, { mode: 0o600 });
    node = new MachineNode({
      root,
      address: '127.0.0.1',
      configPath,
      config: parseConfig(BASE),
      configText: BASE,
      bundleDir: root,
      machinedLog: new LogBuffer(),
      logger: silentLogger(),
      kmsgPath: path.join(root, 'no-kmsg'),
      services: () => [],
    });
    reboots = jest.spyOn(node, 'reboot').mockResolvedValue(undefined);
    await node.start();
    client = new clients.machine.MachineService(
      `unix:${node.paths.socket('machined')}`,
      grpc.credentials.createInsecure(),
    );
  });

  afterEach(async () => {
    client.close();
    await node.stop();
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  const resourceText = async (): Promise<string> =>
    (await node.resources.state.get(MachineConfigKind.pointer(MACHINE_CONFIG_ID))).spec;

  it('refuses an invalid config with every problem and leaves the stored file byte-identical', async () => {
    const before = await readFile(configPath);
    const bad = edited((t) => {
      t.machine!.colour = 'red';
      t.machine!.network = { interfaces: [{ interface: 'eth0', cidr: '10.5.0.300/24' }] };
    });
    const err = (await apply(client, { data: Buffer.from(bad), onReboot: true }).catch(
      (e: unknown) => e,
    )) as grpc.ServiceError;
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toContain('configuration is invalid');
    expect(err.details).toContain('machine.colour: unknown field');
    expect(err.details).toContain('machine.network.interfaces[0].cidr: "10.5.0.300/24" is not a valid CIDR');
    expect((await readFile(configPath)).equals(before)).toBe(true);
    expect(await resourceText()).toBe(BASE);
    expect(reboots).not.toHaveBeenCalled();
  });

  it('refuses YAML that does not parse', async () => {
    const before = await readFile(configPath);
    const err = (await apply(client, { data: Buffer.from('machine: [\n') }).catch(
      (e: unknown) => e,
    )) as grpc.ServiceError;
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toMatch(/configuration is invalid: yaml: /);
    expect((await readFile(configPath)).equals(before)).toBe(true);
  });

  it('refuses a change of machine type with FAILED_PRECONDITION', async () => {
    const before = await readFile(configPath);
    const other = edited((t) => {
      t.machine!.type = 'init';
    });
    const err = (await apply(client, { data: Buffer.from(other) }).catch(
      (e: unknown) => e,
    )) as grpc.ServiceError;
    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(err.details).toContain('machine.type');
    expect((await readFile(configPath)).equals(before)).toBe(true);
  });

  it('stores a valid config 0600 on reboot only, comments kept, and updates the resource', async () => {
    const next = `# applied by the spec\n${edited((t) => {
      t.machine!.certSANs = ['apply.example.com'];
    })}`;
    const res = await apply(client, { data: Buffer.from(next), onReboot: true });
    expect(res.messages).toHaveLength(1);
    expect(await readFile(configPath, 'utf8')).toBe(next);
    expect((await stat(configPath)).mode & 0o777).toBe(0o600);
    expect(await resourceText()).toBe(next);
    expect(reboots).not.toHaveBeenCalled();
  });

  it('restarts the services after storing when applied immediately (the default)', async () => {
    const next = `${BASE}# immediately\n`;
    await apply(client, { data: Buffer.from(next) });
    expect(await readFile(configPath, 'utf8')).toBe(next);
    await eventually(() => expect(reboots).toHaveBeenCalledTimes(1));
    expect(await resourceText()).toBe(next);
  });

  it('refuses on_reboot together with immediate', async () => {
    const err = (await apply(client, { data: Buffer.from(BASE), onReboot: true, immediate: true }).catch(
      (e: unknown) => e,
    )) as grpc.ServiceError;
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
  });
});
