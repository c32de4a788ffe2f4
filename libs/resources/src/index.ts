// Resources and controllers (the COSI model of Talos): typed resources in a State, watched as async
// iterables, reconciled by controllers that declare what they read and write.
export { ResourceError, type ResourceErrorCode } from './errors';
export {
  deepEqual,
  describePointer,
  frozenCopy,
  matchesPartial,
  pointer,
  pointerOf,
  type CreateOptions,
  type Metadata,
  type Phase,
  type Pointer,
  type Resource,
  type UpdateOptions,
  type WriteOptions,
} from './resource';
export type { ListOptions, State, WatchEvent, WatchOptions } from './state';
export { DEFAULT_WATCH_CAPACITY, InMemoryState, type InMemoryStateOptions } from './in-memory-state';
export type {
  Controller,
  ControllerInput,
  ControllerOutput,
  InputKind,
  OutputKind,
  ReconcileContext,
} from './controller';
export { ControllerState } from './controller-state';
export {
  ControllerRuntime,
  DEFAULT_BACKOFF,
  DependencyEdgeType,
  type BackoffOptions,
  type ControllerRuntimeOptions,
  type DependencyEdge,
  type DependencyEdgeKind,
  type DependencyGraph,
} from './controller-runtime';
export {
  META_NAMESPACE,
  NAMESPACE_TYPE,
  NamespaceKind,
  RESOURCE_DEFINITION_TYPE,
  ResourceDefinitionKind,
  defineResourceKind,
  findResourceDefinition,
  registerMeta,
  registerNamespace,
  registerResourceDefinition,
  resourceDefinition,
  resourceDefinitionId,
  type NamespaceSpec,
  type PrintColumn,
  type ResourceDefinitionInput,
  type ResourceDefinitionSpec,
  type ResourceKind,
} from './meta';
export {
  eventuallyResource,
  startControllers,
  type ControllerRig,
  type ResourceExpectation,
} from './harness';
export { runStateConformance, type ConformanceOptions } from './conformance';
