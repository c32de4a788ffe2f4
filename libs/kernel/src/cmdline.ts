// The kernel command line: Talos's defaults, a parser for /proc/cmdline-style strings, and the
// arguments machined insists on before it boots.

/** Talos's hardening and console defaults for every boot (KSPP arguments first). */
export const DEFAULT_KERNEL_ARGS: readonly string[] = [
  'init_on_alloc=1',
  'slab_nomerge',
  'pti=on',
  'consoleblank=0',
  // The largest timeout the driver takes: NVMe over slow cloud volumes must not time out.
  'nvme_core.io_timeout=4294967295',
  'random.trust_cpu=on',
  'printk.devkmsg=on',
  'console=ttyS0',
];

export const DEFAULT_KERNEL_CMDLINE = DEFAULT_KERNEL_ARGS.join(' ');

/**
 * What `cluster create` adds for a QEMU node, as Talos does: a reboot is a keyboard-controller
 * reset, and a panic reboots after a second (QEMU then exits and its launcher starts it again)
 * instead of leaving a dead node running.
 */
export const QEMU_KERNEL_ARGS: readonly string[] = ['reboot=k', 'panic=1'];

/**
 * What a QEMU node under software emulation (TCG) adds. No kernel-memory accounting in memory
 * cgroups: the first memory cgroup (runc's, for the first system container) turns a static key on,
 * and the kernel rewrites the code of every slab allocation while the other vCPU runs it; TCG has
 * been seen to livelock there, both vCPUs looping on the int3 of the rewrite in kmem_cache_alloc
 * ("soft lockup - CPU#1 stuck for 399s"), the node hung before apid. Without kmem accounting the
 * key never changes; a container's memory limit then counts its user memory only. And a soft
 * lockup panics (then panic=1 reboots, and the launcher starts QEMU again) instead of leaving a
 * node hung for good, should another rewrite livelock.
 */
export const TCG_KERNEL_ARGS: readonly string[] = ['cgroup.memory=nokmem', 'softlockup_panic=1'];

/** Arguments without which machined refuses to boot: they cannot be turned on later. */
export const REQUIRED_KERNEL_ARGS: readonly { key: string; value?: string }[] = [
  { key: 'slab_nomerge' },
  { key: 'pti', value: 'on' },
];

export interface KernelArg {
  key: string;
  /** undefined for a bare flag (`slab_nomerge`); '' for `key=`. */
  value: string | undefined;
}

/**
 * A parsed command line: arguments in order, keys may repeat (`console=tty0 console=ttyS0`).
 * Values are kept verbatim after the first `=` (`ip=` carries colons and more `=`).
 */
export class KernelCmdline {
  constructor(readonly args: readonly KernelArg[]) {}

  static parse(text: string): KernelCmdline {
    return new KernelCmdline(splitCmdline(text).map(toArg));
  }

  has(key: string): boolean {
    return this.args.some((a) => a.key === key);
  }

  /** The last value of a key: the kernel, like Talos, lets a later argument win. */
  get(key: string): string | undefined {
    for (let i = this.args.length - 1; i >= 0; i--) {
      const arg = this.args[i]!;
      if (arg.key === key) return arg.value;
    }
    return undefined;
  }

  /** Every value of a repeated key, in order. */
  getAll(key: string): (string | undefined)[] {
    return this.args.filter((a) => a.key === key).map((a) => a.value);
  }

  toString(): string {
    return this.args.map(renderArg).join(' ');
  }
}

// The kernel's own rule (lib/cmdline.c next_arg): whitespace separates, double quotes group and
// are dropped, wherever they appear in the word (`key="a b"` and `"key=a b"` both give `a b`).
function splitCmdline(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function toArg(word: string): KernelArg {
  const eq = word.indexOf('=');
  return eq < 0 ? { key: word, value: undefined } : { key: word.slice(0, eq), value: word.slice(eq + 1) };
}

function renderArg(arg: KernelArg): string {
  if (arg.value === undefined) return arg.key;
  return /[\s"]/.test(arg.value) || arg.value === ''
    ? `${arg.key}="${arg.value}"`
    : `${arg.key}=${arg.value}`;
}

/**
 * What is missing of the required arguments, as an error message, or undefined when the line has
 * them all. A later `pti=off` overrides an earlier `pti=on`, as in the kernel.
 */
export function requiredArgumentsProblem(cmdline: string | KernelCmdline): string | undefined {
  const parsed = typeof cmdline === 'string' ? KernelCmdline.parse(cmdline) : cmdline;
  const missing: string[] = [];
  for (const req of REQUIRED_KERNEL_ARGS) {
    if (!parsed.has(req.key)) {
      missing.push(req.value === undefined ? req.key : `${req.key}=${req.value}`);
    } else if (req.value !== undefined && parsed.get(req.key) !== req.value) {
      missing.push(`${req.key}=${req.value} (have ${req.key}=${parsed.get(req.key) ?? ''})`);
    }
  }
  if (missing.length === 0) return undefined;
  return `kernel command line is missing required arguments: ${missing.join(', ')}`;
}
