import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  SERVICE_NAMES,
  allMethods,
  clients,
  common,
  machine,
  methodInfo,
  packageDefinition,
  services,
  time,
  type MachineServiceHandlers,
  type TimeServiceHandlers,
} from './index';

// REFERENCE.md's Talos v0.9.3 RPCs (+ our routerd.RouterService). Its count of 55 also takes in
// health.Health (Check, Watch, Ready), a per-daemon service that proto/ leaves out.
const TALOS_METHODS: Record<string, string[]> = {
  'machine.MachineService': [
    'ApplyConfiguration',
    'Bootstrap',
    'Containers',
    'Copy',
    'CPUInfo',
    'DiskStats',
    'Dmesg',
    'Events',
    'EtcdMemberList',
    'EtcdRemoveMember',
    'EtcdLeaveCluster',
    'EtcdForfeitLeadership',
    'GenerateConfiguration',
    'Hostname',
    'Kubeconfig',
    'List',
    'DiskUsage',
    'LoadAvg',
    'Logs',
    'Memory',
    'Mounts',
    'NetworkDeviceStats',
    'Processes',
    'Read',
    'Reboot',
    'Restart',
    'Rollback',
    'Reset',
    'Recover',
    'RemoveBootkubeInitializedKey',
    'ServiceList',
    'ServiceRestart',
    'ServiceStart',
    'ServiceStop',
    'Shutdown',
    'Stats',
    'SystemStat',
    'Upgrade',
    'Version',
  ],
  'time.TimeService': ['Time', 'TimeCheck'],
  'network.NetworkService': ['Routes', 'Interfaces'],
  'resource.ResourceService': ['Get', 'List', 'Watch'],
  'cluster.ClusterService': ['HealthCheck'],
  'inspect.InspectService': ['ControllerRuntimeDependencies'],
  'securityapi.SecurityService': ['Certificate', 'ReadFile', 'WriteFile'],
  'storage.StorageService': ['Disks'],
};

const SERVER_STREAMING = [
  '/machine.MachineService/Copy',
  '/machine.MachineService/DiskUsage',
  '/machine.MachineService/Dmesg',
  '/machine.MachineService/Events',
  '/machine.MachineService/Kubeconfig',
  '/machine.MachineService/List',
  '/machine.MachineService/Logs',
  '/machine.MachineService/Read',
  '/resource.ResourceService/List',
  '/resource.ResourceService/Watch',
  '/cluster.ClusterService/HealthCheck',
].sort();

interface ReflectionReply {
  list_services_response?: { service: { name: string }[] };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
  error_response?: { error_message: string };
}

function definitionOf(fullName: string): grpc.ServiceDefinition | undefined {
  const [pkg, name] = fullName.split('.') as [string, string];
  const byPackage = (services as Record<string, Record<string, grpc.ServiceDefinition>>)[pkg];
  return byPackage?.[name];
}

describe('service table', () => {
  it('lists every Talos service plus routerd', () => {
    expect(SERVICE_NAMES).toEqual([...Object.keys(TALOS_METHODS), 'routerd.RouterService'].sort());
  });

  it('has the Talos RPCs by name: 48 routed, 52 in all, 39 on MachineService', () => {
    for (const [service, methods] of Object.entries(TALOS_METHODS)) {
      const have = allMethods()
        .filter((m) => m.service === service)
        .map((m) => m.method)
        .sort();
      expect(have).toEqual([...methods].sort());
    }
    expect(TALOS_METHODS['machine.MachineService']).toHaveLength(39);
    const notRouted = ['securityapi.SecurityService', 'storage.StorageService', 'routerd.RouterService'];
    expect(allMethods().filter((m) => !notRouted.includes(m.service))).toHaveLength(48);
    expect(allMethods().filter((m) => m.service !== 'routerd.RouterService')).toHaveLength(52);
  });

  it('gives every service a grpc-js definition keyed by proto method name', () => {
    for (const name of SERVICE_NAMES) {
      const def = definitionOf(name);
      expect(def).toBeDefined();
      const methods = allMethods().filter((m) => m.service === name);
      expect(Object.keys(def ?? {}).sort()).toEqual(methods.map((m) => m.method).sort());
      for (const m of methods) {
        const entry = def?.[m.method];
        expect(entry?.path).toBe(m.path);
        expect(entry?.requestStream).toBe(m.requestStream);
        expect(entry?.responseStream).toBe(m.responseStream);
      }
    }
    expect(services.machine.MachineService.CPUInfo.originalName).toBe('cpuInfo');
  });

  it('has exactly the server-streaming methods of REFERENCE.md and no client streaming', () => {
    const streaming = allMethods()
      .filter((m) => m.responseStream)
      .map((m) => m.path)
      .sort();
    expect(streaming).toEqual(SERVER_STREAMING);
    expect(allMethods().filter((m) => m.requestStream)).toEqual([]);
  });

  it('looks methods up by path', () => {
    expect(methodInfo('/machine.MachineService/Logs')).toEqual({
      path: '/machine.MachineService/Logs',
      service: 'machine.MachineService',
      method: 'Logs',
      requestStream: false,
      responseStream: true,
    });
    expect(methodInfo('/machine.MachineService/Nope')).toBeUndefined();
    expect(methodInfo('/routerd.RouterService/RegisterRoute')?.responseStream).toBe(false);
  });
});

