// machined's gRPC server on its unix socket: machine.MachineService (every method answered, the
// unimplemented ones by name), resource.ResourceService, inspect.InspectService, plus the standard health and reflection services.
import type * as grpc from '@grpc/grpc-js';
import {
  packageDefinition,
  services,
  type InspectServiceHandlers,
  type MachineServiceHandlers,
  type ResourceServiceHandlers,
} from '@talos/api';
import { addStandardServices, createServer, implement, listenUnix, shutdownServer } from '@talos/rpc';
import { inspectHandlers, type InspectApiDeps } from './inspect-api';
import { machineHandlers, type MachineApiDeps } from './machine-api';
import { resourceHandlers, type ResourceApiDeps } from './resource-api';

export const MACHINE_SERVICE_NAME = 'machine.MachineService';
export const RESOURCE_SERVICE_NAME = 'resource.ResourceService';
export const INSPECT_SERVICE_NAME = 'inspect.InspectService';

export type MachineServerDeps = MachineApiDeps & ResourceApiDeps & InspectApiDeps;

export interface MachineServer {
  server: grpc.Server;
  close(graceMs?: number): Promise<void>;
}

export async function startMachineServer(
  socketPath: string,
  deps: MachineServerDeps,
): Promise<MachineServer> {
  const server = createServer();
  server.addService(
    services.machine.MachineService,
    implement<MachineServiceHandlers>(services.machine.MachineService, machineHandlers(deps)),
  );
  server.addService(
    services.resource.ResourceService,
    implement<ResourceServiceHandlers>(services.resource.ResourceService, resourceHandlers(deps)),
  );
  server.addService(
    services.inspect.InspectService,
    implement<InspectServiceHandlers>(services.inspect.InspectService, inspectHandlers(deps)),
  );
  const names = [MACHINE_SERVICE_NAME, RESOURCE_SERVICE_NAME, INSPECT_SERVICE_NAME];
  addStandardServices(server, {
    serviceNames: names,
    packageDefinition,
    reflectServices: names,
  });
  await listenUnix(server, socketPath);
  return { server, close: (graceMs) => shutdownServer(server, graceMs) };
}
