import * as grpc from '@grpc/grpc-js';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { clients, resource, type ResourceServiceClient } from '@talos/api';
import type { MachineConfig } from '@talos/config';
import { silentLogger } from '@talos/log';
import { parse } from 'yaml';
import { MachineNode } from '../node';
import { InProcessRunner } from '../system/in-process-runner';
import { LogBuffer } from '../system/log-buffer';
import { ProcessRunner } from '../system/process-runner';
import { eventually, nodeScript } from '../util/test-helpers';

const SLEEPER = "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000);";
const CONFIG = { machine: { type: 'join' } } as unknown as MachineConfig;
const CONFIG_TEXT = '# written by hand\nversion: v1alpha1\nmachine:\n  type: join # a worker\n';

function get(
  client: ResourceServiceClient,
  req: resource.IGetRequest,
  metadata = new grpc.Metadata(),
): Promise<resource.GetResponse> {
  return new Promise((resolve, reject) =>
    client.Get(req, metadata, (err, res) => (err ? reject(err) : resolve(res!))),
  );
}

function withRole(role: string): grpc.Metadata {
  const md = new grpc.Metadata();
  md.set('talos-role', role);
  return md;
}

function list(client: ResourceServiceClient, req: resource.IListRequest): Promise<resource.ListResponse[]> {
  return new Promise((resolve, reject) => {
    const out: resource.ListResponse[] = [];
    const stream = client.List(req);
    stream.on('data', (m: resource.ListResponse) => out.push(m));
    stream.on('error', reject);
    stream.on('end', () => resolve(out));
  });
}

const yamlOf = (r: resource.IResource | null | undefined): unknown =>
  parse(Buffer.from(r!.spec!.yaml!).toString());

describe('resource API', () => {
  let root: string;
  let node: MachineNode;
  let client: ResourceServiceClient;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'machined-resources-'));
    const workerLog = new LogBuffer();
    node = new MachineNode({
      root,
      address: '127.0.0.1',
      configPath: path.join(root, 'config.yaml'),
      config: CONFIG,
      configText: CONFIG_TEXT,
      bundleDir: root,
      machinedLog: new LogBuffer(),
      logger: silentLogger(),
      kmsgPath: path.join(root, 'no-kmsg'),
      services: () => [
        {
          id: 'machined',
          runner: () => new InProcessRunner('machined'),
          api: { start: false, stop: false, restart: false },
        },
        {
          id: 'worker',
          log: workerLog,
          runner: () => new ProcessRunner({ args: nodeScript(SLEEPER), log: workerLog }),
        },
      ],
    });
    await node.start();
    client = new clients.resource.ResourceService(
      `unix:${node.paths.socket('machined')}`,
      grpc.credentials.createInsecure(),
    );
    await eventually(() => expect(node.supervisor.get('worker').state).toBe('Running'));
  });

  afterAll(async () => {
    client.close();
    await node.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('lists the resource definitions by the alias rd, each with its definition', async () => {
    const replies = await list(client, { type: 'rd' });
    const ids = replies.map((r) => r.resource!.metadata!.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'resourcedefinitions.meta.cosi.dev',
        'namespaces.meta.cosi.dev',
        'services.v1alpha1.talos.dev',
        'machineconfigs.config.talos.dev',
        'machinetypes.config.talos.dev',
      ]),
    );
    const rd = replies[0]!;
    expect(rd.definition!.metadata!.id).toBe('resourcedefinitions.meta.cosi.dev');
    expect(rd.resource!.metadata).toMatchObject({ namespace: 'meta', version: '1', phase: 'running' });
    const svc = replies.find((r) => r.resource!.metadata!.id === 'services.v1alpha1.talos.dev')!;
    expect(yamlOf(svc.resource)).toMatchObject({
      type: 'Services.v1alpha1.talos.dev',
      displayType: 'Service',
      defaultNamespace: 'runtime',
      aliases: expect.arrayContaining(['svc', 'services', 'service']),
      printColumns: [
        { name: 'Running', jsonPath: '{.running}' },
        { name: 'Healthy', jsonPath: '{.healthy}' },
      ],
    });
  });

  it('lists the namespaces', async () => {
    const ids = (await list(client, { type: 'namespaces' })).map((r) => r.resource!.metadata!.id);
    expect(ids).toEqual(expect.arrayContaining(['config', 'meta', 'runtime', 'secrets']));
  });

  it('gets MachineConfig with the text as written, by display type in any case', async () => {
    const res = await get(client, { type: 'MACHINECONFIG', id: 'v1alpha1' });
    const r = res.messages[0]!.resource!;
    expect(r.metadata).toMatchObject({ namespace: 'config', type: 'MachineConfigs.config.talos.dev' });
    expect(Buffer.from(r.spec!.yaml!).toString()).toBe(CONFIG_TEXT);
    const type = await get(client, { type: 'MachineTypes.config.talos.dev', id: 'machine-type' });
    expect(Buffer.from(type.messages[0]!.resource!.spec!.yaml!).toString()).toBe('join');
  });

  it('keeps secret resources from callers apid vouches for below os:admin', async () => {
    // This node's config carries no secrets: past the role check, the answer is NOT_FOUND.
    await expect(get(client, { type: 'rootsecrets', id: 'os' }, withRole('os:reader'))).rejects.toMatchObject(
      {
        code: grpc.status.PERMISSION_DENIED,
        details: expect.stringMatching(
          /RootSecrets\.secrets\.talos\.dev holds secrets: .*os:admin.*os:reader/,
        ),
      },
    );
    await expect(
      get(client, { type: 'etcdsecrets', id: 'etcd' }, withRole('os:operator')),
    ).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
    await expect(get(client, { type: 'rootsecrets', id: 'os' }, withRole('os:admin'))).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    // No role: the call came over machined's own socket (root only).
    await expect(get(client, { type: 'rootsecrets', id: 'os' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    // Types without secrets are for every role.
    const type = await get(client, { type: 'machinetype', id: 'machine-type' }, withRole('os:reader'));
    expect(type.messages).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown type, listing the known types', async () => {
    await expect(get(client, { type: 'nosuchthing', id: 'x' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: expect.stringMatching(/"nosuchthing".*known types:.*MachineConfig.*Service/),
    });
    await expect(list(client, { type: 'nosuchthing' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
  });

  it('answers NOT_FOUND for a missing resource and for the wrong namespace', async () => {
    await expect(get(client, { type: 'svc', id: 'nope' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
    await expect(get(client, { type: 'svc', id: 'worker', namespace: 'config' })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
    });
  });

  it('watches services: the current ones, then a restart as DESTROYED and CREATED', async () => {
    const stream = client.Watch({ type: 'svc' });
    const events: string[] = [];
    stream.on('data', (m: resource.WatchResponse) => {
      events.push(`${resource.EventType[m.eventType]} ${m.resource!.metadata!.id}`);
    });
    stream.on('error', () => undefined);
    await eventually(() =>
      expect(events).toEqual(expect.arrayContaining(['CREATED machined', 'CREATED worker'])),
    );
    const before = events.length;
    await node.supervisor.apiRestart('worker');
    await eventually(() =>
      expect(events.slice(before)).toEqual(expect.arrayContaining(['DESTROYED worker', 'CREATED worker'])),
    );
    stream.cancel();
    const worker = await get(client, { type: 'Service', id: 'worker' });
    expect(yamlOf(worker.messages[0]!.resource)).toMatchObject({ running: true });
  });
});
