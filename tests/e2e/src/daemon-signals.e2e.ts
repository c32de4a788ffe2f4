// A daemon's bundle as its container runs it: PID 1 of its own pid namespace, where the kernel
// ignores a signal the process has no handler for. Stopped while it is still loading or starting,
// it must exit at once, not sit out the runner's grace period until SIGKILL (a reboot took 10 s
// longer whenever a daemon was still starting). machined is left out: as the machine's PID 1 it
// must never exit on a signal.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateConfigs, serializeConfig } from '@talos/config';
import { DAEMONS } from '@talos/constants';
import { makeTmpDir, type TmpDir } from '@talos/testing';
import { REPO } from './harness';

const asRoot = process.getuid?.() === 0 ? describe : describe.skip;
const bundleOf = (daemon: string): string => path.join(REPO, 'dist', 'apps', daemon, 'main.js');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The pid namespace's PID 1 (unshare's only child), once it is there. */
async function namespaceInit(unsharePid: number): Promise<number> {
  for (;;) {
    const children = fs.readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim();
    if (children) return Number(children.split(/\s+/)[0]);
    await sleep(5);
  }
}

asRoot('a daemon stopped while it starts', () => {
  let tmp: TmpDir;
  let dir: string;
  beforeAll(async () => {
    tmp = await makeTmpDir('daemon-signals-');
    dir = tmp.path;
  });
  afterAll(() => tmp.cleanup());

  it('a worker apid still waiting for trustd exits 0 at once on SIGTERM, as PID 1 of its pid namespace', async () => {
    const config = path.join(dir, 'join.yaml');
    fs.writeFileSync(
      config,
      serializeConfig(generateConfigs({ clusterName: 'signals', endpoint: 'https://127.0.0.1:6443' }).join),
    );
    // Nothing listens on the trustd endpoint: apid's start would retry for minutes.
    const args = [
      bundleOf('apid'),
      '--root',
      dir,
      '--config',
      config,
      '--address',
      '127.0.0.1',
      '--port',
      '0',
    ];
    const child = spawn(
      'unshare',
      ['--pid', '--fork', '--kill-child=SIGKILL', '--mount-proc', process.execPath, ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const ended = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const init = await namespaceInit(child.pid!);
      while (!out.includes('requesting serving certificate from trustd')) await sleep(20);
      const sent = Date.now();
      process.kill(init, 'SIGTERM');
      await expect(Promise.race([ended, sleep(5000).then(() => 'still running')])).resolves.toBe(0);
      expect(Date.now() - sent).toBeLessThan(5000);
      expect(out).toContain('"signal":"SIGTERM"');
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it.each(DAEMONS.filter((d) => d !== 'machined'))(
    "%s's bundle sets SIGTERM and SIGINT handlers in its first statement; machined's does not",
    (daemon) => {
      const first = (d: string): string => fs.readFileSync(bundleOf(d), 'utf8').split('\n')[0] ?? '';
      expect(first(daemon)).toMatch(/^"use strict";for\(const s of\['SIGTERM','SIGINT'\]\)process\.on\(s,/);
      expect(first('machined')).not.toContain('SIGTERM');
    },
  );
});
