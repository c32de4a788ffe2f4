import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateConfigs, serializeConfig } from '@talos/config';
import { NodePaths } from '@talos/constants';
import { KernelCmdline } from '@talos/kernel';
import { silentLogger } from '@talos/log';
import { bootConfig } from './boot-config';

const CONFIG = serializeConfig(
  generateConfigs({ clusterName: 'boot', endpoint: 'https://10.5.0.2:6443' }).init,
);

describe('bootConfig', () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/good.yaml') return res.end(CONFIG);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boot-config-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (cmdline: string) =>
    bootConfig({
      cmdline: KernelCmdline.parse(cmdline),
      paths: new NodePaths(dir),
      logger: silentLogger(),
      fetch: { attempts: 1 },
    });

  it('fetches the config named by talos.config= and stores it 0600', async () => {
    const got = await run(`slab_nomerge talos.config=${base}/good.yaml`);
    expect(got?.source).toBe('url');
    expect(got?.config.machine.type).toBe('init');
    const file = new NodePaths(dir).configFile;
    expect(fs.readFileSync(file, 'utf8')).toBe(CONFIG);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('falls back to the stored config when the URL fails, and to none without either', async () => {
    expect(await run(`talos.config=${base}/missing.yaml`)).toBeUndefined();
    expect(await run('console=ttyS0')).toBeUndefined();
    const file = new NodePaths(dir).configFile;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, CONFIG, { mode: 0o600 });
    const got = await run(`talos.config=${base}/missing.yaml`);
    expect(got?.source).toBe('stored');
    expect(got?.text).toBe(CONFIG);
  });
});
