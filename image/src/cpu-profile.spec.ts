import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cpuProfileSeconds, startCpuProfile } from './cpu-profile';

describe('CPU profiles of a boot (talos.cpuprofile=)', () => {
  it('reads the seconds from the kernel command line, and nothing else', () => {
    expect(cpuProfileSeconds('console=ttyS0 talos.cpuprofile=30 pti=on\n')).toBe(30);
    expect(cpuProfileSeconds('talos.cpuprofile=2.5')).toBe(2.5);
    expect(cpuProfileSeconds('console=ttyS0 pti=on')).toBeUndefined();
    expect(cpuProfileSeconds('talos.cpuprofile=0')).toBeUndefined();
    expect(cpuProfileSeconds('talos.cpuprofile=soon')).toBeUndefined();
    expect(cpuProfileSeconds('xtalos.cpuprofile=30 talosXcpuprofile=30')).toBeUndefined();
  });

  it('writes a V8 profile of this process once the time is up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpu-profile-'));
    try {
      const file = path.join(dir, 'run', 'x.cpuprofile');
      await new Promise<void>((resolve) => {
        startCpuProfile(file, 0.2, resolve);
        // Something to sample.
        const until = Date.now() + 100;
        while (Date.now() < until) JSON.stringify({ busy: true });
      });
      const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: unknown[]; samples: unknown[] };
      expect(profile.nodes.length).toBeGreaterThan(1);
      expect(profile.samples.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
