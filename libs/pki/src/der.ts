// Just enough DER to splice structures node-forge builds with keys it cannot encode (EC): split a
// SEQUENCE into its elements byte for byte, and wrap elements back up. Working on the original
// bytes (not a re-encoding) keeps signatures over them valid.

const SEQUENCE_TAG = 0x30;
const BIT_STRING_TAG = 0x03;

interface Element {
  /** The whole element: tag, length and contents. */
  raw: Buffer;
  /** The contents only. */
  contents: Buffer;
}

function readElement(der: Buffer, offset: number): Element {
  if (offset + 2 > der.length) throw new Error('truncated DER');
  // Multi-byte tags (low bits all set) never occur in the structures read here.
  if (((der[offset] ?? 0) & 0x1f) === 0x1f) throw new Error('unsupported DER tag');
  const first = der[offset + 1] ?? 0;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    if (offset + 2 + count > der.length) throw new Error('truncated DER');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
    header += count;
  }
  const end = offset + header + length;
  if (end > der.length) throw new Error('truncated DER');
  return { raw: der.subarray(offset, end), contents: der.subarray(offset + header, end) };
}

/** The elements of a DER SEQUENCE, each as its original bytes. */
export function sequenceElements(der: Buffer): Buffer[] {
  if (der[0] !== SEQUENCE_TAG) throw new Error('not a DER SEQUENCE');
  const outer = readElement(der, 0);
  if (outer.raw.length !== der.length) throw new Error('trailing bytes after DER SEQUENCE');
  const elements: Buffer[] = [];
  for (let offset = 0; offset < outer.contents.length;) {
    const element = readElement(outer.contents, offset);
    elements.push(element.raw);
    offset += element.raw.length;
  }
  return elements;
}

/** The bytes a DER BIT STRING carries (whole octets only, as keys and signatures are). */
export function bitStringBytes(der: Buffer): Buffer {
  if (der[0] !== BIT_STRING_TAG) throw new Error('not a DER BIT STRING');
  const { raw, contents } = readElement(der, 0);
  if (raw.length !== der.length) throw new Error('trailing bytes after DER BIT STRING');
  if (contents[0] !== 0) throw new Error('BIT STRING with unused bits');
  return contents.subarray(1);
}

function element(tag: number, contents: Buffer): Buffer {
  const n = contents.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, contents]);
}

export function sequence(elements: Buffer[]): Buffer {
  return element(SEQUENCE_TAG, Buffer.concat(elements));
}

export function bitString(bytes: Buffer): Buffer {
  return element(BIT_STRING_TAG, Buffer.concat([Buffer.from([0]), bytes]));
}

export function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block labelled one of `labels`. */
export function fromPem(pem: string, labels: string[]): Buffer {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match) throw new Error('no PEM block found');
  if (!labels.includes(match[1] ?? '')) throw new Error(`expected ${labels[0]} PEM, found "${match[1]}"`);
  const body = (match[2] ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new Error('PEM body is not base64');
  return Buffer.from(body, 'base64');
}
