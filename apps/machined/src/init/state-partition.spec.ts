import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateConfigs, serializeConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import { createLogger } from '@talos/log';
import { persistConfig, stateConfig } from './state-partition';

describe('the config on STATE', () => {
  let dir: string;
  let paths: NodePaths;
  let lines: string[];
  const logger = () =>
    createLogger({
      name: 'state',
      destination: { write: (l: string) => void lines.push(l) } as unknown as NodeJS.WritableStream,
    });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-'));
    paths = new NodePaths(dir);
    fs.mkdirSync(paths.stateDir, { recursive: true });
    lines = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is stored 0600 and loaded back', async () => {
    const text = serializeConfig(
      generateConfigs({ clusterName: 'c', endpoint: 'https://10.5.0.2:6443' }).init,
    );
    await persistConfig(paths, text, '/dev/vda1', logger());
    expect(fs.statSync(paths.configFile).mode & 0o777).toBe(0o600);
    const found = await stateConfig(paths, '/dev/vda1', logger());
    expect(found?.source).toBe('state');
    expect(found?.text).toBe(text);
    expect(lines.join('')).toContain('loaded the machine config from STATE (/dev/vda1)');
  });

  it('is none when STATE holds no config', async () => {
    expect(await stateConfig(paths, '/dev/vda1', logger())).toBeUndefined();
    expect(lines.join('')).toContain('STATE (/dev/vda1) holds no machine config');
  });

  it('an invalid one is reported, moved aside with its bytes intact, and the node goes on without it', async () => {
    fs.writeFileSync(paths.configFile, 'version: v1alpha1\nmachine: [not, a, map]\n', { mode: 0o600 });
    expect(await stateConfig(paths, '/dev/vda1', logger())).toBeUndefined();
    expect(fs.existsSync(paths.configFile)).toBe(false);
    const aside = fs.readdirSync(paths.stateDir).filter((f) => f.startsWith('config.yaml.invalid-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(paths.stateDir, aside[0]!), 'utf8')).toBe(
      'version: v1alpha1\nmachine: [not, a, map]\n',
    );
    const log = lines.join('');
    expect(log).toContain('the machine config on STATE (/dev/vda1) is invalid: ');
    expect(log).toContain(
      `moved aside to ${path.join(paths.stateDir, aside[0]!)}; booting as if there were none`,
    );
  });
});
