// The Talos v0.9.3-compatible API: protobufjs classes, typed grpc-js service definitions,
// a method table for proxies (apid, routerd) and a package definition for reflection.
// Everything here is generated from proto/ by `nx run api:gen`, except the helpers below.
import type * as protoLoader from '@grpc/proto-loader';
import type * as grpc from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';
import * as api from './generated/api';
import { FILE_DESCRIPTORS } from './generated/file-descriptors';
import * as generated from './generated/services';

export {
  common,
  machine,
  time,
  network,
  resource,
  cluster,
  inspect,
  securityapi,
  storage,
  routerd,
  google,
} from './generated/api';

export type {
  ServiceClientConstructor,
  ClusterServiceDefinition,
  ClusterServiceHandlers,
  ClusterServiceClient,
  InspectServiceDefinition,
  InspectServiceHandlers,
  InspectServiceClient,
  MachineServiceDefinition,
  MachineServiceHandlers,
  MachineServiceClient,
  NetworkServiceDefinition,
  NetworkServiceHandlers,
  NetworkServiceClient,
  ResourceServiceDefinition,
  ResourceServiceHandlers,
  ResourceServiceClient,
  RouterServiceDefinition,
  RouterServiceHandlers,
  RouterServiceClient,
  SecurityServiceDefinition,
  SecurityServiceHandlers,
  SecurityServiceClient,
  StorageServiceDefinition,
  StorageServiceHandlers,
  StorageServiceClient,
  TimeServiceDefinition,
  TimeServiceHandlers,
  TimeServiceClient,
} from './generated/services';

/** grpc-js service definitions, keyed like the proto packages: `services.machine.MachineService`. */
export const services = {
  machine: { MachineService: generated.MachineService },
  time: { TimeService: generated.TimeService },
  network: { NetworkService: generated.NetworkService },
  resource: { ResourceService: generated.ResourceService },
  cluster: { ClusterService: generated.ClusterService },
  inspect: { InspectService: generated.InspectService },
  securityapi: { SecurityService: generated.SecurityService },
  storage: { StorageService: generated.StorageService },
  routerd: { RouterService: generated.RouterService },
} as const;

/** Typed client constructors, same keys as `services`: `new clients.machine.MachineService(addr, creds)`. */
export const clients = {
  machine: { MachineService: generated.MachineServiceClient },
  time: { TimeService: generated.TimeServiceClient },
  network: { NetworkService: generated.NetworkServiceClient },
  resource: { ResourceService: generated.ResourceServiceClient },
  cluster: { ClusterService: generated.ClusterServiceClient },
  inspect: { InspectService: generated.InspectServiceClient },
  securityapi: { SecurityService: generated.SecurityServiceClient },
  storage: { StorageService: generated.StorageServiceClient },
  routerd: { RouterService: generated.RouterServiceClient },
} as const;

/**
 * grpc.health.v1, which every daemon serves (libs/rpc) and machined's health checks call: its
 * service definition and messages. Kept out of `services`: it is no Talos API, proxies route it
 * nowhere.
 */
export const health = {
  Health: generated.Health,
  HealthCheckRequest: api.grpc.health.v1.HealthCheckRequest,
  HealthCheckResponse: api.grpc.health.v1.HealthCheckResponse,
} as const;
export type { HealthHandlers } from './generated/services';

export interface MethodInfo {
  /** '/machine.MachineService/Version' */
  path: string;
  /** 'machine.MachineService' */
  service: string;
  /** 'Version' */
  method: string;
  requestStream: boolean;
  responseStream: boolean;
}

// From the generated grpc-js definitions: building a protobufjs Root of descriptor.json for this
// costs every daemon's start more than anything else in this module.
const METHODS: readonly MethodInfo[] = Object.freeze(
  Object.values(services)
    .flatMap((pkg) => Object.values(pkg))
    .flatMap((definition) => Object.entries(definition as grpc.ServiceDefinition))
    .map(([method, d]) => {
      const service = d.path.slice(1, d.path.lastIndexOf('/'));
      return Object.freeze({
        path: d.path,
        service,
        method,
        requestStream: d.requestStream,
        responseStream: d.responseStream,
      });
    })
    // Code-unit order: localeCompare would load ICU's collator, a tenth of a second under emulation.
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
);
const METHODS_BY_PATH = new Map(METHODS.map((m) => [m.path, m]));

/** Full names of every service in proto/, sorted: 'cluster.ClusterService', ... */
export const SERVICE_NAMES: string[] = [...new Set(METHODS.map((m) => m.service))].sort();

/** Every method of every service, sorted by path. */
export function allMethods(): MethodInfo[] {
  return METHODS.map((m) => ({ ...m }));
}

