import {
  DEFAULT_KERNEL_ARGS,
  DEFAULT_KERNEL_CMDLINE,
  KernelCmdline,
  requiredArgumentsProblem,
} from './cmdline';

describe('KernelCmdline.parse', () => {
  it('splits on any whitespace and keeps bare flags apart from key=value', () => {
    const c = KernelCmdline.parse('  slab_nomerge\tpti=on\n quiet  ');
    expect(c.args).toEqual([
      { key: 'slab_nomerge', value: undefined },
      { key: 'pti', value: 'on' },
      { key: 'quiet', value: undefined },
    ]);
  });

  it('groups quoted values and drops the quotes, wherever they open', () => {
    const c = KernelCmdline.parse('a="x y" "b=p q" c=1');
    expect(c.get('a')).toBe('x y');
    expect(c.get('b')).toBe('p q');
    expect(c.get('c')).toBe('1');
    expect(c.args).toHaveLength(3);
  });

  it('keeps everything after the first = verbatim (ip= carries colons and more =)', () => {
    const ip = '10.0.0.2::10.0.0.1:255.255.255.0:node-1:eth0:off:1.1.1.1:8.8.8.8:';
    const c = KernelCmdline.parse(`ip=${ip} talos.config=https://x/c?a=b&c=d`);
    expect(c.get('ip')).toBe(ip);
    expect(c.get('talos.config')).toBe('https://x/c?a=b&c=d');
  });

  it('distinguishes key= (empty) from a bare key', () => {
    const c = KernelCmdline.parse('root= ro');
    expect(c.get('root')).toBe('');
    expect(c.has('ro')).toBe(true);
    expect(c.get('ro')).toBeUndefined();
    expect(c.has('rw')).toBe(false);
  });

  it('keeps repeated keys in order; get returns the last', () => {
    const c = KernelCmdline.parse('console=tty0 console=ttyS0,115200');
    expect(c.getAll('console')).toEqual(['tty0', 'ttyS0,115200']);
    expect(c.get('console')).toBe('ttyS0,115200');
  });

  it('treats an unterminated quote as running to the end', () => {
    expect(KernelCmdline.parse('a="x y').get('a')).toBe('x y');
  });

  it('gives no arguments for an empty line', () => {
    expect(KernelCmdline.parse('').args).toEqual([]);
    expect(KernelCmdline.parse(' \n').args).toEqual([]);
  });

  it('round-trips through toString, quoting values that need it', () => {
    const c = KernelCmdline.parse('a="x y" b= c d=1');
    expect(c.toString()).toBe('a="x y" b="" c d=1');
    expect(KernelCmdline.parse(c.toString()).args).toEqual(c.args);
  });
});

describe('default command line', () => {
  it('carries the KSPP arguments and the serial console', () => {
    const c = KernelCmdline.parse(DEFAULT_KERNEL_CMDLINE);
    expect(c.args).toHaveLength(DEFAULT_KERNEL_ARGS.length);
    expect(c.get('init_on_alloc')).toBe('1');
    expect(c.has('slab_nomerge')).toBe(true);
    expect(c.get('console')).toBe('ttyS0');
    expect(c.get('nvme_core.io_timeout')).toBe('4294967295');
    expect(c.get('printk.devkmsg')).toBe('on');
  });

  it('satisfies the required arguments', () => {
    expect(requiredArgumentsProblem(DEFAULT_KERNEL_CMDLINE)).toBeUndefined();
  });
});

describe('requiredArgumentsProblem', () => {
  it('names both when both are missing', () => {
    const problem = requiredArgumentsProblem('console=ttyS0');
    expect(problem).toMatch(/missing required arguments/);
    expect(problem).toContain('slab_nomerge');
    expect(problem).toContain('pti=on');
  });

  it('names only what is missing', () => {
    expect(requiredArgumentsProblem('pti=on')).toBe(
      'kernel command line is missing required arguments: slab_nomerge',
    );
    expect(requiredArgumentsProblem('slab_nomerge')).toBe(
      'kernel command line is missing required arguments: pti=on',
    );
  });

  it('refuses pti with another value, and a later pti=off overriding pti=on', () => {
    expect(requiredArgumentsProblem('slab_nomerge pti=auto')).toContain('pti=on (have pti=auto)');
    expect(requiredArgumentsProblem('slab_nomerge pti=on pti=off')).toContain('have pti=off');
    expect(requiredArgumentsProblem('slab_nomerge pti')).toContain('have pti=)');
    expect(requiredArgumentsProblem('slab_nomerge pti=off pti=on')).toBeUndefined();
  });

  it('does not take a look-alike for the flag', () => {
    expect(requiredArgumentsProblem('slab_nomerge=0 pti=on')).toBeUndefined();
    expect(requiredArgumentsProblem('xslab_nomerge pti=on')).toContain('slab_nomerge');
    expect(requiredArgumentsProblem('"slab_nomerge pti=on"')).toContain('slab_nomerge');
  });

  it('accepts a parsed command line', () => {
    expect(requiredArgumentsProblem(KernelCmdline.parse('pti=on slab_nomerge'))).toBeUndefined();
  });
});
