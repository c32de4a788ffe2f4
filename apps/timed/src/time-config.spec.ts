import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_NTP_SERVER } from '@talos/constants';
import { generateConfigs, serializeConfig } from '@talos/config';
import { loadTimeSettings } from './time-config';

describe('loadTimeSettings', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timed-config-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('defaults to pool.ntp.org without a config', async () => {
    expect(await loadTimeSettings({ configFile: path.join(dir, 'missing.yaml') })).toEqual({
      servers: [DEFAULT_NTP_SERVER],
      syncDisabled: false,
    });
  });

  it('refuses a named config file that does not exist', async () => {
    await expect(
      loadTimeSettings({ configFile: path.join(dir, 'missing.yaml'), configFileExplicit: true }),
    ).rejects.toThrow(/^error loading config: /);
  });

  it('reads machine.time from the config, and --servers overrides it', async () => {
    const { join } = generateConfigs({ clusterName: 'c', endpoint: 'https://10.5.0.2:6443' });
    join.machine.time = { servers: ['time.cloudflare.com', '127.0.0.1:4123'], disabled: true };
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, serializeConfig(join));
    expect(await loadTimeSettings({ configFile: file })).toEqual({
      servers: ['time.cloudflare.com', '127.0.0.1:4123'],
      syncDisabled: true,
    });
    expect(await loadTimeSettings({ configFile: file, serversFlag: ' a , b,' })).toEqual({
      servers: ['a', 'b'],
      syncDisabled: true,
    });
  }, 30_000);
});
