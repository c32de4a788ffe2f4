// machined's gRPC server on its unix socket: machine.MachineService (every method answered, the
// unimplemented ones by name), resource.ResourceService, plus the standard health and reflection services.
import type * as grpc from '@grpc/grpc-js';
import {
  packageDefinition,
  services,
  type MachineServiceHandlers,
  type ResourceServiceHandlers,
} from '@talos/api';
import { addStandardServices, createServer, implement, listenUnix, shutdownServer } from '@talos/rpc';
import { machineHandlers, type MachineApiDeps } from './machine-api';
import { resourceHandlers, type ResourceApiDeps } from './resource-api';

export const MACHINE_SERVICE_NAME = 'machine.MachineService';
export const RESOURCE_SERVICE_NAME = 'resource.ResourceService';

export type MachineServerDeps = MachineApiDeps & ResourceApiDeps;

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
  addStandardServices(server, {
    serviceNames: [MACHINE_SERVICE_NAME, RESOURCE_SERVICE_NAME],
    packageDefinition,
    reflectServices: [MACHINE_SERVICE_NAME, RESOURCE_SERVICE_NAME],
  });
  await listenUnix(server, socketPath);
  return { server, close: (graceMs) => shutdownServer(server, graceMs) };
}
