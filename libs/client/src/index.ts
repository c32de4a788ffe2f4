// @talos/client: the operator side of the Talos API (talosconfig handling and the typed client).
export type { ClientConfig, ClientContext, ContextRename } from './talosconfig';
export {
  ClientConfigError,
  emptyClientConfig,
  loadClientConfig,
  mergeClientConfig,
  parseClientConfig,
  parseListFlag,
  removeContext,
  resolveTalosconfigPath,
  saveClientConfig,
  selectContext,
  serializeClientConfig,
} from './talosconfig';
export type { Endpoint } from './endpoint';
export { parseEndpoint } from './endpoint';
export type { CallOptions, ConnectionOptions, Credentials, RpcMethod } from './connection';
export { ClientError, Connection } from './connection';
export type { NodePart, PartMetadata } from './node-reply';
export { nodeOf, splitReply, toDate, toNumber, toPart } from './node-reply';
export type { ClientTarget, RequestOptions, StreamOptions } from './client';
export { Client, contextCredentials } from './client';
export type { ContextCredentialsPem, ContextInfo } from './talosconfig-context';
export { addContext, contextInfo } from './talosconfig-context';