/** The method behind a gRPC path ('/time.TimeService/Time'), or undefined if proto/ has none. */
export function methodInfo(path: string): MethodInfo | undefined {
  const m = METHODS_BY_PATH.get(path);
  return m ? { ...m } : undefined;
}

/**
 * Serialized google.protobuf.FileDescriptorProto of every .proto file, keyed by file name
 * ('machine/machine.proto', 'google/protobuf/empty.proto', 'grpc/health/v1/health.proto'...),
 * dependencies first: what a reflection client needs to rebuild any service we serve.
 */
export const fileDescriptorProtos: ReadonlyMap<string, Buffer> = new Map(
  FILE_DESCRIPTORS.map((f) => [f.name, Buffer.from(f.descriptor, 'base64')]),
);

/**
 * Package definition for @grpc/reflection's ReflectionService, one entry per file, so reflection
 * answers with the real file names and dependencies (proto-loader's own definitions merge files
 * by package and list no dependencies, which grpcurl cannot resolve). ReflectionService reads
 * nothing but each entry's `fileDescriptorProtos`; the entries carry no serializers, hence the
 * cast. Built from the generated descriptors: no .proto file is read at run time.
 */
export const packageDefinition = Object.fromEntries(
  [...fileDescriptorProtos].map(([name, bytes]) => [
    name,
    { format: 'Protocol Buffer 3 FileDescriptorProto', type: {}, fileDescriptorProtos: [bytes] },
  ]),
) as unknown as protoLoader.PackageDefinition;

/** Type URL prefix Talos uses for machine.Event payloads. */
export const EVENT_TYPE_URL_PREFIX = 'talos/runtime/';

/**
 * Packs an event payload into google.protobuf.Any the way Talos does:
 * type_url = 'talos/runtime/' + full message name (e.g. 'talos/runtime/machine.SequenceEvent').
 */
export function anyOf(typeName: string, value: Uint8Array): api.google.protobuf.Any {
  return api.google.protobuf.Any.create({ type_url: EVENT_TYPE_URL_PREFIX + typeName, value });
}

/** The message types that travel in machine.Event.data. */
export const EVENT_TYPES = {
  'machine.SequenceEvent': api.machine.SequenceEvent,
  'machine.PhaseEvent': api.machine.PhaseEvent,
  'machine.TaskEvent': api.machine.TaskEvent,
  'machine.ServiceStateEvent': api.machine.ServiceStateEvent,
  'machine.RestartEvent': api.machine.RestartEvent,
} as const;

export type EventTypeName = keyof typeof EVENT_TYPES;

export type EventPayload =
  | { type: 'machine.SequenceEvent'; event: api.machine.SequenceEvent }
  | { type: 'machine.PhaseEvent'; event: api.machine.PhaseEvent }
  | { type: 'machine.TaskEvent'; event: api.machine.TaskEvent }
  | { type: 'machine.ServiceStateEvent'; event: api.machine.ServiceStateEvent }
  | { type: 'machine.RestartEvent'; event: api.machine.RestartEvent };

type EventProps<T extends EventTypeName> = Parameters<(typeof EVENT_TYPES)[T]['encode']>[0];

/** Encodes an event payload and packs it: `packEvent('machine.PhaseEvent', {phase: 'boot', action: 0})`. */
export function packEvent<T extends EventTypeName>(
  typeName: T,
  event: EventProps<T>,
): api.google.protobuf.Any {
  const type = EVENT_TYPES[typeName] as { encode(m: EventProps<T>): protobuf.Writer };
  return anyOf(typeName, type.encode(event).finish());
}

/**
 * Decodes machine.Event.data; undefined for a type URL we do not know (newer Talos events),
 * which callers should skip rather than fail on.
 */
export function unpackEvent(data: api.google.protobuf.IAny | null | undefined): EventPayload | undefined {
  const url = data?.type_url ?? '';
  if (!url.startsWith(EVENT_TYPE_URL_PREFIX)) return undefined;
  const name = url.slice(EVENT_TYPE_URL_PREFIX.length);
  const bytes = data?.value ?? new Uint8Array();
  switch (name) {
    case 'machine.SequenceEvent':
      return { type: name, event: api.machine.SequenceEvent.decode(bytes) };
    case 'machine.PhaseEvent':
      return { type: name, event: api.machine.PhaseEvent.decode(bytes) };
    case 'machine.TaskEvent':
      return { type: name, event: api.machine.TaskEvent.decode(bytes) };
    case 'machine.ServiceStateEvent':
      return { type: name, event: api.machine.ServiceStateEvent.decode(bytes) };
    case 'machine.RestartEvent':
      return { type: name, event: api.machine.RestartEvent.decode(bytes) };
    default:
      return undefined;
  }
}
