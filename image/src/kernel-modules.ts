// Kernel modules from the pinned kernel package: which .ko files a set of module names needs,
// in the order they must load (dependencies first), read from the kernel's modules.dep.
import * as path from 'node:path';

/** Module name as the kernel knows it: file name without .ko(.xz|.zst|.gz), '-' as '_'. */
export function moduleName(file: string): string {
  return path
    .basename(file)
    .replace(/\.ko(\.(xz|zst|gz))?$/, '')
    .replace(/-/g, '_');
}

export class ModuleIndex {
  /** Module name → its path (relative to /lib/modules/<release>) and its dependencies' paths. */
  private readonly deps = new Map<string, { file: string; deps: string[] }>();
  private readonly builtin: Set<string>;

  constructor(modulesDep: string, modulesBuiltin = '') {
    for (const line of modulesDep.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const file = line.slice(0, colon).trim();
      const deps = line
        .slice(colon + 1)
        .split(/\s+/)
        .filter(Boolean);
      this.deps.set(moduleName(file), { file, deps });
    }
    this.builtin = new Set(modulesBuiltin.split('\n').filter(Boolean).map(moduleName));
  }

  isBuiltin(name: string): boolean {
    return this.builtin.has(name.replace(/-/g, '_'));
  }

  /**
   * The module files to load for `names`, in load order: each module after everything it depends
   * on, each once, otherwise in the order asked. Built-in modules are left out; a name that is
   * neither a module nor built in fails.
   */
  loadOrder(names: readonly string[]): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string, chain: string[]): void => {
      const key = name.replace(/-/g, '_');
      if (seen.has(key)) return;
      const entry = this.deps.get(key);
      if (!entry) {
        if (this.isBuiltin(key)) return;
        throw new Error(`kernel module ${name} is neither in modules.dep nor built in`);
      }
      if (chain.includes(key))
        throw new Error(`kernel module dependency cycle: ${[...chain, key].join(' -> ')}`);
      // modules.dep lists dependencies deepest last; visiting each (recursively) puts it before its users.
      for (const dep of entry.deps) visit(moduleName(dep), [...chain, key]);
      seen.add(key);
      order.push(entry.file);
    };
    for (const name of names) visit(name, []);
    return order;
  }

  /** modules.dep lines for exactly these module files (as modprobe reads them). */
  depLines(files: readonly string[]): string {
    const wanted = new Set(files);
    const lines: string[] = [];
    for (const { file, deps } of this.deps.values()) {
      if (wanted.has(file)) lines.push(deps.length ? `${file}: ${deps.join(' ')}` : `${file}:`);
    }
    return lines.sort().join('\n') + (lines.length ? '\n' : '');
  }
}

/** modules.alias lines naming one of `files`' modules. */
export function filterAliases(modulesAlias: string, files: readonly string[]): string {
  const names = new Set(files.map(moduleName));
  const lines = modulesAlias.split('\n').filter((line) => {
    const parts = line.trim().split(/\s+/);
    return parts[0] === 'alias' && parts.length === 3 && names.has(parts[2]!.replace(/-/g, '_'));
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}
