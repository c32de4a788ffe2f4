// resource.ResourceService as Talos v0.9.3 serves it: every reply carries the type's definition and
// the resource, metadata as strings and the spec as YAML bytes, so clients need no per-type schema.
// A type may be named by its full type, display type or any alias (any case); the namespace
// defaults to the definition's.
import type * as grpc from '@grpc/grpc-js';
import { resource as api, type ResourceServiceHandlers } from '@talos/api';
import {
  META_NAMESPACE,
  RESOURCE_DEFINITION_TYPE,
  ResourceDefinitionKind,
  ResourceError,
  findResourceDefinition,
  resourceDefinitionId,
  type Resource,
  type ResourceDefinitionSpec,
  type State,
} from '@talos/resources';
import { METADATA_ROLE, ROLE_ADMIN, isRole, roleAllows } from '@talos/constants';
import { RpcError, Status } from '@talos/rpc';
import { stringify } from 'yaml';
import { streamToCall } from './call-stream';

export interface ResourceApiDeps {
  state: State;
}

/** The spec's YAML: a string spec is its own text (MachineConfig keeps the config as written). */
export function specYaml(spec: unknown): string {
  if (typeof spec === 'string') return spec;
  return stringify(spec, { indent: 4 });
}

export function encodeResource(r: Resource): api.IResource {
  return {
    metadata: {
      namespace: r.metadata.namespace,
      type: r.metadata.type,
      id: r.metadata.id,
      version: String(r.metadata.version),
      owner: r.metadata.owner,
      phase: r.metadata.phase,
      finalizers: [...r.metadata.finalizers],
    },
    spec: { yaml: Buffer.from(specYaml(r.spec)) },
  };
}

export function toResourceRpcError(err: unknown): RpcError {
  if (ResourceError.is(err, 'notFound')) return new RpcError(Status.NOT_FOUND, (err as Error).message);
  if (ResourceError.is(err, 'overrun')) return new RpcError(Status.ABORTED, (err as Error).message);
  return RpcError.from(err);
}

interface ResolvedType {
  definition: Resource<ResourceDefinitionSpec>;
  namespace: string;
}

/**
 * Sensitive types (secret material) need os:admin. apid passes the caller's role in METADATA_ROLE;
 * a call without one came over machined's own socket, which only root reaches.
 */
function assertReadable(definition: ResourceDefinitionSpec, metadata: grpc.Metadata): void {
  if (definition.sensitivity !== 'sensitive') return;
  const [role] = metadata.get(METADATA_ROLE).map(String);
  if (role === undefined) return;
  if (!isRole(role) || !roleAllows(role, ROLE_ADMIN)) {
    throw new RpcError(
      Status.PERMISSION_DENIED,
      `resource type ${definition.type} holds secrets: reading it needs the ${ROLE_ADMIN} role (you have ${role})`,
    );
  }
}

/** The definition a request names, or NOT_FOUND listing the known types. */
async function resolve(state: State, type: string, namespace: string): Promise<ResolvedType> {
  const defs = await state.list<ResourceDefinitionSpec>(META_NAMESPACE, RESOURCE_DEFINITION_TYPE);
  const spec = findResourceDefinition(
    defs.map((d) => d.spec),
    type,
  );
  if (!spec) {
    const known = defs.map((d) => d.spec.displayType).join(', ');
    throw new RpcError(
      Status.NOT_FOUND,
      `resource type ${JSON.stringify(type)} is not registered (known types: ${known})`,
    );
  }
  const definition = await state.get(ResourceDefinitionKind.pointer(resourceDefinitionId(spec.type)));
  return { definition, namespace: namespace || spec.defaultNamespace };
}

const EVENT_TYPE = {
  created: api.EventType.CREATED,
  updated: api.EventType.UPDATED,
  destroyed: api.EventType.DESTROYED,
} as const;

export function resourceHandlers(deps: ResourceApiDeps): ResourceServiceHandlers {
  const { state } = deps;
  return {
    Get(
      call: grpc.ServerUnaryCall<api.GetRequest, api.IGetResponse>,
      callback: grpc.sendUnaryData<api.IGetResponse>,
    ) {
      const req = call.request;
      (async (): Promise<api.IGetResponse> => {
        const { definition, namespace } = await resolve(state, req.type, req.namespace);
        assertReadable(definition.spec, call.metadata);
        const r = await state.get({ namespace, type: definition.spec.type, id: req.id });
        return { messages: [{ definition: encodeResource(definition), resource: encodeResource(r) }] };
      })().then(
        (res) => callback(null, res),
        (err) => callback(toResourceRpcError(err).toServiceError()),
      );
    },

    List(call: grpc.ServerWritableStream<api.ListRequest, api.IListResponse>) {
      const req = call.request;
      void streamToCall(
        call,
        async function* () {
          const { definition, namespace } = await resolve(state, req.type, req.namespace);
          assertReadable(definition.spec, call.metadata);
          const def = encodeResource(definition);
          for (const r of await state.list(namespace, definition.spec.type)) {
            yield { definition: def, resource: encodeResource(r) };
          }
        },
        toResourceRpcError,
      );
    },

    // The current resources come first as CREATED events, then changes as they happen.
    Watch(call: grpc.ServerWritableStream<api.WatchRequest, api.IWatchResponse>) {
      const req = call.request;
      void streamToCall(
        call,
        async function* (signal) {
          const { definition, namespace } = await resolve(state, req.type, req.namespace);
          assertReadable(definition.spec, call.metadata);
          const def = encodeResource(definition);
          const events = req.id
            ? state.watch({ namespace, type: definition.spec.type, id: req.id }, { signal })
            : state.watchKind(namespace, definition.spec.type, { signal });
          for await (const ev of events) {
            if (ev.type === 'bootstrapped') continue;
            yield { eventType: EVENT_TYPE[ev.type], definition: def, resource: encodeResource(ev.resource) };
          }
        },
        toResourceRpcError,
      );
    },
  };
}
