// udevd: kernel uevents; on a node it owns (`--root /` as root: the image) also coldplug and
// /dev/disk/by-* links. In dev mode (`--root DIR`) it never writes to /dev or /sys.
import * as path from 'node:path';
import { DEV_DIR, NodePaths, SYSFS_DIR } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { Udevd } from './udevd';

const flags = daemonCommand('udevd').parse().opts<{ root: string }>();
const root = path.resolve(flags.root);
const paths = new NodePaths(root);
const ownsNode = root === '/' && process.getuid?.() === 0;

void runDaemon('udevd', (logger) =>
  Udevd.start({
    socketPath: paths.socket('udevd'),
    logger,
    ...(ownsNode ? { devices: { devDir: DEV_DIR, sysDir: SYSFS_DIR, coldplug: true } } : {}),
  }),
);
