// grpc-js servers the way every daemon runs them: on a unix socket (or TCP with TLS), with the
// standard health and reflection services, and with every method answered (unimplemented ones
// say so by name instead of grpc-js's generic reply).
import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { ReflectionService } from '@grpc/reflection';
import { GRPC_MAX_MESSAGE_BYTES } from '@talos/constants';
import { type Backend, duplexBackend } from './backend';
import { duplexPair } from './duplex-pair';
import { RpcError, Status } from './errors';
import { HealthService, type ServingStatus } from './health';
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
export function addStandardServices(server: grpc.Server, opts: StandardServicesOptions): HealthService {
  const statuses: Record<string, ServingStatus> = { '': 'SERVING' };
  for (const name of opts.serviceNames) statuses[name] = 'SERVING';
  const health = new HealthService(statuses);
  health.addToServer(server);
  if (opts.packageDefinition) {
    const pkg = opts.packageDefinition;
    const services = opts.reflectServices;
    addLazyReflection(server, () => {
      // Loaded on the first reflection call, not at every daemon's start: the package parses its
      // own .proto files when it is loaded (tenths of a second under emulation).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ReflectionService: Reflection } = require('@grpc/reflection') as {
        ReflectionService: typeof ReflectionService;
      };
      return services
        ? new Reflection(pkg, {
            services: [...new Set([...services, HEALTH_SERVICE, ...REFLECTION_SERVICES])],
          })
        : new Reflection(pkg);
    });
  }
  return health;
}

/** What ReflectionService.addToServer registers, by service: its one method's definition and handler. */
function registrations(reflection: ReflectionService): Map<string, Registration> {
  const out = new Map<string, Registration>();
  const capture = {
    addService(definition: grpc.ServiceDefinition, handlers: grpc.UntypedServiceImplementation) {
      const { path } = definition[REFLECTION_METHOD]!;
      out.set(path.slice(1, path.lastIndexOf('/')), {
        method: definition[REFLECTION_METHOD]!,
        handler: handlers[REFLECTION_METHOD]!,
      });
    },
  };
  reflection.addToServer(capture as unknown as grpc.Server);
  return out;
}

/** Both reflection versions have one method, a bidirectional stream. */
const REFLECTION_METHOD = 'ServerReflectionInfo';

interface Registration {
  method: grpc.MethodDefinition<unknown, unknown>;
  handler: grpc.UntypedHandleCall;
}

/**
 * Serves both reflection versions, loading @grpc/reflection and building its index on the first
 * call. Building the index decodes and re-encodes every file descriptor, and loading the package
 * parses .proto files: costs every daemon paid at start for a service rarely called. Until the
 * first call the methods are registered by name; the handler and (de)serializers behind them are
 * the package's own, fetched then.
 */
function addLazyReflection(server: grpc.Server, build: () => ReflectionService): void {
  let real: Map<string, Registration> | undefined;
  const of = (service: string): Registration => (real ??= registrations(build())).get(service)!;
  for (const service of REFLECTION_SERVICES) {
    const definition: grpc.ServiceDefinition = {
      [REFLECTION_METHOD]: {
        path: `/${service}/${REFLECTION_METHOD}`,
        requestStream: true,
        responseStream: true,
        requestSerialize: (m: unknown) => of(service).method.requestSerialize(m),
        requestDeserialize: (b: Buffer) => of(service).method.requestDeserialize(b),
        responseSerialize: (m: unknown) => of(service).method.responseSerialize(m),
        responseDeserialize: (b: Buffer) => of(service).method.responseDeserialize(b),
        originalName: 'serverReflectionInfo',
      },
    };
    const handler = ((call: grpc.ServerDuplexStream<unknown, unknown>) => {
      let registration: Registration;
      try {
        registration = of(service);
      } catch (err) {
        // A daemon must not die of a reflection call (say, its .proto files missing from the image).
        call.emit(
          'error',
          new RpcError(Status.INTERNAL, `reflection unavailable: ${(err as Error).message}`).toServiceError(),
        );
        return;
      }
      (registration.handler as grpc.handleBidiStreamingCall<unknown, unknown>)(call);
    }) as grpc.UntypedHandleCall;
    server.addService(definition, { [REFLECTION_METHOD]: handler });
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
