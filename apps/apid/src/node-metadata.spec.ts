import fc from 'fast-check';
import { common, machine } from '@talos/api';
import { Status } from '@talos/rpc';
import {
  encodeMetadata,
  metadataField,
  readVarint,
  encodeVarint,
  streamErrorMessage,
  tagStreamMessage,
  tagUnaryReply,
  unaryErrorPart,
} from './node-metadata';

const encodeVersion = (m: machine.IVersionResponse) =>
  Buffer.from(machine.VersionResponse.encode(m).finish());

describe('node metadata on encoded replies', () => {
  it('round-trips varints', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 40), (n) => {
        expect(readVarint(encodeVarint(n), 0)).toEqual([n, encodeVarint(n).length]);
      }),
    );
  });

  it('encodes common.Metadata as protobufjs does', () => {
    const ours = encodeMetadata({ hostname: 'node-1', error: 'boom', status: { code: 14, message: 'down' } });
    const theirs = common.Metadata.encode({
      hostname: 'node-1',
      error: 'boom',
      status: { code: 14, message: 'down' },
    }).finish();
    expect(common.Metadata.decode(ours).toJSON()).toEqual(common.Metadata.decode(theirs).toJSON());
  });

  it('tags the first message of a unary reply and keeps every other field', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        (host, tag, others) => {
          const reply = encodeVersion({
            messages: [
              { version: { tag, sha: 'abc', goVersion: 'node' }, platform: { name: 'metal' } },
              ...others.map((t) => ({ version: { tag: t } })),
            ],
          });
          const tagged = machine.VersionResponse.decode(
            tagUnaryReply(reply, metadataField({ hostname: host })),
          );
          expect(tagged.messages).toHaveLength(1 + others.length);
          expect(tagged.messages[0]!.metadata?.hostname).toBe(host);
          expect(tagged.messages[0]!.version?.tag).toBe(tag);
          expect(tagged.messages[0]!.platform?.name).toBe('metal');
          expect(tagged.messages.slice(1).map((m) => m.version?.tag)).toEqual(others);
        },
      ),
    );
  });

  it('merges replies from several nodes by concatenation', () => {
    const parts = ['a', 'b'].map((n) =>
      tagUnaryReply(
        encodeVersion({ messages: [{ version: { tag: `v-${n}` } }] }),
        metadataField({ hostname: n }),
      ),
    );
    const failed = unaryErrorPart('c', { code: Status.UNAVAILABLE, message: 'connection refused' });
    const merged = machine.VersionResponse.decode(Buffer.concat([...parts, failed]));
    expect(
      merged.messages.map((m) => [m.metadata?.hostname, m.version?.tag ?? null, m.metadata?.error ?? '']),
    ).toEqual([
      ['a', 'v-a', ''],
      ['b', 'v-b', ''],
      ['c', null, 'rpc error: code = Unavailable desc = connection refused'],
    ]);
    expect(merged.messages[2]!.metadata?.status).toMatchObject({
      code: Status.UNAVAILABLE,
      message: 'connection refused',
    });
  });

  it('gives an empty reply one message with the metadata', () => {
    const decoded = common.EmptyResponse.decode(
      tagUnaryReply(Buffer.alloc(0), metadataField({ hostname: 'n' })),
    );
    expect(decoded.messages.map((m) => m.metadata?.hostname)).toEqual(['n']);
  });

  it('refuses a reply that does not start with field 1', () => {
    expect(() => tagUnaryReply(Buffer.from([0x10, 0x01]), metadataField({ hostname: 'n' }))).toThrow(
      /unexpected reply format/,
    );
    expect(() => tagUnaryReply(Buffer.from([0x0a, 0x05, 0x01]), metadataField({ hostname: 'n' }))).toThrow(
      /overruns/,
    );
  });

  it('tags streamed messages and encodes stream errors', () => {
    const data = Buffer.from(common.Data.encode({ bytes: Buffer.from('log line') }).finish());
    const tagged = common.Data.decode(tagStreamMessage(data, metadataField({ hostname: 'n1' })));
    expect(tagged.metadata?.hostname).toBe('n1');
    expect(Buffer.from(tagged.bytes).toString()).toBe('log line');
    const failed = common.Data.decode(
      streamErrorMessage('n2', { code: Status.NOT_FOUND, message: 'no such file' }),
    );
    expect(failed.metadata).toMatchObject({
      hostname: 'n2',
      error: 'rpc error: code = NotFound desc = no such file',
    });
  });
});
