// Tags replies from many nodes with the node they came from, on the encoded bytes: no schema.
// Every Talos reply is `XResponse{repeated X messages = 1}` with `common.Metadata metadata = 1`
// inside X; a later occurrence of field 1 merges into the earlier one, so appending an encoded
// `Empty{metadata{...}}` to a message sets its metadata without decoding it.
import { Status } from '@talos/rpc';

const LEN = 2;
const VARINT = 0;
/** `metadata = 1` in every reply message, `messages = 1` in every unary response. */
const FIELD_ONE_LEN_TAG = (1 << 3) | LEN;

export interface NodeStatus {
  code: number;
  message: string;
}

export interface NodeMetadata {
  hostname: string;
  /** Set when the node failed: the rest of the message is then undefined. */
  error?: string;
  status?: NodeStatus;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVarint(out: Buffer, offset: number, value: number): number {
  while (value >= 0x80) {
    out[offset++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  out[offset++] = value;
  return offset;
}

export function encodeVarint(value: number): Buffer {
  const out = Buffer.allocUnsafe(varintSize(value));
  writeVarint(out, 0, value);
  return out;
}

/** Reads a varint at `offset`: [value, next offset], or undefined when truncated or too long. */
export function readVarint(buf: Buffer, offset: number): [number, number] | undefined {
  let value = 0;
  let scale = 1;
  for (let i = offset; i < buf.length && i < offset + 10; i++) {
    const byte = buf[i]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i + 1];
    scale *= 128;
  }
  return undefined;
}

/** Field `field` of wire type LEN with `body` as its bytes. */
export function lengthDelimited(field: number, body: Buffer): Buffer {
  const tag = (field << 3) | LEN;
  const out = Buffer.allocUnsafe(varintSize(tag) + varintSize(body.length) + body.length);
  let offset = writeVarint(out, 0, tag);
  offset = writeVarint(out, offset, body.length);
  body.copy(out, offset);
  return out;
}

function varintField(field: number, value: number): Buffer {
  const tag = (field << 3) | VARINT;
  // int32: negative values are sign-extended to 10 bytes; status codes are never negative.
  return Buffer.concat([encodeVarint(tag), encodeVarint(value)]);
}

/** common.Metadata{hostname = 1, error = 2, status = 3 (google.rpc.Status{code = 1, message = 2})}. */
export function encodeMetadata(md: NodeMetadata): Buffer {
  const parts: Buffer[] = [];
  if (md.hostname) parts.push(lengthDelimited(1, Buffer.from(md.hostname, 'utf8')));
  if (md.error) parts.push(lengthDelimited(2, Buffer.from(md.error, 'utf8')));
  if (md.status) {
    const status: Buffer[] = [];
    if (md.status.code) status.push(varintField(1, md.status.code));
    if (md.status.message) status.push(lengthDelimited(2, Buffer.from(md.status.message, 'utf8')));
    parts.push(lengthDelimited(3, Buffer.concat(status)));
  }
  return Buffer.concat(parts);
}

/** Encoded `common.Empty{metadata}`: the bytes to append to a message to set its metadata. */
export function metadataField(md: NodeMetadata): Buffer {
  return lengthDelimited(1, encodeMetadata(md));
}

/**
 * A unary reply with its first message tagged: `suffix` (see metadataField) is appended inside
 * the first `messages` entry, whose length is fixed; the other entries follow unchanged. An empty
 * reply gets one message carrying only the metadata. Throws when the bytes do not start with
 * field 1 as a length-delimited field.
 */
export function tagUnaryReply(reply: Buffer, suffix: Buffer): Buffer {
  if (reply.length === 0) return lengthDelimited(1, suffix);
  const tag = readVarint(reply, 0);
  if (!tag || tag[0] !== FIELD_ONE_LEN_TAG) {
    throw new Error(
      `unexpected reply format: first field tag ${tag ? tag[0] : 'truncated'}, want field 1 (length-delimited)`,
    );
  }
  const length = readVarint(reply, tag[1]);
  if (!length || length[1] + length[0] > reply.length)
    throw new Error(`unexpected reply format: first message overruns the ${reply.length} byte reply`);
  const [innerLength, innerStart] = length;
  const innerEnd = innerStart + innerLength;
  const newLength = innerLength + suffix.length;
  const out = Buffer.allocUnsafe(1 + varintSize(newLength) + newLength + (reply.length - innerEnd));
  let offset = writeVarint(out, 0, FIELD_ONE_LEN_TAG);
  offset = writeVarint(out, offset, newLength);
  offset += reply.copy(out, offset, innerStart, innerEnd);
  offset += suffix.copy(out, offset);
  reply.copy(out, offset, innerEnd);
  return out;
}

/** A streamed message (which has metadata = 1 itself) tagged with the node. */
export function tagStreamMessage(message: Buffer, suffix: Buffer): Buffer {
  return Buffer.concat([message, suffix]);
}

/** `rpc error: code = Unavailable desc = ...`: how Talos (Go) spells a failed node's error. */
export function goErrorText(code: number, message: string): string {
  return `rpc error: code = ${GO_CODE_NAMES[code] ?? `Code(${code})`} desc = ${message}`;
}

const GO_CODE_NAMES: Record<number, string> = {
  [Status.OK]: 'OK',
  [Status.CANCELLED]: 'Canceled',
  [Status.UNKNOWN]: 'Unknown',
  [Status.INVALID_ARGUMENT]: 'InvalidArgument',
  [Status.DEADLINE_EXCEEDED]: 'DeadlineExceeded',
  [Status.NOT_FOUND]: 'NotFound',
  [Status.ALREADY_EXISTS]: 'AlreadyExists',
  [Status.PERMISSION_DENIED]: 'PermissionDenied',
  [Status.RESOURCE_EXHAUSTED]: 'ResourceExhausted',
  [Status.FAILED_PRECONDITION]: 'FailedPrecondition',
  [Status.ABORTED]: 'Aborted',
  [Status.OUT_OF_RANGE]: 'OutOfRange',
  [Status.UNIMPLEMENTED]: 'Unimplemented',
  [Status.INTERNAL]: 'Internal',
  [Status.UNAVAILABLE]: 'Unavailable',
  [Status.DATA_LOSS]: 'DataLoss',
  [Status.UNAUTHENTICATED]: 'Unauthenticated',
};

function failedMetadata(hostname: string, status: NodeStatus): NodeMetadata {
  return { hostname, error: goErrorText(status.code, status.message), status };
}

/** A failed node in a unary reply: `EmptyResponse{messages: [Empty{metadata{hostname, error, status}}]}`. */
export function unaryErrorPart(hostname: string, status: NodeStatus): Buffer {
  return lengthDelimited(1, metadataField(failedMetadata(hostname, status)));
}

/** A failed node in a stream: one `Empty{metadata{hostname, error, status}}` message. */
export function streamErrorMessage(hostname: string, status: NodeStatus): Buffer {
  return metadataField(failedMetadata(hostname, status));
}
