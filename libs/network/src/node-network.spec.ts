// networkd configuring a network namespace for real: DHCP from Debian's dnsmasq across a veth
// pair, static config, ip= and ignored links. Each test's namespaces are removed in afterAll,
// whatever happened; nothing touches the host's own interfaces.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleEntry, makeTmpDir, type TmpDir } from '@talos/testing';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..');
const isRoot = process.getuid?.() === 0;
const haveDnsmasq = fs.existsSync('/usr/sbin/dnsmasq');
const describeRoot = isRoot && haveDnsmasq ? describe : describe.skip;

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8' });
}

interface RunResult {
  status: {
    hostname?: string;
    nameservers: string[];
    leases: Record<
      string,
      { address: string; prefixLen: number; routers: string[]; dns: string[]; ntp: string[]; domain?: string }
    >;
    errors: string[];
  };
  output: string;
  renewed?: { address: string; obtainedAt: number; leaseSeconds: number };
}

describeRoot('networkd configuring a network namespace', () => {
  const id = randomBytes(3).toString('hex');
  const srv = `talos-t-${id}-s`;
  const cli = `talos-t-${id}-c`;
  let tmp: TmpDir;
  let entry: string;
  let dnsmasq: ChildProcess | undefined;
  /** dnsmasq's log (--log-dhcp), shown when a run fails. */
  let dnsmasqLog = '';

  beforeAll(async () => {
    tmp = await makeTmpDir('netd-');
    entry = (
      await bundleEntry(path.join(__dirname, 'testdata', 'configure-in-netns.ts'), 'configure', tmp.path)
    ).main;
    ip('netns', 'add', srv);
    ip('netns', 'add', cli);
    // Two cables from the server namespace: eth0 (DHCP served) and eth1 (to be ignored).
    ip('-n', srv, 'link', 'add', 'srv0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', cli);
    ip('-n', srv, 'link', 'add', 'srv1', 'type', 'veth', 'peer', 'name', 'eth1', 'netns', cli);
    ip('-n', srv, 'addr', 'add', '10.77.0.1/24', 'dev', 'srv0');
    ip('-n', srv, 'link', 'set', 'srv0', 'up');
    ip('-n', srv, 'link', 'set', 'srv1', 'up');
    ip('-n', cli, 'link', 'set', 'lo', 'up');
    dnsmasq = spawn(
      'ip',
      [
        'netns',
        'exec',
        srv,
        'dnsmasq',
        '--no-daemon',
        '--conf-file=/dev/null',
        '--port=0',
        '--user=root',
        '--interface=srv0',
        '--bind-interfaces',
        '--log-dhcp',
        '--dhcp-authoritative',
        '--dhcp-range=10.77.0.50,10.77.0.60,255.255.255.0,1h',
        '--dhcp-option=option:router,10.77.0.1',
        '--dhcp-option=option:dns-server,10.77.0.53,10.77.0.54',
        '--dhcp-option=option:domain-name,test.internal',
        '--dhcp-option=option:ntp-server,10.77.0.123',
        `--dhcp-leasefile=${path.join(tmp.path, 'leases')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    dnsmasq.stderr?.on('data', (b: Buffer) => (dnsmasqLog += b.toString()));
  });

  afterAll(async () => {
    if (dnsmasq && dnsmasq.exitCode === null) {
      const exited = new Promise((r) => dnsmasq!.once('exit', r));
      dnsmasq.kill('SIGTERM');
      await exited;
    }
    for (const ns of [cli, srv]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // not created
      }
    }
    await tmp?.cleanup();
  });

  function run(
    name: string,
    args: { cmdline: string; network?: unknown; waitMs?: number; renew?: string },
  ): Promise<RunResult> {
    const etcDir = path.join(tmp.path, name, 'etc');
    const input = JSON.stringify({
      ...args,
      etcDir,
      hostnameFile: path.join(tmp.path, name, 'hostname'),
      waitMs: args.waitMs ?? 20_000,
    });
    return new Promise((resolve, reject) => {
      const child = spawn('ip', ['netns', 'exec', cli, process.execPath, entry, input], {
        env: { ...process.env, NODE_PATH: path.join(WORKSPACE, 'node_modules') },
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      child.once('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('STATUS '));
        if (code !== 0 || !line)
          return reject(new Error(`configure exited ${code}:\n${out}\ndnsmasq:\n${dnsmasqLog}`));
        const renewed = out.split('\n').find((l) => l.startsWith('RENEWED '));
        resolve({
          status: JSON.parse(line.slice('STATUS '.length)) as RunResult['status'],
          output: out,
          ...(renewed
            ? { renewed: JSON.parse(renewed.slice('RENEWED '.length)) as RunResult['renewed'] }
            : {}),
        });
      });
    });
  }

  const read = (name: string, file: string): string =>
    fs.readFileSync(path.join(tmp.path, name, file), 'utf8');

  it('takes a DHCP lease from dnsmasq: address, default route, resolvers, hostname; skips ignored links', async () => {
    const { status, renewed } = await run('dhcp', {
      cmdline: 'console=ttyS0 talos.network.interface.ignore=eth1',
      renew: 'eth0',
    });
    expect(status.errors).toEqual([]);
    const lease = status.leases.eth0!;
    expect(lease).toMatchObject({
      prefixLen: 24,
      routers: ['10.77.0.1'],
      dns: ['10.77.0.53', '10.77.0.54'],
      ntp: ['10.77.0.123'],
    });
    expect(lease.address).toMatch(/^10\.77\.0\.(5\d|60)$/);
    expect(status.leases.eth1).toBeUndefined();
    // dnsmasq extends the same address (REQUEST with ciaddr).
    expect(renewed).toMatchObject({ address: lease.address, leaseSeconds: 3600 });

    expect(ip('-n', cli, '-4', '-o', 'addr', 'show', 'dev', 'eth0')).toContain(`inet ${lease.address}/24`);
    expect(ip('-n', cli, '-4', 'route', 'show', 'default')).toMatch(
      /default via 10\.77\.0\.1 dev eth0 proto dhcp .*metric 1024/,
    );
    // The ignored link is left down, without an address.
    expect(ip('-n', cli, '-o', 'link', 'show', 'dev', 'eth1')).not.toMatch(/[<,]UP[,>]/);
    expect(ip('-n', cli, '-4', '-o', 'addr', 'show', 'dev', 'eth1')).toBe('');

    const hostname = `talos-${lease.address.replace(/\./g, '-')}`;
    expect(read('dhcp', 'hostname')).toBe(hostname);
    expect(read('dhcp', 'etc/resolv.conf')).toBe(
      'nameserver 10.77.0.53\nnameserver 10.77.0.54\nsearch test.internal\n',
    );
    expect(read('dhcp', 'etc/hosts')).toContain(`${lease.address}\t${hostname}.test.internal ${hostname}\n`);
    expect(read('dhcp', 'etc/hosts')).toMatch(/^127\.0\.0\.1\tlocalhost\n/);
  }, 60_000);

  it('applies static config (address, MTU, routes, resolvers, hostname) and ip= on another link', async () => {
    const { status } = await run('static', {
      cmdline: 'ip=192.168.60.2::192.168.60.1:255.255.255.0:from-ip-arg:eth1:off:192.168.60.53',
      network: {
        hostname: 'static-node',
        nameservers: ['192.0.2.53'],
        interfaces: [
          {
            interface: 'eth0',
            cidr: '192.168.50.2/24',
            mtu: 1400,
            routes: [{ network: '10.99.0.0/16', gateway: '192.168.50.1', metric: 5 }],
          },
        ],
        extraHostEntries: [{ ip: '192.168.50.10', aliases: ['registry', 'registry.lan'] }],
      },
    });
    expect(status.errors).toEqual([]);
    expect(status.leases).toEqual({});
    expect(ip('-n', cli, '-4', '-o', 'addr', 'show', 'dev', 'eth0')).toContain(
      'inet 192.168.50.2/24 brd 192.168.50.255',
    );
    expect(ip('-n', cli, '-o', 'link', 'show', 'dev', 'eth0')).toContain('mtu 1400');
    expect(ip('-n', cli, '-4', 'route', 'show', '10.99.0.0/16')).toMatch(
      /10\.99\.0\.0\/16 via 192\.168\.50\.1 dev eth0 proto static metric 5/,
    );
    // ip= configured eth1: its address and a default route through its gateway.
    expect(ip('-n', cli, '-4', '-o', 'addr', 'show', 'dev', 'eth1')).toContain('inet 192.168.60.2/24');
    expect(ip('-n', cli, '-4', 'route', 'show', 'default', 'dev', 'eth1')).toMatch(
      /default via 192\.168\.60\.1/,
    );
    // Config wins for the hostname and resolvers.
    expect(read('static', 'hostname')).toBe('static-node');
    expect(read('static', 'etc/resolv.conf')).toBe('nameserver 192.0.2.53\n');
    expect(read('static', 'etc/hosts')).toContain('192.168.50.2\tstatic-node\n');
    expect(read('static', 'etc/hosts')).toContain('192.168.50.10\tregistry registry.lan\n');
  }, 60_000);
});
