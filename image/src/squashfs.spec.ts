import { executables, parseUnsquashfsListing } from './squashfs';

const LISTING = `Parallel unsquashfs: Using 2 processors
6 inodes (7 blocks) to write

drwxr-xr-x root/root               165 2026-11-24 07:31 squashfs-root
-rwxr-xr-x root/root          98932688 2026-11-24 07:31 squashfs-root/usr/bin/node
-rw-r--r-- root/root           1926232 2026-11-24 07:31 squashfs-root/lib/x86_64-linux-gnu/libc.so.6
lrwxrwxrwx root/root                42 2026-11-24 07:31 squashfs-root/lib64/ld-linux-x86-64.so.2 -> /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
-rwsr-xr-x root/root               100 2026-11-24 07:31 squashfs-root/usr/bin/with space
-rw-r-Sr-- root/root               100 2026-11-24 07:31 squashfs-root/etc/sgid
crw------- root/root             5,  1 2026-11-24 07:31 squashfs-root/dev/console
`;

describe('unsquashfs -lls listing', () => {
  it('parses paths, modes and sizes', () => {
    const entries = parseUnsquashfsListing(LISTING);
    expect(entries.map((e) => e.path)).toEqual([
      '/',
      '/usr/bin/node',
      '/lib/x86_64-linux-gnu/libc.so.6',
      '/lib64/ld-linux-x86-64.so.2',
      '/usr/bin/with space',
      '/etc/sgid',
      '/dev/console',
    ]);
    expect(entries[1]).toEqual({ path: '/usr/bin/node', mode: '-rwxr-xr-x', size: 98932688 });
  });

  it('counts regular files with any execute, setuid or setgid bit as executables; not links', () => {
    expect(executables(parseUnsquashfsListing(LISTING))).toEqual([
      '/etc/sgid',
      '/usr/bin/node',
      '/usr/bin/with space',
    ]);
  });
});
