// Kernel facts machined and the image build share: command line defaults and checks, boot
// sysctls, and the KSPP build recommendations with a checker for a kernel config.
export * from './cmdline';
export * from './kernel-config';
export * from './kspp';
export * from './kspp-check';
export * from './sysctls';
