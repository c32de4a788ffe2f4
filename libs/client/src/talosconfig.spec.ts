import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ClientConfig,
  loadClientConfig,
  mergeClientConfig,
  parseClientConfig,
  parseListFlag,
  removeContext,
  resolveTalosconfigPath,
  saveClientConfig,
  selectContext,
  serializeClientConfig,
} from './talosconfig';
import { parseEndpoint } from './endpoint';

function config(context: string, names: string[]): ClientConfig {
  return {
    context,
    contexts: Object.fromEntries(
      names.map((n) => [n, { endpoints: [`${n}.example`], ca: 'Y2E=', crt: 'Y3J0', key: 'a2V5' }]),
    ),
  };
}

describe('talosconfig merge', () => {
  it('adds new contexts and switches to the merged current context', () => {
    const into = config('a', ['a']);
    const renames = mergeClientConfig(into, config('b', ['b']));
    expect(renames).toEqual([]);
    expect(Object.keys(into.contexts).sort()).toEqual(['a', 'b']);
    expect(into.context).toBe('b');
  });

  it('appends an index to a clashing name, and the next free one on a second clash', () => {
    const into = config('a', ['a']);
    const first = mergeClientConfig(into, { context: 'a', contexts: { a: { endpoints: ['second'] } } });
    expect(first).toEqual([{ from: 'a', to: 'a-1' }]);
    const second = mergeClientConfig(into, { context: 'a', contexts: { a: { endpoints: ['third'] } } });
    expect(second).toEqual([{ from: 'a', to: 'a-2' }]);
    expect(into.contexts.a?.endpoints).toEqual(['a.example']);
    expect(into.contexts['a-1']?.endpoints).toEqual(['second']);
    expect(into.contexts['a-2']?.endpoints).toEqual(['third']);
    expect(into.context).toBe('a-2');
  });

  it('overwrites a clashing context with force', () => {
    const into = config('a', ['a', 'other']);
    const renames = mergeClientConfig(
      into,
      { context: 'a', contexts: { a: { endpoints: ['new'] } } },
      { force: true },
    );
    expect(renames).toEqual([]);
    expect(into.contexts.a).toEqual({ endpoints: ['new'] });
    expect(Object.keys(into.contexts).sort()).toEqual(['a', 'other']);
  });

  it('keeps the current context when the merged config has none', () => {
    const into = config('a', ['a']);
    mergeClientConfig(into, { context: '', contexts: { b: { endpoints: [] } } });
    expect(into.context).toBe('a');
  });

  it('does not share objects with the merged config', () => {
    const into = config('a', ['a']);
    const from = config('b', ['b']);
    mergeClientConfig(into, from);
    from.contexts.b?.endpoints.push('changed');
    expect(into.contexts.b?.endpoints).toEqual(['b.example']);
  });
});

describe('talosconfig files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosconfig-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('saves with mode 0600 (it holds a key) and reads back the same config', () => {
    const file = path.join(dir, 'nested', 'config');
    const cfg = config('a', ['a', 'b']);
    cfg.contexts.a!.nodes = ['10.5.0.2', '10.5.0.3'];
    saveClientConfig(file, cfg);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadClientConfig(file)).toEqual(cfg);
  });

  it('keeps 0600 when rewriting a file that was world-readable', () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, 'context: ""\ncontexts: {}\n', { mode: 0o644 });
    saveClientConfig(file, config('a', ['a']));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads a missing file as an empty config', () => {
    expect(loadClientConfig(path.join(dir, 'absent'))).toEqual({ context: '', contexts: {} });
  });

  it('names the file and field of a malformed config', () => {
    const file = path.join(dir, 'bad');
    fs.writeFileSync(file, 'context: a\ncontexts:\n  a:\n    endpoints: 5\n');
    expect(() => loadClientConfig(file)).toThrow(/bad.*contexts\.a\.endpoints: expected a list of strings/);
  });

  it('parses the Talos talosconfig layout', () => {
    const text = [
      'context: demo',
      'contexts:',
      '  demo:',
      '    endpoints:',
      '      - 10.5.0.2',
      '    nodes:',
      '      - 10.5.0.3',
      '    ca: Q0E=',
      '    crt: Q1JU',
      '    key: S0VZ',
      '',
    ].join('\n');
    const cfg = parseClientConfig(text);
    expect(cfg).toEqual({
      context: 'demo',
      contexts: {
        demo: { endpoints: ['10.5.0.2'], nodes: ['10.5.0.3'], ca: 'Q0E=', crt: 'Q1JU', key: 'S0VZ' },
      },
    });
    expect(parseClientConfig(serializeClientConfig(cfg))).toEqual(cfg);
  });
});

