import {
  common,
  google,
  machine,
  resource,
  routerd,
  anyOf,
  packEvent,
  unpackEvent,
  EVENT_TYPE_URL_PREFIX,
} from './index';

// Builds protobuf bytes by hand so that the tests pin field numbers and wire types,
// independently of the generated encoders.
function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 127) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
function key(field: number, wireType: number): number[] {
  return varint(field * 8 + wireType);
}
function lengthDelimited(field: number, payload: number[] | Uint8Array): number[] {
  return [...key(field, 2), ...varint(payload.length), ...payload];
}
function str(field: number, s: string): number[] {
  return lengthDelimited(field, [...Buffer.from(s, 'utf8')]);
}
function uint(field: number, n: number): number[] {
  return [...key(field, 0), ...varint(n)];
}

describe('wire format', () => {
  it('decodes hand-encoded common.Metadata{hostname=1, error=2, status=3}', () => {
    const status = [...uint(1, 14), ...str(2, 'unavailable')];
    const bytes = Uint8Array.from([...str(1, '10.5.0.2'), ...str(2, 'boom'), ...lengthDelimited(3, status)]);
    const md = common.Metadata.decode(bytes);
    expect(md.hostname).toBe('10.5.0.2');
    expect(md.error).toBe('boom');
    expect(md.status?.code).toBe(14);
    expect(md.status?.message).toBe('unavailable');
  });

  it('encodes machine.VersionResponse with metadata at field 1 and version at field 2', () => {
    const bytes = machine.VersionResponse.encode({
      messages: [{ metadata: { hostname: 'n1' }, version: { tag: 'v0.9.3', arch: 'amd64' } }],
    }).finish();
    const version = [...str(1, 'v0.9.3'), ...str(6, 'amd64')];
    const inner = [...lengthDelimited(1, str(1, 'n1')), ...lengthDelimited(2, version)];
    expect([...bytes]).toEqual(lengthDelimited(1, inner));
  });

  it('merges a later metadata field into the earlier one (the apid hostname trick)', () => {
    const original = machine.Hostname.encode({ metadata: { error: '' }, hostname: 'talos-1' }).finish();
    const appended = common.Empty.encode({ metadata: { hostname: '10.5.0.3' } }).finish();
    const merged = machine.Hostname.decode(Uint8Array.from([...original, ...appended]));
    expect(merged.hostname).toBe('talos-1');
    expect(merged.metadata?.hostname).toBe('10.5.0.3');
  });

  it('decodes a node failure, written as EmptyResponse, as any unary reply', () => {
    const failure = common.EmptyResponse.encode({
      messages: [
        { metadata: { hostname: 'n2', error: 'connection refused', status: { code: 14, message: 'x' } } },
      ],
    }).finish();
    const reply = machine.ServiceListResponse.decode(failure);
    expect(reply.messages).toHaveLength(1);
    expect(reply.messages[0]?.metadata?.error).toBe('connection refused');
    expect(reply.messages[0]?.services ?? []).toHaveLength(0);
  });

  it('decodes 64-bit integers as plain numbers', () => {
    const stat = machine.MountStat.decode(Uint8Array.from([...uint(2, 2 ** 40 + 5), ...uint(3, 7)]));
    expect(stat.size).toBe(2 ** 40 + 5);
    expect(typeof stat.available).toBe('number');
    const mem = machine.Memory.decode(Uint8Array.from(lengthDelimited(2, uint(1, 8 * 2 ** 30))));
    expect(mem.meminfo?.memtotal).toBe(8 * 2 ** 30);
  });

  it('round-trips ApplyConfigurationRequest{data=1, on_reboot=2, immediate=3}', () => {
    const bytes = Uint8Array.from([...lengthDelimited(1, [0x61]), ...uint(2, 1), ...uint(3, 1)]);
    const req = machine.ApplyConfigurationRequest.decode(bytes);
    expect(Buffer.from(req.data).toString()).toBe('a');
    expect(req.onReboot).toBe(true);
    expect(req.immediate).toBe(true);
    expect([...machine.ApplyConfigurationRequest.encode(req).finish()]).toEqual([...bytes]);
  });

  it('keeps resource.Metadata.owner at field 7 between version=4 and phase=5', () => {
    const bytes = Uint8Array.from([...str(4, '3'), ...str(5, 'running'), ...str(7, 'ctrl'), ...str(6, 'f1')]);
    const md = resource.Metadata.decode(bytes);
    expect(md).toMatchObject({ version: '3', phase: 'running', owner: 'ctrl', finalizers: ['f1'] });
  });

  it('encodes routerd.Route{service=1, socket=2, default=3}', () => {
    const bytes = routerd.Route.encode({ service: 'time.TimeService', socket: '/s', default: true }).finish();
    expect([...bytes]).toEqual([...str(1, 'time.TimeService'), ...str(2, '/s'), ...uint(3, 1)]);
  });
});

describe('event payloads', () => {
  it('packs with the talos/runtime/ type URL prefix', () => {
    const any = anyOf('machine.PhaseEvent', Uint8Array.from([1, 2]));
    expect(any.type_url).toBe('talos/runtime/machine.PhaseEvent');
    expect(EVENT_TYPE_URL_PREFIX).toBe('talos/runtime/');
    // google.protobuf.Any{type_url=1, value=2}
    expect([...google.protobuf.Any.encode(any).finish()]).toEqual([
      ...str(1, 'talos/runtime/machine.PhaseEvent'),
      ...lengthDelimited(2, [1, 2]),
    ]);
  });

  it('round-trips a SequenceEvent through machine.Event', () => {
    const data = packEvent('machine.SequenceEvent', {
      sequence: 'boot',
      action: machine.SequenceEvent.Action.START,
    });
    const wire = machine.Event.encode({ metadata: { hostname: 'n1' }, data, id: 'c1' }).finish();
    const event = machine.Event.decode(wire);
    const payload = unpackEvent(event.data);
    expect(payload?.type).toBe('machine.SequenceEvent');
    if (payload?.type !== 'machine.SequenceEvent') throw new Error('wrong payload type');
    expect(payload.event.sequence).toBe('boot');
    expect(payload.event.action).toBe(machine.SequenceEvent.Action.START);
  });

  it('returns undefined for unknown payload types', () => {
    expect(unpackEvent(anyOf('machine.AddressEvent', new Uint8Array()))).toBeUndefined();
    expect(
      unpackEvent({ type_url: 'type.googleapis.com/machine.PhaseEvent', value: new Uint8Array() }),
    ).toBeUndefined();
    expect(unpackEvent(undefined)).toBeUndefined();
  });
});
