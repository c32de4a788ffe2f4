// machined's gRPC server on its unix socket: machine.MachineService (every method answered, the
// unimplemented ones by name), plus the standard health and reflection services.
import type * as grpc from '@grpc/grpc-js';
import { packageDefinition, services, type MachineServiceHandlers } from '@talos/api';
import { addStandardServices, createServer, implement, listenUnix, shutdownServer } from '@talos/rpc';
import { machineHandlers, type MachineApiDeps } from './machine-api';

export const MACHINE_SERVICE_NAME = 'machine.MachineService';

export interface MachineServer {
  server: grpc.Server;
  close(graceMs?: number): Promise<void>;
}

export async function startMachineServer(socketPath: string, deps: MachineApiDeps): Promise<MachineServer> {
  const server = createServer();
  server.addService(
    services.machine.MachineService,
    implement<MachineServiceHandlers>(services.machine.MachineService, machineHandlers(deps)),
  );
  addStandardServices(server, {
    serviceNames: [MACHINE_SERVICE_NAME],
    packageDefinition,
    reflectServices: [MACHINE_SERVICE_NAME],
  });
  await listenUnix(server, socketPath);
  return { server, close: (graceMs) => shutdownServer(server, graceMs) };
}
