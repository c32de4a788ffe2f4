// Every reply is `{messages: [...]}` with one part per node, each part tagged by apid with
// `metadata.hostname` (and `metadata.error` for a node that failed). Without `nodes` metadata
// the endpoint answers alone and leaves the metadata empty: the part is the endpoint's.

export interface PartMetadata {
  hostname?: string | null;
  error?: string | null;
}

export interface NodePart<T> {
  /** The node the part came from: its hostname as apid saw it, or the endpoint. */
  node: string;
  /** Set when this node failed; the other parts are still good. */
  error?: string;
  message: T;
}

export function nodeOf(metadata: PartMetadata | null | undefined, fallback: string): string {
  return metadata?.hostname || fallback;
}

export function splitReply<T extends { metadata?: PartMetadata | null }>(
  reply: { messages?: T[] | null } | null | undefined,
  fallbackNode: string,
): NodePart<T>[] {
  return (reply?.messages ?? []).map((message) => toPart(message, fallbackNode));
}

export function toPart<T extends { metadata?: PartMetadata | null }>(
  message: T,
  fallbackNode: string,
): NodePart<T> {
  const part: NodePart<T> = { node: nodeOf(message.metadata, fallbackNode), message };
  if (message.metadata?.error) part.error = message.metadata.error;
  return part;
}

/** Numbers from 64-bit fields, which decoders may give as Long objects or strings. */
export function toNumber(value: number | string | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  return value.toNumber();
}

/** A protobuf Timestamp as a Date (null when absent). */
export function toDate(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): Date | null {
  if (!ts) return null;
  const seconds = toNumber(ts.seconds as number);
  return new Date(seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6));
}
