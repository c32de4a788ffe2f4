import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseAccelerator, probeKvm } from './accel';
import { CONFIG_URL, runLauncher, writeConfigResponse } from './launcher';
import { qemuArgs } from './qemu-args';
import { createNodeDisk, nodeDiskPath } from './node-disk';
import { nodeKernelArgs } from './qemu-provisioner';

describe('qemuArgs', () => {
  const spec = {
    kernel: '/img/vmlinuz',
    initramfs: '/img/initramfs.img',
    cmdline: 'console=ttyS0 talos.platform=metal',
    memoryMb: 2048,
    cpus: 2,
    accel: 'tcg' as const,
    consoleLog: '/state/console.log',
    apiPort: 41234,
    configResponse: '/state/node/config.yaml.http',
  };

  it('boots the kernel directly with the console in a file and apid forwarded to loopback only', () => {
    const args = qemuArgs(spec);
    const after = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
    expect(after('-kernel')).toBe('/img/vmlinuz');
    expect(after('-initrd')).toBe('/img/initramfs.img');
    expect(after('-append')).toBe('console=ttyS0 talos.platform=metal');
    // Appended to across the QEMU runs of one node (a guest reboot ends QEMU: -no-reboot).
    expect(after('-chardev')).toBe('file,id=console,path=/state/console.log,append=on');
    expect(after('-serial')).toBe('chardev:console');
    expect(args).toContain('-no-reboot');
    expect(after('-accel')).toBe('tcg');
    expect(after('-cpu')).toBe('max');
    expect(after('-m')).toBe('2048');
    expect(after('-netdev')).toBe(
      'user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:41234-:50000,' +
        'guestfwd=tcp:10.0.2.100:80-cmd:cat /state/node/config.yaml.http',
    );
  });

  it('has no config rule for a node booting into maintenance mode', () => {
    const args = qemuArgs({ ...spec, configResponse: undefined });
    expect(args[args.indexOf('-netdev') + 1]).toBe(
      'user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:41234-:50000',
    );
  });

  it('refuses paths QEMU would split or a shell would word-split', () => {
    expect(() => qemuArgs({ ...spec, configResponse: '/state/my node/config.http' })).toThrow(
      /cannot go on QEMU's command line/,
    );
    expect(() => qemuArgs({ ...spec, consoleLog: '/state/a,b.log' })).toThrow(
      /cannot go on QEMU's command line/,
    );
  });

  it('uses the host CPU under KVM and attaches disks as virtio drives in order', () => {
    const args = qemuArgs({ ...spec, accel: 'kvm', disks: ['/d/a.raw', '/d/b.raw'] });
    expect(args[args.indexOf('-cpu') + 1]).toBe('host');
    const drives = args.filter((_, i) => args[i - 1] === '-drive');
    expect(drives).toEqual([
      'file=/d/a.raw,format=raw,if=virtio,index=0,cache=unsafe',
      'file=/d/b.raw,format=raw,if=virtio,index=1,cache=unsafe',
    ]);
  });
});

describe('node kernel arguments', () => {
  it("carry Talos's defaults and QEMU's reboot and panic rules, and no kmem accounting under TCG", () => {
    const tcg = nodeKernelArgs('tcg');
    expect(tcg).toEqual(
      expect.arrayContaining(['slab_nomerge', 'pti=on', 'console=ttyS0', 'reboot=k', 'panic=1']),
    );
    expect(tcg).toEqual(expect.arrayContaining(['cgroup.memory=nokmem', 'softlockup_panic=1']));
    expect(tcg[tcg.length - 1]).toBe('talos.platform=metal');
    const kvm = nodeKernelArgs('kvm');
    expect(kvm).toContain('panic=1');
    expect(kvm).not.toContain('cgroup.memory=nokmem');
    expect(kvm).not.toContain('softlockup_panic=1');
  });
});

