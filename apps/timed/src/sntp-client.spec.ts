import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import { CHRONYD, freeUdpPort, startChronyd, type Chronyd } from '@talos/testing';
import { encodeRequest, writeNtpTimestamp } from './ntp-packet';
import { SntpClient, parseServer } from './sntp-client';

const haveChronyd = fs.existsSync(CHRONYD);

(haveChronyd ? describe : describe.skip)('SntpClient against chronyd', () => {
  let chronyd: Chronyd;
  beforeAll(async () => {
    chronyd = await startChronyd();
  }, 15_000);
  afterAll(async () => {
    await chronyd?.stop();
  });

  it('measures a plausible offset from a stratum 8 server', async () => {
    const res = await new SntpClient().query(chronyd.server);
    expect(res.stratum).toBe(8);
    expect(res.leap).toBe(0);
    expect(Math.abs(res.offsetMs)).toBeLessThan(1000);
    expect(res.delayMs).toBeGreaterThanOrEqual(0);
    expect(res.delayMs).toBeLessThan(1000);
    expect(res.address).toBe(chronyd.server);
    expect(res.remoteTimeMs - res.localTimeMs).toBeCloseTo(res.offsetMs, 3);
  });

  it('sees our clock 10 s ahead as an offset of -10 s', async () => {
    const res = await new SntpClient({ wallClock: () => Date.now() + 10_000 }).query(chronyd.server);
    expect(res.offsetMs).toBeGreaterThan(-11_000);
    expect(res.offsetMs).toBeLessThan(-9_000);
  });

  it('resolves host names', async () => {
    const res = await new SntpClient().query(`localhost:${chronyd.port}`);
    expect(res.stratum).toBe(8);
  });
});

describe('SntpClient failures', () => {
  it('reports a port without a server clearly', async () => {
    const port = await freeUdpPort();
    await expect(new SntpClient({ timeoutMs: 2000 }).query(`127.0.0.1:${port}`)).rejects.toThrow(
      new RegExp(
        `^error querying NTP server 127\\.0\\.0\\.1:${port}: connection refused \\(no NTP server on that port\\)$`,
      ),
    );
  });

  it('times out on a server that never answers', async () => {
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', r));
    const port = silent.address().port;
    try {
      await expect(new SntpClient({ timeoutMs: 300 }).query(`127.0.0.1:${port}`)).rejects.toThrow(
        `error querying NTP server 127.0.0.1:${port}: timeout after 300 ms`,
      );
    } finally {
      silent.close();
    }
  });

  it('reports a name that does not resolve', async () => {
    await expect(new SntpClient().query('no-such-host.invalid')).rejects.toThrow(
      /^error querying NTP server no-such-host\.invalid: cannot resolve no-such-host\.invalid: /,
    );
  });

  describe('against a scripted server', () => {
    // A fake NTP server: it answers each request with a reply the test shapes, to reach the
    // validation paths a healthy chronyd never takes.
    let server: dgram.Socket;
    let shape: (req: Buffer, reply: Buffer) => void;
    beforeAll(async () => {
      server = dgram.createSocket('udp4');
      server.on('message', (req, rinfo) => {
        const reply = Buffer.alloc(48);
        reply.writeUInt8((0 << 6) | (4 << 3) | 4, 0);
        reply.writeUInt8(2, 1);
        req.copy(reply, 24, 40, 48); // origin = client's transmit
        writeNtpTimestamp(reply, 32, Date.now());
        writeNtpTimestamp(reply, 40, Date.now());
        shape(req, reply);
        server.send(reply, rinfo.port, rinfo.address);
      });
      await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    });
    afterAll(() => server.close());
    const query = (timeoutMs = 1000) =>
      new SntpClient({ timeoutMs }).query(`127.0.0.1:${server.address().port}`);

    it('accepts a well-formed reply', async () => {
      shape = () => undefined;
      await expect(query()).resolves.toMatchObject({ stratum: 2 });
    });

    it('turns a kiss-o-death into an error with its code', async () => {
      shape = (_req, reply) => {
        reply.writeUInt8(0, 1);
        reply.write('RATE', 12, 'latin1');
      };
      await expect(query()).rejects.toThrow(/: kiss-o'-death from server: RATE$/);
    });

    it('refuses an unsynchronised server', async () => {
      shape = (_req, reply) => reply.writeUInt8((3 << 6) | (4 << 3) | 4, 0);
      await expect(query()).rejects.toThrow(/: server clock is not synchronised \(leap indicator 3\)$/);
    });

    it('refuses a reply in client mode and a zero transmit timestamp', async () => {
      shape = (_req, reply) => reply.writeUInt8((4 << 3) | 3, 0);
      await expect(query()).rejects.toThrow(/: unexpected mode 3 in reply$/);
      shape = (_req, reply) => reply.fill(0, 40, 48);
      await expect(query()).rejects.toThrow(/: server sent a zero transmit timestamp$/);
    });

    it('ignores replies that do not echo our transmit timestamp', async () => {
      shape = (_req, reply) => encodeRequest(12345).copy(reply, 24, 40, 48);
      await expect(query(300)).rejects.toThrow(
        /: timeout after 300 ms \(ignored 1 reply\(ies\) not matching the request\)$/,
      );
    });
  });
});

describe('parseServer', () => {
  it('reads host, port and IPv6 forms', () => {
    expect(parseServer('pool.ntp.org')).toEqual({ host: 'pool.ntp.org', port: 123 });
    expect(parseServer('127.0.0.1:12345')).toEqual({ host: '127.0.0.1', port: 12345 });
    expect(parseServer('[::1]:4123')).toEqual({ host: '::1', port: 4123 });
    expect(parseServer('fd00::1')).toEqual({ host: 'fd00::1', port: 123 });
    expect(() => parseServer('host:99999')).toThrow('invalid port in NTP server address "host:99999"');
    expect(() => parseServer(' ')).toThrow('empty NTP server address');
  });
});
