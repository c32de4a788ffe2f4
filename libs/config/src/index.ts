// v1alpha1 machine configuration: types, parsing with path-named errors, generation, PEM helpers.
// One module per section (machine.ts, cluster.ts, ...): a new section is a new module plus a line
// in machine-config.ts.
export { ConfigError } from './validation';
export {
  CONFIG_VERSION,
  validateConfig,
  parseConfig,
  serializeConfig,
  loadConfig,
  osCA,
  kubernetesCA,
  configDocument,
  originalText,
  configJson,
  configTree,
  type MachineConfig,
} from './machine-config';
export { CONFIG_MODES, type ConfigMode, type ValidateOptions } from './modes';
export {
  clusterNetwork,
  installConfig,
  timeServers,
  localAPIServerPort,
  type EffectiveClusterNetwork,
  type EffectiveInstall,
} from './defaults';
export type {
  NetworkInterfaceConfig,
  RouteConfig,
  VlanConfig,
  BondConfig,
  ExtraHostEntry,
} from './machine-network';
export type { InstallConfig, MachineDisk, DiskPartition } from './machine-install';
export type { KubeletConfig, KubeletMount } from './machine-kubelet';
export type { MachineFile } from './machine-files';
export type { RegistriesConfig, RegistryMirror, RegistryConfig } from './machine-registries';
export type { ClusterNetworkConfig, CNIConfig } from './cluster-network';
export type {
  ComponentConfig,
  APIServerConfig,
  ProxyConfig,
  EtcdConfig,
  VolumeMount,
  AdminKubeconfigConfig,
} from './cluster-components';
export {
  MACHINE_TYPES,
  isControlPlane,
  type MachineType,
  type MachineSection,
  type MachineNetworkConfig,
  type MachineTimeConfig,
} from './machine';
export { endpointProblem, type ClusterSection, type ControlPlaneConfig } from './cluster';
export {
  encodePEM,
  decodePEM,
  encodeCertificateAndKey,
  decodeCertificateAndKey,
  type EncodedCertificateAndKey,
  type PemCertificateAndKey,
} from './pem';
export {
  generateSecrets,
  OS_CA_ORGANIZATION,
  KUBERNETES_CA_ORGANIZATION,
  ETCD_CA_ORGANIZATION,
  AGGREGATOR_CA_COMMON_NAME,
  AESCBC_SECRET_BYTES,
  type SecretsBundle,
} from './secrets';
export {
  generateConfigs,
  checkGenerateOptions,
  ADMIN_ORGANIZATION,
  DEFAULT_TALOSCONFIG_ENDPOINTS,
  KUBERNETES_IMAGES,
  type GenerateOptions,
  type GeneratedConfigs,
} from './generate';
export type { Talosconfig, TalosconfigContext } from './talosconfig';
