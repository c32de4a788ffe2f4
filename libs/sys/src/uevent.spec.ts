import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type { Datagram } from './netlink/socket';
import { UeventListener, parseUevent, type Uevent } from './uevent';

// A uevent in the kernel's wire format, as sent when a virtio disk appears.
const CAPTURED = Buffer.from(
  [
    'add@/devices/pci0000:00/0000:00:05.0/virtio2/block/vda',
    'ACTION=add',
    'DEVPATH=/devices/pci0000:00/0000:00:05.0/virtio2/block/vda',
    'SUBSYSTEM=block',
    'MAJOR=254',
    'MINOR=0',
    'DEVNAME=vda',
    'DEVTYPE=disk',
    'DISKSEQ=1',
    'SEQNUM=1523',
    '',
  ].join('\0'),
);

describe('parseUevent', () => {
  it('reads ACTION, DEVPATH, SUBSYSTEM, SEQNUM and every KEY=VALUE', () => {
    expect(parseUevent(CAPTURED)).toEqual({
      action: 'add',
      devpath: '/devices/pci0000:00/0000:00:05.0/virtio2/block/vda',
      subsystem: 'block',
      seqnum: 1523,
      env: expect.objectContaining({ MAJOR: '254', MINOR: '0', DEVNAME: 'vda', DEVTYPE: 'disk' }),
    });
  });

  it('keeps values holding "=" whole', () => {
    const ev = parseUevent(Buffer.from('change@/x\0ACTION=change\0DEVPATH=/x\0SUBSYSTEM=s\0OPTS=a=b\0'));
    expect(ev?.env.OPTS).toBe('a=b');
  });

  it('ignores udev re-broadcasts and garbage', () => {
    expect(parseUevent(Buffer.from('libudev\0\xfe\xed\xca\xfe', 'latin1'))).toBeUndefined();
    expect(parseUevent(Buffer.from('no header here'))).toBeUndefined();
  });
});

describe('UeventListener', () => {
  it('yields events from the kernel only and closes its source when aborted', async () => {
    const queue: Datagram[] = [
      { data: Buffer.from('add@/spoofed\0ACTION=add\0DEVPATH=/spoofed\0SUBSYSTEM=x\0'), senderPid: 4321 },
      { data: CAPTURED, senderPid: 0 },
    ];
    let closed = false;
    const ac = new AbortController();
    const listener = UeventListener.fromSource({
      receive: (signal) =>
        queue.length
          ? Promise.resolve(queue.shift()!)
          : new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      close: () => {
        closed = true;
      },
    });
    const seen: Uevent[] = [];
    for await (const ev of listener.events(ac.signal)) {
      seen.push(ev);
      ac.abort();
    }
    expect(seen.map((e) => e.devpath)).toEqual(['/devices/pci0000:00/0000:00:05.0/virtio2/block/vda']);
    expect(closed).toBe(true);
  });

  it('receives a real kernel uevent, then stops cleanly on abort', async () => {
    let listener: UeventListener;
    try {
      listener = UeventListener.open();
    } catch (err) {
      // Without the socket (a sandbox refusing NETLINK_KOBJECT_UEVENT) the error must say so.
      expect((err as Error).message).toMatch(/^error opening kernel uevent socket: /);
      return;
    }
    const ac = new AbortController();
    const uuid = randomUUID();
    const iterating = (async () => {
      for await (const ev of listener.events(ac.signal)) {
        if (ev.env.SYNTH_UUID === uuid) return ev;
      }
      return undefined;
    })();
    let triggered = false;
    try {
      // A synthetic "change" event on the loopback device: harmless, and tagged so we find ours.
      fs.writeFileSync('/sys/class/net/lo/uevent', `change ${uuid}`);
      triggered = true;
    } catch {
      // Not root: only the clean stop can be checked.
    }
    const timer = setTimeout(() => ac.abort(), triggered ? 5000 : 100);
    const ev = await iterating;
    clearTimeout(timer);
    ac.abort();
    if (triggered) {
      expect(ev).toMatchObject({
        action: 'change',
        subsystem: 'net',
        env: expect.objectContaining({ INTERFACE: 'lo' }),
      });
    }
  });
});
