// The Kernel Self Protection Project's recommended build options for x86_64, as they apply to
// Linux 6.1 (the Debian bookworm kernel): options that appeared later (SLAB_BUCKETS, LIST_HARDENED,
// RANDOM_KMALLOC_CACHES...) or need Clang (CFI_CLANG) are left out, since a 6.1 GCC build cannot
// meet them. Source: KSPP's public "Recommended Settings" page; the facts only.
import { NOT_SET, renderConfigLine } from './kernel-config';

export interface KsppRecommendation {
  option: string;
  /** 'y', 'n' (not set) or a literal value such as '65536'. */
  want: string;
  /** One line on what the setting protects against. */
  why: string;
  /**
   * The recommendation only applies when this option has this value (STRICT_MODULE_RWX means
   * nothing without modules); otherwise it counts as met, since the surface it guards is gone.
   */
  appliesIf?: { option: string; value: string };
}

const r = (option: string, want: string, why: string, appliesIf?: KsppRecommendation['appliesIf']) =>
  ({ option: `CONFIG_${option}`, want, why, ...(appliesIf ? { appliesIf } : {}) }) as KsppRecommendation;
const withModules = { option: 'CONFIG_MODULES', value: 'y' };
const withDevmem = { option: 'CONFIG_DEVMEM', value: 'y' };