describe('grpc-js round trip over a unix socket', () => {
  let dir: string;
  let server: grpc.Server;
  let address: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'api-spec-'));
    address = `unix://${path.join(dir, 'api.sock')}`;
    server = new grpc.Server();
    const timeHandlers: TimeServiceHandlers = {
      Time: (_call, callback) =>
        callback(null, {
          messages: [{ server: 'pool.ntp.org', localtime: { seconds: 1_600_000_000, nanos: 5 } }],
        }),
      TimeCheck: (call, callback) => callback(null, { messages: [{ server: call.request.server }] }),
    };
    server.addService(services.time.TimeService, timeHandlers);
    const machineHandlers: Partial<MachineServiceHandlers> = {
      Logs: (call) => {
        call.write({ metadata: { hostname: call.request.id }, bytes: Buffer.from('line 1\n') });
        call.write({ bytes: Buffer.from('line 2\n') });
        call.end();
      },
    };
    server.addService(services.machine.MachineService, machineHandlers as MachineServiceHandlers);
    new ReflectionService(packageDefinition).addToServer(server);
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('calls a unary method through the typed client', async () => {
    const client = new clients.time.TimeService(address, grpc.credentials.createInsecure());
    try {
      const reply = await new Promise<time.TimeResponse>((resolve, reject) =>
        client.TimeCheck({ server: 'time.cloudflare.com' }, (err, res) =>
          err || !res ? reject(err) : resolve(res),
        ),
      );
      expect(reply.messages[0]?.server).toBe('time.cloudflare.com');
      const now = await new Promise<time.TimeResponse>((resolve, reject) =>
        client.Time({}, (err, res) => (err || !res ? reject(err) : resolve(res))),
      );
      expect(now.messages[0]?.localtime?.seconds).toBe(1_600_000_000);
    } finally {
      client.close();
    }
  });

  it('streams a server-streaming method', async () => {
    const client = new clients.machine.MachineService(address, grpc.credentials.createInsecure());
    try {
      const chunks: string[] = [];
      let host = '';
      await new Promise<void>((resolve, reject) => {
        const stream = client.Logs({ namespace: 'system', id: 'apid' });
        stream.on('data', (d: common.Data) => {
          host ||= d.metadata?.hostname ?? '';
          chunks.push(Buffer.from(d.bytes).toString());
        });
        stream.on('error', reject);
        stream.on('end', resolve);
      });
      expect(host).toBe('apid');
      expect(chunks.join('')).toBe('line 1\nline 2\n');
      const unimplemented = await new Promise<grpc.ServiceError>((resolve) =>
        client.Version({}, (err) => resolve(err as grpc.ServiceError)),
      );
      expect(unimplemented.code).toBe(grpc.status.UNIMPLEMENTED);
      expect(machine.VersionResponse).toBeDefined();
    } finally {
      client.close();
    }
  });

  it('answers the reflection API with every service and its descriptors', async () => {
    const reflectionProto =
      require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
    const pkg = grpc.loadPackageDefinition(
      protoLoader.loadSync(reflectionProto, { keepCase: true }),
    ) as unknown as {
      grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
    };
    const client = new pkg.grpc.reflection.v1.ServerReflection(address, grpc.credentials.createInsecure());
    const openCall = client['ServerReflectionInfo'] as () => grpc.ClientDuplexStream<object, ReflectionReply>;
    try {
      const ask = (request: object) =>
        new Promise<ReflectionReply>((resolve, reject) => {
          const call = openCall.call(client);
          call.on('data', (res: ReflectionReply) => {
            resolve(res);
            call.end();
          });
          call.on('error', reject);
          call.write(request);
        });
      const listed = await ask({ list_services: '' });
      const names = (listed.list_services_response?.service ?? []).map((s) => s.name);
      for (const name of SERVICE_NAMES) expect(names).toContain(name);
      const file = await ask({ file_containing_symbol: 'machine.MachineService' });
      expect(file.error_response).toBeFalsy();
      const protos = file.file_descriptor_response?.file_descriptor_proto ?? [];
      expect(protos.length).toBeGreaterThan(0);
      const text = Buffer.concat(protos).toString('latin1');
      expect(text).toContain('RemoveBootkubeInitializedKey');
      expect(text).toContain('tail_events');
    } finally {
      client.close();
    }
  });
});
