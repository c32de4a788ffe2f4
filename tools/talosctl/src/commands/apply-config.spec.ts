import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NodePart } from '@talos/client';
import type { machine } from '@talos/api';
import type { TalosApi } from '../cli';
import { runTalosctl } from '../program';

/** Records what apply-config sent; the second node refuses, as a node with an invalid config would. */
class RecordingApi {
  readonly calls: { data: string; mode: { onReboot?: boolean; immediate?: boolean } }[] = [];
  constructor(readonly nodes: readonly string[]) {}
  close(): void {}
  async applyConfiguration(
    data: Uint8Array | string,
    mode: { onReboot?: boolean; immediate?: boolean },
  ): Promise<NodePart<machine.IApplyConfiguration>[]> {
    this.calls.push({ data: Buffer.from(data).toString('utf8'), mode });
    return [
      { node: '10.5.0.2', message: {} },
      {
        node: '10.5.0.3',
        error: 'configuration is invalid: machine.colour: unknown field',
        message: { metadata: { hostname: '10.5.0.3' } },
      },
    ];
  }
}

describe('talosctl apply-config', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosctl-apply-'));
    file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, 'version: v1alpha1\n# as written\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    let api: RecordingApi | undefined;
    const code = await runTalosctl(['node', 'talosctl', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { HOME: dir, TALOSCONFIG: path.join(dir, 'talosconfig') },
      signal: new AbortController().signal,
      connect: (globals) => (api = new RecordingApi(globals.nodes)) as unknown as TalosApi,
    });
    return { code, stdout, stderr, api };
  }

  it('sends the file as written with the mode flags and reports a refusing node', async () => {
    const r = await run(['apply-config', '-f', file, '--on-reboot', '-n', '10.5.0.2,10.5.0.3']);
    expect(r.api?.calls).toEqual([
      { data: 'version: v1alpha1\n# as written\n', mode: { onReboot: true, immediate: false } },
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('10.5.0.3: error: configuration is invalid: machine.colour: unknown field');
  });

  it('applies immediately by default', async () => {
    const r = await run(['apply-config', '--file', file]);
    expect(r.api?.calls[0]?.mode).toEqual({ onReboot: false, immediate: false });
  });

  it('refuses --insecure without nodes to configure, before connecting', async () => {
    const r = await run(['apply-config', '-f', file, '--insecure']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--insecure needs the nodes to configure: use --nodes (-n)');
    expect(r.api).toBeUndefined();
  });

  it('refuses --on-reboot with --immediate, and a missing file', async () => {
    const both = await run(['apply-config', '-f', file, '--on-reboot', '--immediate']);
    expect(both.code).toBe(1);
    expect(both.api).toBeUndefined();
    const missing = await run(['apply-config', '-f', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('failed to read configuration from');
    expect(missing.api).toBeUndefined();
  });
});