describe('config response', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qemu-config-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a complete HTTP response with the config as its body, readable by the owner only', async () => {
    const config = path.join(dir, 'config.yaml');
    fs.writeFileSync(config, 'version: v1alpha1\n# é\n');
    const response = path.join(dir, 'config.yaml.http');
    writeConfigResponse(config, response);
    expect(fs.statSync(response).mode & 0o777).toBe(0o600);
    // What the guest's fetch() sees: serve the file's bytes raw on a socket, as `cat` does.
    const server = net.createServer((sock) => sock.end(fs.readFileSync(response)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/config.yaml`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('version: v1alpha1\n# é\n');
    } finally {
      server.close();
    }
  });

  it('is fetched from the guestfwd address on port 80', () => {
    expect(CONFIG_URL).toBe('http://10.0.2.100/config.yaml');
  });
});

describe('KVM probe', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvm-probe-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in for qemu-system-x86_64 (the probe's verdict depends only on what QEMU does). */
  function fakeQemu(body: string): string {
    const file = path.join(dir, 'qemu');
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  }
  const device = (): string => {
    const file = path.join(dir, 'kvm');
    fs.writeFileSync(file, '');
    return file;
  };

  it('chooses KVM when the guest reaches the kernel panic', async () => {
    const qemu = fakeQemu('echo "Kernel panic - not syncing: VFS: Unable to mount root fs"; exit 0');
    const choice = await probeKvm({ kernel: '/k', qemu, kvmDevice: device() });
    expect(choice.accel).toBe('kvm');
    expect(choice.reason).toMatch(/expected panic/);
  });

  it('falls back to TCG when the guest hangs, when QEMU fails, and without a usable /dev/kvm', async () => {
    const hang = await probeKvm({
      kernel: '/k',
      qemu: fakeQemu('exec sleep 30'),
      kvmDevice: device(),
      timeoutMs: 300,
    });
    expect(hang).toEqual({ accel: 'tcg', reason: 'KVM probe guest did not finish within 0.3s' });
    const fail = await probeKvm({
      kernel: '/k',
      qemu: fakeQemu('echo "kvm_buf_set_msrs: Assertion failed" >&2; exit 134'),
      kvmDevice: device(),
    });
    expect(fail.accel).toBe('tcg');
    expect(fail.reason).toMatch(/KVM probe failed \(exit 134\): kvm_buf_set_msrs: Assertion failed/);
    const missing = await probeKvm({ kernel: '/k', kvmDevice: path.join(dir, 'absent') });
    expect(missing).toEqual({ accel: 'tcg', reason: `${path.join(dir, 'absent')} is not usable (ENOENT)` });
  });

  it('takes kvm and tcg as said and probes only for auto', async () => {
    let probes = 0;
    const probe = async () => {
      probes++;
      return { accel: 'tcg' as const, reason: 'probed' };
    };
    expect((await chooseAccelerator('kvm', probe)).accel).toBe('kvm');
    expect((await chooseAccelerator('tcg', probe)).accel).toBe('tcg');
    expect(probes).toBe(0);
    expect(await chooseAccelerator('auto', probe)).toEqual({ accel: 'tcg', reason: 'probed' });
    expect(probes).toBe(1);
  });
});

describe('node disk', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qemu-disk-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a sparse raw file of the size asked, readable by the owner only, never an existing file', () => {
    const file = nodeDiskPath(dir, 'c-master-1');
    expect(file).toBe(path.join(dir, 'c-master-1.disk'));
    createNodeDisk(file, 6144);
    const st = fs.statSync(file);
    expect(st.size).toBe(6144 * 1024 * 1024);
    expect(st.blocks).toBe(0);
    expect(st.mode & 0o777).toBe(0o600);
    expect(() => createNodeDisk(file, 10)).toThrow(`error creating node disk ${file}: EEXIST`);
    expect(() => createNodeDisk(path.join(dir, 'x.disk'), 0)).toThrow('invalid disk size 0 MB');
  });
});

describe('runLauncher', () => {
  it('starts QEMU again when the guest rebooted or panicked, and ends when it powered off', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
    try {
      const consoleLog = path.join(dir, 'console.log');
      const runs = path.join(dir, 'runs');
      // A stand-in for QEMU (-no-reboot): the guest's last words, then the exit a reboot, a
      // panic (panic=1) or a power-off makes; the runs reboot, panic, then power off.
      const lastWords = [
        'reboot: Restarting system',
        'Kernel panic - not syncing: Attempted to kill init!\nRebooting in 1 seconds..',
        'reboot: Power down',
      ];
      const fake = path.join(dir, 'qemu');
      fs.writeFileSync(
        fake,
        `#!/bin/sh\necho run >> ${runs}\ncase $(wc -l < ${runs}) in\n` +
          lastWords.map((words, i) => `${i + 1}) printf '${words}\\n' >> ${consoleLog};;\n`).join('') +
          'esac\n',
        { mode: 0o755 },
      );
      fs.writeFileSync(consoleLog, 'Linux version 6.1\n');
      const specFile = path.join(dir, 'launch.json');
      fs.writeFileSync(
        specFile,
        JSON.stringify({
          node: { kernel: 'k', initramfs: 'i', memoryMb: 512, cpus: 1, accel: 'tcg', consoleLog, apiPort: 1 },
          kernelArgs: [],
          qemu: fake,
        }),
      );
      const lines: string[] = [];
      await expect(runLauncher(specFile, (l) => lines.push(l))).resolves.toBe(0);
      expect(fs.readFileSync(runs, 'utf8')).toBe('run\nrun\nrun\n');
      expect(lines.filter((l) => l === 'the guest rebooted: starting QEMU again')).toHaveLength(2);
      // The console is appended to, never truncated, across runs.
      expect(fs.readFileSync(consoleLog, 'utf8')).toBe(`Linux version 6.1\n${lastWords.join('\n')}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
