import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { INITRAMFS_ROOTFS_IMAGE, MACHINED_INIT_ARGV } from '@talos/constants';
import { cString, InitConfig, renderInitConfig } from './init-config';

const CFG: InitConfig = {
  kernelRelease: '6.1.0-56-cloud-amd64',
  modules: [
    '/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/virtio/virtio_ring.ko',
    '/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/block/loop.ko',
  ],
  rootfsImage: INITRAMFS_ROOTFS_IMAGE,
  newRoot: '/newroot',
  moveMounts: ['/dev', '/proc', '/sys'],
  prefetch: ['/usr/lib/talos/apps/machined/main.js', '/usr/bin/node'],
  argv: MACHINED_INIT_ARGV,
};

describe('init-config.h', () => {
  it('carries the modules in order, the rootfs image, machined argv and the files to read ahead, each list 0-terminated', () => {
    const h = renderInitConfig(CFG);
    expect(h).toContain(`#define INIT_ROOTFS_IMAGE "${INITRAMFS_ROOTFS_IMAGE}"`);
    expect(h).toContain('#define INIT_KERNEL_RELEASE "6.1.0-56-cloud-amd64"');
    expect(h).toContain(
      'static const char *const init_modules[] = {\n  "/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/virtio/virtio_ring.ko",\n  "/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/block/loop.ko",\n  0,\n};',
    );
    expect(h).toContain(
      `static const char *const init_argv[] = {\n${MACHINED_INIT_ARGV.map((a) => `  "${a}",\n`).join('')}  0,\n};`,
    );
    expect(h).toContain(
      'static const char *const init_prefetch[] = {\n  "/usr/lib/talos/apps/machined/main.js",\n  "/usr/bin/node",\n  0,\n};',
    );
  });

  it('escapes what C strings cannot hold as is', () => {
    expect(cString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cString('x\ny??=')).toBe('"x\\012y\\077\\077="');
    expect(cString('é')).toBe('"\\303\\251"');
  });

  it('refuses an empty argv', () => {
    expect(() => renderInitConfig({ ...CFG, argv: [] })).toThrow('init argv is empty');
  });

  it('compiles with init.c (musl-gcc, warnings as errors)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'init-config-'));
    try {
      fs.writeFileSync(path.join(dir, 'init-config.h'), renderInitConfig(CFG));
      const init = path.resolve(__dirname, '..', 'init', 'init.c');
      execFileSync('musl-gcc', ['-fsyntax-only', '-Wall', '-Wextra', '-Werror', '-I', dir, init], {
        stdio: 'pipe',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