export const KSPP_RECOMMENDATIONS: readonly KsppRecommendation[] = [
  // Reporting and basic memory permissions.
  r('BUG', 'y', 'hardening failures can be reported'),
  r('STRICT_KERNEL_RWX', 'y', 'kernel text read-only, data not executable'),
  r('STRICT_MODULE_RWX', 'y', 'module text read-only, data not executable', withModules),
  r('VMAP_STACK', 'y', 'guard pages around kernel stacks'),
  r('DEBUG_WX', 'y', 'reports writable+executable mappings at boot'),
  // Address space layout randomisation.
  r('RANDOMIZE_BASE', 'y', 'kernel image ASLR'),
  r('RANDOMIZE_MEMORY', 'y', 'kernel memory region ASLR'),
  r('RANDOMIZE_KSTACK_OFFSET_DEFAULT', 'y', 'random kernel stack offset per syscall'),
  r('DEFAULT_MMAP_MIN_ADDR', '65536', 'no userspace mappings near NULL'),
  // Allocator hardening.
  r('SLAB_FREELIST_RANDOM', 'y', 'randomised slab freelists'),
  r('SLAB_FREELIST_HARDENED', 'y', 'obfuscated slab freelist pointers'),
  r('SHUFFLE_PAGE_ALLOCATOR', 'y', 'randomised page allocator freelists'),
  r('SLUB_DEBUG', 'y', 'allows slub_debug=... sanity checks'),
  r('INIT_ON_ALLOC_DEFAULT_ON', 'y', 'zero memory on allocation'),
  r('INIT_ON_FREE_DEFAULT_ON', 'y', 'zero memory on free'),
  r('INIT_STACK_ALL_ZERO', 'y', 'zero-initialised stack variables'),
  r('PAGE_TABLE_CHECK', 'y', 'sanity checks of user page table mappings'),
  r('PAGE_TABLE_CHECK_ENFORCED', 'y', 'page table checks on by default'),
  r('KFENCE', 'y', 'sampling detection of heap memory errors'),
  // Stack and bounds protection.
  r('STACKPROTECTOR', 'y', 'stack canaries'),
  r('STACKPROTECTOR_STRONG', 'y', 'stack canaries on more functions'),
  r('SCHED_STACK_END_CHECK', 'y', 'detects stack overruns at schedule()'),
  r('HARDENED_USERCOPY', 'y', 'bounds checks on copies to and from userspace'),
  r('FORTIFY_SOURCE', 'y', 'compile- and run-time bounds checks of string functions'),
  r('UBSAN', 'y', 'undefined-behaviour sanitiser, for array bounds'),
  r('UBSAN_BOUNDS', 'y', 'traps out-of-bounds array indexing'),
  r('UBSAN_TRAP', 'y', 'sanitiser findings trap instead of warning'),
  r('UBSAN_SANITIZE_ALL', 'y', 'bounds sanitiser across the whole kernel'),
  r('ZERO_CALL_USED_REGS', 'y', 'clears registers on function return (fewer ROP gadgets)'),
  // Data structure integrity checks.
  r('BUG_ON_DATA_CORRUPTION', 'y', 'BUG instead of continuing on detected corruption'),
  r('DEBUG_LIST', 'y', 'linked list integrity checks'),
  r('DEBUG_SG', 'y', 'scatterlist integrity checks'),
  r('DEBUG_NOTIFIERS', 'y', 'notifier chain integrity checks'),
  r('DEBUG_CREDENTIALS', 'y', 'credential integrity checks'),
  r('DEBUG_VIRTUAL', 'y', 'virtual-to-physical conversion checks'),
  // Panic rather than run on in an unknown state.
  r('PANIC_ON_OOPS', 'y', 'an oops panics the kernel'),
  r('PANIC_TIMEOUT', '-1', 'reboot at once after a panic'),
  // Security modules and policy.
  r('SECCOMP', 'y', 'syscall filtering'),
  r('SECCOMP_FILTER', 'y', 'BPF syscall filters'),
  r('SECURITY', 'y', 'LSM framework'),
  r('SECURITY_YAMA', 'y', 'ptrace scope restrictions'),
  r('SECURITY_LANDLOCK', 'y', 'unprivileged sandboxing'),
  r('SECURITY_LOCKDOWN_LSM', 'y', 'kernel lockdown available'),
  r('SECURITY_LOCKDOWN_LSM_EARLY', 'y', 'lockdown active from early boot'),
  r('LOCK_DOWN_KERNEL_FORCE_CONFIDENTIALITY', 'y', 'lockdown in confidentiality mode'),
  r('SECURITY_DMESG_RESTRICT', 'y', 'kernel log readable by CAP_SYSLOG only'),
  r('SECURITY_SELINUX_DISABLE', NOT_SET, 'LSM hooks can stay read-only'),
  r('STATIC_USERMODEHELPER', 'y', 'usermode helper calls go through one fixed binary'),
  // Module loading: none at all, or signed only.
  r('MODULES', NOT_SET, 'root cannot change kernel code through modules'),
  r('MODULE_SIG', 'y', 'modules are signed', withModules),
  r('MODULE_SIG_FORCE', 'y', 'unsigned modules are refused', withModules),
  r('MODULE_SIG_ALL', 'y', 'all built modules are signed', withModules),
  r('MODULE_SIG_SHA512', 'y', 'module signatures use SHA-512', withModules),
  // Attack surface reduction.
  r('DEVMEM', NOT_SET, 'no raw physical memory access through /dev/mem'),
  r('STRICT_DEVMEM', 'y', '/dev/mem limited to device memory', withDevmem),
  r('IO_STRICT_DEVMEM', 'y', '/dev/mem cannot reach memory drivers claim', withDevmem),
  r('ACPI_CUSTOM_METHOD', NOT_SET, 'no ACPI method injection (memory writes)'),
  r('COMPAT_BRK', NOT_SET, 'brk ASLR stays on'),
  r('PROC_KCORE', NOT_SET, 'kernel memory layout not exposed'),
  r('COMPAT_VDSO', NOT_SET, 'VDSO ASLR stays on'),
  r('KEXEC', NOT_SET, 'the running kernel cannot be replaced'),
  r('KEXEC_FILE', NOT_SET, 'the running kernel cannot be replaced'),
  r('HIBERNATION', NOT_SET, 'the running kernel cannot be replaced through a resume image'),
  r('BINFMT_MISC', NOT_SET, 'no interpreter registration by misconfigured userspace'),
  r('LEGACY_PTYS', NOT_SET, 'only the devpts PTY interface'),
  r('LDISC_AUTOLOAD', NOT_SET, 'line disciplines are not autoloaded'),
  r('USERFAULTFD', NOT_SET, 'no userfaultfd (a race-widening primitive)'),
  r('MODIFY_LDT_SYSCALL', NOT_SET, 'no modify_ldt()'),
  r('X86_IOPL_IOPERM', NOT_SET, 'no userspace I/O port access'),
  r('IA32_EMULATION', NOT_SET, 'no 32-bit syscall surface'),
  r('X86_X32_ABI', NOT_SET, 'no x32 syscall surface'),
  r('LEGACY_VSYSCALL_NONE', 'y', 'no vsyscall page at a fixed address'),
  r('SYN_COOKIES', 'y', 'SYN flood resistance'),
  // x86 CPU mitigations and features.
  r('PAGE_TABLE_ISOLATION', 'y', 'Meltdown mitigation'),
  r('RETPOLINE', 'y', 'Spectre v2 mitigation'),
  r('X86_UMIP', 'y', 'user-mode instruction prevention'),
  r('X86_KERNEL_IBT', 'y', 'indirect branch tracking'),
  // DMA isolation.
  r('IOMMU_SUPPORT', 'y', 'IOMMU available'),
  r('IOMMU_DEFAULT_DMA_STRICT', 'y', 'no stale IOMMU TLB entries for devices'),
  r('INTEL_IOMMU', 'y', 'Intel IOMMU'),
  r('INTEL_IOMMU_DEFAULT_ON', 'y', 'Intel IOMMU on by default'),
  r('AMD_IOMMU', 'y', 'AMD IOMMU'),
  // GCC plugins.
  r('GCC_PLUGIN_STACKLEAK', 'y', 'kernel stack erased on return to userspace'),
  r('GCC_PLUGIN_LATENT_ENTROPY', 'y', 'extra early boot entropy'),
  r('RANDSTRUCT_FULL', 'y', 'randomised structure layouts'),
];

/**
 * The recommendations as a fragment a kernel build merges (scripts/kconfig/merge_config.sh).
 * Conditional ones are comments: the fragment's own build has neither modules nor /dev/mem.
 */
export function ksppFragment(recommendations: readonly KsppRecommendation[] = KSPP_RECOMMENDATIONS): string {
  const lines = [
    '# Kernel Self Protection Project recommendations (x86_64, Linux 6.1).',
    '# Generated from libs/kernel/src/kspp.ts (`nx run kernel:fragment`); edit there, not here.',
    '',
  ];
  const conditional: string[] = [];
  for (const rec of recommendations) {
    const line = `${renderConfigLine(rec.option, rec.want)}`;
    if (rec.appliesIf) {
      conditional.push(`#   if ${renderConfigLine(rec.appliesIf.option, rec.appliesIf.value)}: ${line}`);
    } else {
      lines.push(line);
    }
  }
  if (conditional.length > 0) {
    lines.push('', '# Only for builds that keep the option they guard:', ...conditional);
  }
  return `${lines.join('\n')}\n`;
}
