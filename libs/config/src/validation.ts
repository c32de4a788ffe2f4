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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : typeof value;
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
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(`must be a mapping, got ${describe(value)}`);
      return undefined;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.at(key).problem('unknown field');
    }
    return record;
  }

  string(value: unknown, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.problem('is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(`must be a string, got ${describe(value)}`);
      return undefined;
    }
    if ((opts.required || opts.nonEmpty) && value.trim() === '') {
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
