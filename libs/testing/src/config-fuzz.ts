// The corpus the machine-config fuzzers draw from (the loader's fuzz spec and `nx run bench:config`):
// values that are wrong in interesting ways, keys that trip naive object handling, and text that
// breaks YAML structure.

/** Near-misses of valid values, and plain junk. */
export const NASTY_CONFIG_VALUES: readonly unknown[] = [
  '',
  ' ',
  '10.5.0.300/24',
  '::/129',
  'https://',
  '__proto__',
  'constructor',
  'toString',
  '-----BEGIN CERTIFICATE-----',
  Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').toString('base64'),
  -1,
  0,
  2 ** 53,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  [],
  {},
  [null],
  { a: [1, { b: 'c' }] },
  { __proto__: { polluted: true } },
  'x'.repeat(300),
];

/** Keys added where they do not belong. */
export const UNKNOWN_CONFIG_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'version',
  'bogus',
];

/** Fragments spliced into YAML text to damage its structure. */
export const YAML_TEXT_INSERTS: readonly string[] = [
  '\n',
  ': ',
  '- ',
  '&a ',
  '*a',
  '!!binary ',
  '{',
  '[',
  '"',
  "'",
  '#',
  '\t',
  '---\n',
  '%YAML 1.1\n',
  '? ',
];
