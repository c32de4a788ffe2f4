// The RPC layer every daemon shares: grpc-js servers and clients on unix sockets, the standard
// health/reflection services, gRPC framing, and the raw HTTP/2 pass-through proxy.
export { RpcError, Status, statusName, type StatusCode } from './errors';
export {
  encodeFrame,
  FrameDecoder,
  FrameScanner,
  FRAME_HEADER_BYTES,
  type Frame,
  type FrameLimits,
} from './framing';
export {
  GRPC_CONTENT_TYPE,
  encodeGrpcMessage,
  decodeGrpcMessage,
  statusTrailers,
  respondError,
  respondWithTrailers,
  statusFromHttp,
  statusFromRstCode,
  parseGrpcPath,
  type PendingTrailers,
} from './grpc-http2';
export {
  type Backend,
  type TlsBackendOptions,
  unixBackend,
  tlsBackend,
  duplexBackend,
  SessionPool,
  PROXY_HTTP2_SETTINGS,
} from './backend';
export {
  UpstreamCall,
  forwardableHeaders,
  type UpstreamHandlers,
  type UpstreamRequest,
  type UpstreamResult,
} from './upstream-call';
export { PassThroughProxy, type ForwardOptions } from './proxy';
export { GrpcStreamServer, type GrpcRequest, type StreamDispatcher } from './stream-server';
export {
  createServer,
  MESSAGE_SIZE_OPTIONS,
  listenUnix,
  listenTcp,
  shutdownServer,
  addStandardServices,
  implement,
  inProcessBackend,
  HEALTH_SERVICE,
  REFLECTION_SERVICES,
  type StandardServicesOptions,
} from './server';
export { HealthService, type ServingStatus } from './health';
export { dialUnix, unixTarget, unary, type CallOptions } from './client';
export { duplexPair } from './duplex-pair';
export { prepareSocketPath, SOCKET_MODE } from './socket-path';
