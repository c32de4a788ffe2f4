// One call, many nodes: the request goes to every node's apid, and the replies come back as one
// reply (unary: tagged parts concatenated into one message) or one interleaved stream (each
// message tagged with its node). A node that fails contributes an error entry, never fails the
// call. Payloads are never decoded: only frame boundaries and the metadata field are touched.
import * as http2 from 'node:http2';
import type { Logger } from '@talos/log';
import {
  encodeFrame,
  FrameDecoder,
  FrameScanner,
  GRPC_CONTENT_TYPE,
  type PendingTrailers,
  respondError,
  respondWithTrailers,
  RpcError,
  type SessionPool,
  Status,
  statusTrailers,
  UpstreamCall,
  type UpstreamResult,
} from '@talos/rpc';
import {
  metadataField,
  type NodeStatus,
  streamErrorMessage,
  tagStreamMessage,
  tagUnaryReply,
  unaryErrorPart,
} from './node-metadata';
import type { NodeDialer } from './node-dialer';

const { constants: h2 } = http2;

export type FanOutKind = 'unary' | 'server-streaming';

export interface FanOutOptions {
  nodes: string[];
  kind: FanOutKind;
  path: string;
  /** Request headers for every node (nodes removed, proxyfrom set). */
  headers: http2.OutgoingHttpHeaders;
  dialer: NodeDialer;
  pool: SessionPool;
  logger: Logger;
  maxMessageBytes?: number;
}

/** Per-node state of a fanned-out call. */
interface NodeCall {
  node: string;
  suffix: Buffer;
  decoder: FrameDecoder;
  call?: UpstreamCall;
  /** Unary: the node's tagged reply (or error part) once it finished. */
  part?: Buffer;
  done: boolean;
}

export class OneToManyCall {
  private readonly nodes: NodeCall[];
  private readonly request: Buffer[] = [];
  private readonly scanner: FrameScanner;
  private remaining: number;
  private finished = false;
  private paused = false;

  constructor(
    private readonly down: http2.ServerHttp2Stream,
    incoming: http2.IncomingHttpHeaders,
    private readonly opts: FanOutOptions,
  ) {
    const encoding = incoming['grpc-encoding'];
    this.scanner = new FrameScanner({
      maxMessageBytes: opts.maxMessageBytes,
      compressionAllowed: encoding !== undefined && encoding !== 'identity',
    });
    this.nodes = opts.nodes.map((node) => ({
      node,
      suffix: metadataField({ hostname: node }),
      decoder: new FrameDecoder({ maxMessageBytes: opts.maxMessageBytes }),
      done: false,
    }));
    this.remaining = this.nodes.length;

    down.on('data', (chunk: Buffer) => this.onRequestData(chunk));
    down.on('end', () => this.onRequestEnd());
    down.on('close', () => this.cancelAll());
    down.on('error', () => this.cancelAll());
    down.on('drain', () => this.resumeAll());
  }

  private onRequestData(chunk: Buffer): void {
    if (this.finished) return;
    try {
      this.scanner.scan(chunk);
    } catch (err) {
      this.fail(RpcError.from(err));
      return;
    }
    this.request.push(chunk);
  }

  /** The request is complete (unary and server-streaming calls send one message): send it everywhere. */
  private onRequestEnd(): void {
    if (this.finished) return;
    try {
      this.scanner.end();
    } catch (err) {
      this.fail(RpcError.from(err));
      return;
    }
    if (this.opts.kind === 'server-streaming') {
      respondWithTrailers(this.down, { [h2.HTTP2_HEADER_STATUS]: 200, 'content-type': GRPC_CONTENT_TYPE });
    }
    for (const node of this.nodes) this.start(node);
  }

  private start(node: NodeCall): void {
    let backend;
    try {
      backend = this.opts.dialer.backend(node.node);
    } catch (err) {
      this.nodeFinished(node, {
        code: Status.UNAVAILABLE,
        message: `error dialing node ${node.node}: ${(err as Error).message}`,
      });
      return;
    }
    node.call = new UpstreamCall(
      this.opts.pool,
      backend,
      { path: this.opts.path, headers: { ...this.opts.headers } },
      {
        data: (chunk) => this.onNodeData(node, chunk),
        end: (result) => this.onNodeEnd(node, result),
      },
    );
    for (const chunk of this.request) node.call.write(chunk);
    node.call.end();
  }

  private onNodeData(node: NodeCall, chunk: Buffer): boolean {
    if (node.done || this.finished) return true;
    let frames;
    try {
      frames = node.decoder.push(chunk);
    } catch (err) {
      node.call?.abort(Status.INTERNAL, `malformed reply from node ${node.node}: ${(err as Error).message}`);
      return true;
    }
    for (const frame of frames) {
      if (frame.compressed) {
        node.call?.abort(
          Status.INTERNAL,
          `node ${node.node} sent a compressed reply, which cannot be merged`,
        );
        return true;
      }
      if (this.opts.kind === 'server-streaming') {
        this.send(tagStreamMessage(frame.payload, node.suffix));
      } else if (node.part === undefined) {
        try {
          node.part = tagUnaryReply(frame.payload, node.suffix);
        } catch (err) {
          node.call?.abort(Status.INTERNAL, `node ${node.node}: ${(err as Error).message}`);
          return true;
        }
      } else {
        node.call?.abort(Status.INTERNAL, `node ${node.node} sent more than one reply to a unary call`);
        return true;
      }
    }
    // Backpressure: a slow client pauses every node (resumed on 'drain').
    return !this.paused;
  }

  private onNodeEnd(node: NodeCall, result: UpstreamResult): void {
    if (result.code === Status.OK && this.opts.kind === 'unary' && node.part === undefined) {
      this.nodeFinished(node, { code: Status.INTERNAL, message: `node ${node.node} sent no reply` });
      return;
    }
    this.nodeFinished(
      node,
      result.code === Status.OK ? undefined : { code: result.code, message: result.message },
    );
  }

  private nodeFinished(node: NodeCall, failure: NodeStatus | undefined): void {
    if (node.done) return;
    node.done = true;
    if (failure) {
      this.opts.logger.debug(
        { node: node.node, path: this.opts.path, code: failure.code, error: failure.message },
        'node failed',
      );
      if (this.opts.kind === 'unary') node.part = unaryErrorPart(node.node, failure);
      else if (!this.finished) this.send(streamErrorMessage(node.node, failure));
    }
    if (--this.remaining === 0) this.complete();
  }

  private send(message: Buffer): void {
    if (this.finished || this.down.destroyed) return;
    if (!this.down.write(encodeFrame(message))) this.paused = true;
  }

  private resumeAll(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const node of this.nodes) node.call?.resume();
  }

  private complete(): void {
    if (this.finished || this.down.destroyed || this.down.closed) return;
    this.finished = true;
    if (this.opts.kind === 'unary') {
      // Node order, not arrival order: the merged reply reads the same whatever the timing.
      const merged = Buffer.concat(this.nodes.map((n) => n.part ?? Buffer.alloc(0)));
      respondWithTrailers(this.down, { [h2.HTTP2_HEADER_STATUS]: 200, 'content-type': GRPC_CONTENT_TYPE });
      this.down.write(encodeFrame(merged));
    }
    (this.down as PendingTrailers).talosTrailers = statusTrailers(Status.OK, '');
    this.down.end();
  }

  /** The request itself is bad: the whole call fails. */
  private fail(err: RpcError): void {
    if (this.finished) return;
    this.finished = true;
    this.cancelAll();
    respondError(this.down, err.code, err.message);
  }

  private cancelAll(): void {
    for (const node of this.nodes) node.call?.cancel();
  }
}
