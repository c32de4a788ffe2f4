// Field-by-field reading of an untyped YAML tree into typed config, collecting every problem
// with its field path instead of stopping at the first one.

/** Thrown when a configuration is invalid; `problems` holds one "path: reason" line per problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly problems: string[],
    prefix = 'invalid machine config',
  ) {
    super(
      `${prefix}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`,
    );
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary';
  if (value instanceof Date) return 'a timestamp';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/** A position in the document plus the shared list of problems found so far. */
export class FieldReader {
  constructor(
    readonly path: string,
    readonly problems: string[] = [],
  ) {}

  at(key: string | number): FieldReader {
    const path = typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    return new FieldReader(path, this.problems);
  }

  problem(message: string): void {
    this.problems.push(`${this.path || '(document)'}: ${message}`);
  }

  /**
   * Reads a mapping, reporting keys outside `allowed` (a typo must not silently become a default).
   * Returns undefined (and reports) when the value is not a mapping.
   */
  mapping(value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (!isMapping(value)) {
      this.problem(`must be a mapping, got ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.at(key).problem('unknown field');
    }
    // Only own keys count: a field named like an Object.prototype member must not read as set.
    const own: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of allowed) if (Object.hasOwn(value, key)) own[key] = value[key];
    return own;
  }

  /** An optional sub-section: undefined when absent or null, otherwise `mapping`. */
  section(value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    return this.mapping(value, allowed);
  }

  /** A mapping of free-form keys (user names, sysctl names...) whose values `read` checks. */
  entries<T>(
    value: unknown,
    read: (at: FieldReader, item: unknown) => T | undefined,
  ): Record<string, T> | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isMapping(value)) {
      this.problem(`must be a mapping, got ${describe(value)}`);
      return undefined;
    }
    const out: Record<string, T> = {};
    for (const key of Object.keys(value)) {
      if (key.trim() === '') {
        this.problem('keys must not be empty');
        continue;
      }
      const item = read(this.at(key), value[key]);
      if (item !== undefined)
        Object.defineProperty(out, key, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out;
  }

  /** A mapping of strings; numbers and booleans are taken as their text, as YAML authors write them. */
  stringMap(value: unknown): Record<string, string> | undefined {
    return this.entries(value, (at, item) => {
      if (typeof item === 'number' || typeof item === 'boolean') return String(item);
      return at.string(item, { required: true, allowEmpty: true });
    });
  }

  /** A list whose items `read` checks, each at its own `[i]` path. */
  list<T>(
    value: unknown,
    read: (at: FieldReader, item: unknown, index: number) => T | undefined,
  ): T[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.problem(`must be a list, got ${describe(value)}`);
      return undefined;
    }
    const out: T[] = [];
    value.forEach((item, i) => {
      const read_ = read(this.at(i), item, i);
      if (read_ !== undefined) out.push(read_);
    });
    return out;
  }

  integer(value: unknown, opts: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.problem('is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problem(`must be an integer, got ${typeof value === 'number' ? value : describe(value)}`);
      return undefined;
    }
    if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      this.problem(`${value} is out of range (${opts.min ?? '-∞'}..${opts.max ?? '∞'})`);
      return undefined;
    }
    return value;
  }

  /** A string that `check` accepts; `check` returns the reason it does not. */
  checked(
    value: unknown,
    check: (text: string) => string | undefined,
    opts: { required?: boolean } = {},
  ): string | undefined {
    const text = this.string(value, { required: opts.required, nonEmpty: true });
    if (text === undefined) return undefined;
    const problem = check(text);
    if (problem) {
      this.problem(problem);
      return undefined;
    }
    return text;
  }

  checkedList(value: unknown, check: (text: string) => string | undefined): string[] | undefined {
    return this.list(value, (at, item) => at.checked(item, check, { required: true }));
  }

  string(
    value: unknown,
    opts: { required?: boolean; nonEmpty?: boolean; allowEmpty?: boolean } = {},
  ): string | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.problem('is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(`must be a string, got ${describe(value)}`);
      return undefined;
    }
    if ((opts.required || opts.nonEmpty) && !opts.allowEmpty && value.trim() === '') {
      this.problem('must not be empty');
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(
    value: unknown,
    choices: readonly T[],
    opts: { required?: boolean } = {},
  ): T | undefined {
    const text = this.string(value, opts);
    if (text === undefined) return undefined;
    if (!(choices as readonly string[]).includes(text)) {
      this.problem(`"${text}" is not one of ${choices.join(', ')}`);
      return undefined;
    }
    return text as T;
  }

  boolean(value: unknown): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.problem(`must be true or false, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  stringList(value: unknown): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.problem(`must be a list of strings, got ${describe(value)}`);
      return undefined;
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      const text = this.at(i).string(item, { required: true });
      if (text !== undefined) out.push(text);
    });
    return out;
  }
}

/** Sets `out[key]` only when the value is present, so absent fields stay absent in the output. */
export function put<T extends object, K extends keyof T>(out: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}