describe('talosconfig path precedence', () => {
  it('prefers the flag, then $TALOSCONFIG, then XDG, then ~/.talos/config', () => {
    const env = { HOME: '/home/u', XDG_CONFIG_HOME: '/xdg', TALOSCONFIG: '/env/config' };
    expect(resolveTalosconfigPath('/flag/config', env)).toBe('/flag/config');
    expect(resolveTalosconfigPath(undefined, env)).toBe('/env/config');
    expect(resolveTalosconfigPath(undefined, { HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' })).toBe(
      '/xdg/talos/config.yaml',
    );
    expect(resolveTalosconfigPath(undefined, { HOME: '/home/u' })).toBe('/home/u/.talos/config');
    expect(resolveTalosconfigPath('', { HOME: '/home/u' })).toBe('/home/u/.talos/config');
  });
});

describe('context selection', () => {
  it('uses the flag over the current context and names a missing one', () => {
    const cfg = config('a', ['a', 'b']);
    expect(selectContext(cfg).name).toBe('a');
    expect(selectContext(cfg, 'b').name).toBe('b');
    expect(() => selectContext(cfg, 'c')).toThrow('context "c" is not defined');
    expect(() => selectContext({ context: '', contexts: {} })).toThrow('no context is set');
  });

  it('makes the first remaining context current when the current one is removed', () => {
    const cfg = config('b', ['c', 'a', 'b', 'd']);
    expect(removeContext(cfg, 'b')).toBe(true);
    // File order, not name order.
    expect(cfg.context).toBe('c');
    expect(Object.keys(cfg.contexts)).toEqual(['c', 'a', 'd']);
    expect(removeContext(cfg, 'b')).toBe(false);
    // Removing another context leaves the current one alone.
    expect(removeContext(cfg, 'a')).toBe(true);
    expect(cfg.context).toBe('c');
    // The last one: nothing is current any more, and the config says so.
    expect(removeContext(cfg, 'd')).toBe(true);
    expect(removeContext(cfg, 'c')).toBe(true);
    expect(cfg).toEqual({ context: '', contexts: {} });
    expect(() => selectContext(cfg)).toThrow('no context is set');
  });

  it('keeps the first remaining context current across a save and a load', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talosconfig-remove-'));
    try {
      const file = path.join(dir, 'config');
      saveClientConfig(file, config('z', ['z', 'y', 'x']));
      const loaded = loadClientConfig(file);
      removeContext(loaded, 'z');
      saveClientConfig(file, loaded);
      expect(loadClientConfig(file).context).toBe('y');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('list flags', () => {
  it('accepts repeated and comma-separated values, trimmed and without duplicates', () => {
    expect(parseListFlag(['10.0.0.1', '10.0.0.2,10.0.0.3', ' 10.0.0.4 , ,10.0.0.1'])).toEqual([
      '10.0.0.1',
      '10.0.0.2',
      '10.0.0.3',
      '10.0.0.4',
    ]);
    expect(parseListFlag('a,b')).toEqual(['a', 'b']);
    expect(parseListFlag(undefined)).toEqual([]);
  });
});

describe('endpoints', () => {
  it('adds the apid port when none is given and keeps an explicit one', () => {
    expect(parseEndpoint('10.5.0.2').address).toBe('10.5.0.2:50000');
    expect(parseEndpoint('node1:6000')).toEqual({ host: 'node1', port: 6000, address: 'node1:6000' });
    expect(parseEndpoint('fd00::1').address).toBe('[fd00::1]:50000');
    expect(parseEndpoint('[fd00::1]:1234')).toEqual({
      host: 'fd00::1',
      port: 1234,
      address: '[fd00::1]:1234',
    });
    expect(parseEndpoint('https://10.5.0.2:6443/').address).toBe('10.5.0.2:6443');
  });

  it('refuses a bad port', () => {
    expect(() => parseEndpoint('node:abc')).toThrow('bad port');
    expect(() => parseEndpoint('node:70000')).toThrow('invalid endpoint');
  });
});
