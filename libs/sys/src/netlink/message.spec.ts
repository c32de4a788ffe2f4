import fc from 'fast-check';
import {
  NLMSG_DONE,
  NLMSG_ERROR,
  NLM_F_DUMP,
  NLM_F_REQUEST,
  attributeMap,
  encodeAttribute,
  encodeMessage,
  messageError,
  parseAttributes,
  parseMessages,
} from './message';

describe('netlink messages', () => {
  it('encodes a dump request as the kernel expects it', () => {
    const buf = encodeMessage({ type: 18, flags: NLM_F_REQUEST | NLM_F_DUMP, seq: 7 }, Buffer.alloc(16));
    expect(buf.length).toBe(32);
    expect(buf.readUInt32LE(0)).toBe(32);
    expect(buf.readUInt16LE(4)).toBe(18);
    expect(buf.readUInt16LE(6)).toBe(0x301);
    expect(buf.readUInt32LE(8)).toBe(7);
  });

  it('splits a multipart datagram and pads each message to 4 bytes', () => {
    const a = encodeMessage({ type: 16, flags: 2, seq: 1 }, Buffer.from([1, 2, 3])); // 19 bytes + 1 pad
    const done = encodeMessage({ type: NLMSG_DONE, flags: 2, seq: 1 }, Buffer.alloc(4));
    const msgs = parseMessages(Buffer.concat([a, done]));
    expect(msgs.map((m) => m.type)).toEqual([16, NLMSG_DONE]);
    expect([...msgs[0]!.payload]).toEqual([1, 2, 3]);
  });

  it('reads the errno of an NLMSG_ERROR', () => {
    const payload = Buffer.alloc(20);
    payload.writeInt32LE(-1, 0);
    const [msg] = parseMessages(encodeMessage({ type: NLMSG_ERROR, flags: 0, seq: 3 }, payload));
    expect(messageError(msg!)).toBe(1);
  });

  it('refuses lengths that run past the buffer', () => {
    const buf = encodeMessage({ type: 16, flags: 0, seq: 1 }, Buffer.alloc(8));
    buf.writeUInt32LE(200, 0);
    expect(() => parseMessages(buf)).toThrow(/malformed netlink message: length 200/);
    const attr = encodeAttribute(3, Buffer.from('eth0\0'));
    attr.writeUInt16LE(64, 0);
    expect(() => parseAttributes(attr)).toThrow(/malformed netlink attribute/);
  });

  it('round-trips any attribute list', () => {
    const attr = fc.record({
      type: fc.integer({ min: 0, max: 0x3fff }),
      value: fc.uint8Array({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(attr, { maxLength: 10 }), (attrs) => {
        const buf = Buffer.concat(attrs.map((a) => encodeAttribute(a.type, Buffer.from(a.value))));
        const parsed = parseAttributes(buf);
        expect(parsed.map((a) => ({ type: a.type, value: new Uint8Array(a.value) }))).toEqual(
          attrs.map((a) => ({ type: a.type, value: new Uint8Array(a.value) })),
        );
      }),
    );
  });

  it('masks the nested and byte-order flag bits out of attribute types', () => {
    const nested = encodeAttribute(0x8000 | 18, encodeAttribute(1, Buffer.from('bridge\0')));
    expect(attributeMap(nested).has(18)).toBe(true);
  });
});
