import * as grpc from '@grpc/grpc-js';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  clients,
  google,
  inspect,
  services,
  type InspectServiceClient,
  type InspectServiceHandlers,
} from '@talos/api';
import { silentLogger } from '@talos/log';
import { ControllerRuntime, InMemoryState } from '@talos/resources';
import { createServer, implement, listenUnix, shutdownServer } from '@talos/rpc';
import { inspectHandlers, type InspectApiDeps } from './inspect-api';

function dependencies(client: InspectServiceClient): Promise<inspect.ControllerRuntimeDependenciesResponse> {
  return new Promise((resolve, reject) =>
    client.ControllerRuntimeDependencies(google.protobuf.Empty.create(), (err, res) =>
      err ? reject(err) : resolve(res!),
    ),
  );
}

describe('inspect API', () => {
  let dir: string;
  const servers: grpc.Server[] = [];
  const opened: InspectServiceClient[] = [];

  async function serve(deps: InspectApiDeps): Promise<InspectServiceClient> {
    const server = createServer();
    server.addService(
      services.inspect.InspectService,
      implement<InspectServiceHandlers>(services.inspect.InspectService, inspectHandlers(deps)),
    );
    const socket = path.join(dir, `inspect-${servers.length}.sock`);
    await listenUnix(server, socket);
    servers.push(server);
    const client = new clients.inspect.InspectService(`unix:${socket}`, grpc.credentials.createInsecure());
    opened.push(client);
    return client;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'machined-inspect-'));
  });

  afterAll(async () => {
    for (const c of opened) c.close();
    for (const s of servers) await shutdownServer(s);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers with the runtime graph: MANAGES, STRONG and WEAK edges with their wire numbers', async () => {
    const runtime = new ControllerRuntime(new InMemoryState(), { logger: silentLogger() });
    runtime.register({
      name: 'config.MachineTypeController',
      inputs: [
        { namespace: 'config', type: 'MachineConfigs.config.talos.dev', id: 'v1alpha1', kind: 'strong' },
        { namespace: 'runtime', type: 'Services.v1alpha1.talos.dev', kind: 'weak' },
      ],
      outputs: [{ type: 'MachineTypes.config.talos.dev', kind: 'exclusive' }],
      reconcile: async () => {},
    });
    const res = await dependencies(await serve({ runtime }));
    expect(res.messages).toHaveLength(1);
    const edges = (res.messages[0]!.edges ?? []).map((e) =>
      inspect.ControllerDependencyEdge.toObject(inspect.ControllerDependencyEdge.fromObject(e), {
        defaults: true,
      }),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          controllerName: 'config.MachineTypeController',
          edgeType: inspect.DependencyEdgeType.MANAGES,
          resourceNamespace: '',
          resourceType: 'MachineTypes.config.talos.dev',
          resourceId: '',
        },
        {
          controllerName: 'config.MachineTypeController',
          edgeType: inspect.DependencyEdgeType.STRONG,
          resourceNamespace: 'config',
          resourceType: 'MachineConfigs.config.talos.dev',
          resourceId: 'v1alpha1',
        },
        {
          controllerName: 'config.MachineTypeController',
          edgeType: inspect.DependencyEdgeType.WEAK,
          resourceNamespace: 'runtime',
          resourceType: 'Services.v1alpha1.talos.dev',
          resourceId: '',
        },
      ]),
    );
    expect(edges).toHaveLength(3);
  });

  it('answers an empty graph for a runtime without controllers', async () => {
    const runtime = new ControllerRuntime(new InMemoryState(), { logger: silentLogger() });
    const res = await dependencies(await serve({ runtime }));
    expect(res.messages).toHaveLength(1);
    expect(res.messages[0]!.edges ?? []).toEqual([]);
  });

  it('fails with UNAVAILABLE when no runtime was wired', async () => {
    await expect(dependencies(await serve({}))).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
      details: 'controller runtime is not available',
    });
  });
});
