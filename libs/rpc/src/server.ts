// grpc-js servers the way every daemon runs them: on a unix socket (or TCP with TLS), with the
// standard health and reflection services, and with every method answered (unimplemented ones
// say so by name instead of grpc-js's generic reply).
import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { GRPC_MAX_MESSAGE_BYTES } from '@talos/constants';
import { type Backend, duplexBackend } from './backend';
import { duplexPair } from './duplex-pair';
import { RpcError, Status } from './errors';
import { prepareSocketPath, restrictSocketMode } from './socket-path';

/** Service names the standard services add (health and both reflection versions). */
export const HEALTH_SERVICE = 'grpc.health.v1.Health';
export const REFLECTION_SERVICES = [
  'grpc.reflection.v1.ServerReflection',
  'grpc.reflection.v1alpha.ServerReflection',
] as const;

/** Message size limits every server and client of ours uses: the one the proxies enforce. */
export const MESSAGE_SIZE_OPTIONS = {
  'grpc.max_receive_message_length': GRPC_MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': GRPC_MAX_MESSAGE_BYTES,
} as const;

export function createServer(options: grpc.ServerOptions = {}): grpc.Server {
  return new grpc.Server({ ...MESSAGE_SIZE_OPTIONS, ...options });
}

function bind(server: grpc.Server, address: string, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, creds, (err, port) => (err ? reject(err) : resolve(port)));
  });
}

/** Serves on a unix socket (parent created, stale socket removed, mode 0660). */
export async function listenUnix(server: grpc.Server, socketPath: string): Promise<void> {
  await prepareSocketPath(socketPath);
  try {
    await bind(server, `unix:${socketPath}`, grpc.ServerCredentials.createInsecure());
  } catch (err) {
    throw new Error(`error listening on ${socketPath}: ${(err as Error).message}`);
  }
  await restrictSocketMode(socketPath);
}

/** Serves on TCP; returns the bound port (useful with port 0). */
export async function listenTcp(
  server: grpc.Server,
  address: string,
  creds: grpc.ServerCredentials,
): Promise<number> {
  try {
    return await bind(server, address, creds);
  } catch (err) {
    throw new Error(`error listening on ${address}: ${(err as Error).message}`);
  }
}

/** Stops accepting calls, lets in-flight ones finish for `graceMs`, then cuts them. */
export function shutdownServer(server: grpc.Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    timer.unref();
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface StandardServicesOptions {
  /** Services reported SERVING by grpc.health.v1 (the overall "" status is added). */
  serviceNames: string[];
  /** Descriptors for reflection (libs/api's packageDefinition); no reflection when omitted. */
  packageDefinition?: PackageDefinition;
  /**
   * The services reflection lists and describes (default: everything in the package definition);
   * health and reflection themselves are always added, as they are served here too.
   */
  reflectServices?: string[];
}

/** Adds grpc.health.v1 and server reflection; returns the health service to change statuses. */
export function addStandardServices(
  server: grpc.Server,
  opts: StandardServicesOptions,
): HealthImplementation {
  const statuses: Record<string, ServingStatus> = { '': 'SERVING' };
  for (const name of opts.serviceNames) statuses[name] = 'SERVING';
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  if (opts.packageDefinition) {
    const pkg = opts.packageDefinition;
    addLazyReflection(server, () =>
      opts.reflectServices
        ? new ReflectionService(pkg, {
            services: [...new Set([...opts.reflectServices, HEALTH_SERVICE, ...REFLECTION_SERVICES])],
          })
        : new ReflectionService(pkg),
    );
  }
  return health;
}

/** What ReflectionService.addToServer registers: its service definitions, and their handlers. */
function registrations(reflection: ReflectionService): Map<string, Registration> {
  const out = new Map<string, Registration>();
  const capture = {
    addService(definition: grpc.ServiceDefinition, handlers: grpc.UntypedServiceImplementation) {
      const { path } = Object.values(definition)[0]!;
      out.set(path.slice(1, path.lastIndexOf('/')), { definition, handlers });
    },
  };
  reflection.addToServer(capture as unknown as grpc.Server);
  return out;
}

interface Registration {
  definition: grpc.ServiceDefinition;
  handlers: grpc.UntypedServiceImplementation;
}

/**
 * Serves both reflection versions, building the reflection index on the first call: building it
 * decodes and re-encodes every file descriptor, a cost every daemon paid at start (a second of CPU
 * under software emulation) for a service rarely called. The definitions come from a reflection
 * service over nothing, which costs next to nothing.
 */
function addLazyReflection(server: grpc.Server, build: () => ReflectionService): void {
  let real: Map<string, Registration> | undefined;
  const handlerOf = (service: string, method: string): grpc.UntypedHandleCall =>
    (real ??= registrations(build())).get(service)!.handlers[method]!;
  for (const [service, { definition }] of registrations(new ReflectionService({}))) {
    const lazy: grpc.UntypedServiceImplementation = {};
    for (const method of Object.keys(definition)) {
      lazy[method] = ((call: unknown, callback: unknown) =>
        (handlerOf(service, method) as (c: unknown, cb: unknown) => void)(
          call,
          callback,
        )) as grpc.UntypedHandleCall;
    }
    server.addService(definition, lazy);
  }
}

/**
 * Completes a partial implementation: every method of `definition` without a handler answers
 * UNIMPLEMENTED "method <Service>/<Method> is not implemented" (or what `refusal` says), whatever its
 * streaming kind.
 */
export function implement<H extends grpc.UntypedServiceImplementation>(
  definition: grpc.ServiceDefinition,
  handlers: Partial<H>,
  refusal: (method: string) => RpcError = (method) =>
    new RpcError(Status.UNIMPLEMENTED, `method ${method} is not implemented`),
): H {
  const out: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(definition)) {
    const given = handlers[name];
    if (given) {
      out[name] = given;
      continue;
    }
    const error = () => refusal(method.path.slice(1)).toServiceError();
    if (!method.responseStream) {
      out[name] = ((_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
        callback(error())) as grpc.UntypedHandleCall;
    } else {
      out[name] = ((call: grpc.ServerWritableStream<unknown, unknown>) =>
        call.emit('error', error())) as grpc.UntypedHandleCall;
    }
  }
  return out as H;
}

/**
 * A Backend reaching a grpc-js server in this process through in-memory connections, so a raw
 * HTTP/2 front (routerd, apid) can serve its own grpc-js services without a socket file.
 */
export function inProcessBackend(server: grpc.Server, name: string): Backend & { close(): void } {
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const backend = duplexBackend(name, () => {
    const [client, serverSide] = duplexPair();
    injector.injectConnection(serverSide);
    return client;
  });
  return { ...backend, close: () => injector.destroy() };
}
