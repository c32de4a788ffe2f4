// Kernel modules, loaded the way modprobe does it: modules.dep under /lib/modules/<release> names each
// module's file and the modules it needs; those are loaded first. finit_module(2) takes the open file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SyscallError } from './errno';
import { finitModule } from './syscalls';

/** Where kernel modules live, one folder per kernel release. */
export const MODULES_ROOT = '/lib/modules';

export interface ModuleEntry {
  /** Path of the .ko file, relative to the release's folder. */
  file: string;
  /** Names of the modules it needs (direct and indirect), as modules.dep lists them. */
  deps: string[];
}

/** A module's name as the kernel knows it: the file's base name, `-` read as `_`. */
export function moduleName(file: string): string {
  return path
    .basename(file)
    .replace(/\.ko(\.(xz|zst|gz))?$/, '')
    .replace(/-/g, '_');
}

/** Parses modules.dep (`kernel/fs/a.ko: kernel/lib/b.ko kernel/lib/c.ko`) into entries by name. */
export function parseModulesDep(text: string): Map<string, ModuleEntry> {
  const modules = new Map<string, ModuleEntry>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const file = line.slice(0, colon).trim();
    const deps = line
      .slice(colon + 1)
      .split(/\s+/)
      .filter((d) => d !== '')
      .map(moduleName);
    modules.set(moduleName(file), { file, deps });
  }
  return modules;
}

/** The modules to load for `name`, dependencies first, each once. */
export function moduleLoadOrder(name: string, modules: ReadonlyMap<string, ModuleEntry>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (mod: string, wantedBy: string | undefined): void => {
    if (order.includes(mod) || visiting.has(mod)) return;
    const entry = modules.get(mod);
    if (!entry) {
      throw new Error(
        wantedBy
          ? `error loading module ${name}: ${mod} (needed by ${wantedBy}) is not in modules.dep`
          : `error loading module ${name}: not in modules.dep`,
      );
    }
    visiting.add(mod);
    for (const dep of entry.deps) visit(dep, mod);
    visiting.delete(mod);
    order.push(mod);
  };
  visit(moduleName(name), undefined);
  return order;
}

export interface LoadModuleOptions {
  /** Default /lib/modules. */
  modulesRoot?: string;
  /** Loads one .ko file (default: finit_module); tests record the calls instead. */
  load?: (file: string, name: string) => void | Promise<void>;
}

/**
 * Loads a module and what it depends on. A module built into the kernel or already loaded is not
 * an error. Returns the modules this call loaded, in order.
 */
export async function loadModule(
  name: string,
  release = os.release(),
  opts: LoadModuleOptions = {},
): Promise<string[]> {
  const dir = path.join(opts.modulesRoot ?? MODULES_ROOT, release);
  const wanted = moduleName(name);
  if (builtinModules(dir).has(wanted)) return [];
  let depText: string;
  try {
    depText = fs.readFileSync(path.join(dir, 'modules.dep'), 'utf8');
  } catch (err) {
    throw new Error(`error loading module ${name}: ${(err as Error).message}`);
  }
  const modules = parseModulesDep(depText);
  const load = opts.load ?? loadModuleFile;
  const loaded: string[] = [];
  for (const mod of moduleLoadOrder(wanted, modules)) {
    const entry = modules.get(mod)!;
    try {
      await load(path.join(dir, entry.file), mod);
      loaded.push(mod);
    } catch (err) {
      if (SyscallError.is(err, 'EEXIST')) continue;
      throw err;
    }
  }
  return loaded;
}

function builtinModules(dir: string): Set<string> {
  try {
    return new Set(
      fs
        .readFileSync(path.join(dir, 'modules.builtin'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map(moduleName),
    );
  } catch {
    return new Set();
  }
}

/** finit_module on the file. Debian ships plain .ko files, so no decompression flag is needed. */
async function loadModuleFile(file: string, name: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await finitModule(handle.fd, '', name);
  } finally {
    await handle.close();
  }
}
