// inspect.InspectService as Talos v0.9.3 serves it: the controller runtime's dependency graph, one
// edge per controller input (STRONG/WEAK, resource -> controller) and output (MANAGES).
import type * as grpc from '@grpc/grpc-js';
import { google, inspect as api, type InspectServiceHandlers } from '@talos/api';
import { DependencyEdgeType, type DependencyGraph } from '@talos/resources';
import { RpcError, Status } from '@talos/rpc';

export interface InspectApiDeps {
  /** The controller runtime (machined's NodeResources.runtime); absent, the call fails with UNAVAILABLE. */
  runtime?: { dependencyGraph(): DependencyGraph };
}

/** The graph as the wire reply: a single message (apid fills in its metadata when it proxies). */
export function encodeDependencies(graph: DependencyGraph): api.IControllerRuntimeDependenciesResponse {
  return {
    messages: [
      {
        edges: graph.edges.map((e) => ({
          controllerName: e.controllerName,
          edgeType: DependencyEdgeType[e.edgeType],
          resourceNamespace: e.resourceNamespace,
          resourceType: e.resourceType,
          resourceId: e.resourceId,
        })),
      },
    ],
  };
}

export function inspectHandlers(deps: InspectApiDeps): InspectServiceHandlers {
  return {
    ControllerRuntimeDependencies(
      _call: grpc.ServerUnaryCall<google.protobuf.Empty, api.IControllerRuntimeDependenciesResponse>,
      callback: grpc.sendUnaryData<api.IControllerRuntimeDependenciesResponse>,
    ) {
      if (!deps.runtime) {
        callback(new RpcError(Status.UNAVAILABLE, 'controller runtime is not available').toServiceError());
        return;
      }
      callback(null, encodeDependencies(deps.runtime.dependencyGraph()));
    },
  };
}
