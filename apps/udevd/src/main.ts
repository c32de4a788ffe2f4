// udevd: kernel uevents (device management comes with the image).
import * as path from 'node:path';
import { NodePaths } from '@talos/constants';
import { daemonCommand, runDaemon } from '@talos/daemon';
import { Udevd } from './udevd';

const flags = daemonCommand('udevd').parse().opts<{ root: string }>();
const paths = new NodePaths(path.resolve(flags.root));

void runDaemon('udevd', (logger) => Udevd.start({ socketPath: paths.socket('udevd'), logger }));
