// Talos v0.9 defaults, applied when a field is read rather than written into the document, so a
// parsed config serializes back to what its author wrote.
import {
  DEFAULT_CNI,
  DEFAULT_DNS_DOMAIN,
  DEFAULT_INSTALL_DISK,
  DEFAULT_INSTALLER_IMAGE,
  DEFAULT_NTP_SERVER,
  DEFAULT_POD_SUBNET,
  DEFAULT_SERVICE_SUBNET,
  KUBERNETES_API_PORT,
} from '@talos/constants';
import type { CNIConfig } from './cluster-network';
import type { MachineConfig } from './machine-config';

export interface EffectiveClusterNetwork {
  cni: CNIConfig;
  dnsDomain: string;
  podSubnets: string[];
  serviceSubnets: string[];
}

export interface EffectiveInstall {
  disk: string;
  image: string;
  extraKernelArgs: string[];
  bootloader: boolean;
  wipe: boolean;
  force: boolean;
}

export function clusterNetwork(cfg: MachineConfig): EffectiveClusterNetwork {
  const net = cfg.cluster.network ?? {};
  return {
    cni: net.cni ?? { name: DEFAULT_CNI as CNIConfig['name'] },
    dnsDomain: net.dnsDomain ?? DEFAULT_DNS_DOMAIN,
    podSubnets: net.podSubnets ?? [DEFAULT_POD_SUBNET],
    serviceSubnets: net.serviceSubnets ?? [DEFAULT_SERVICE_SUBNET],
  };
}

export function installConfig(cfg: MachineConfig): EffectiveInstall {
  const install = cfg.machine.install ?? {};
  return {
    disk: install.disk ?? DEFAULT_INSTALL_DISK,
    image: install.image ?? DEFAULT_INSTALLER_IMAGE,
    extraKernelArgs: install.extraKernelArgs ?? [],
    bootloader: install.bootloader ?? true,
    wipe: install.wipe ?? false,
    force: install.force ?? false,
  };
}

export function timeServers(cfg: MachineConfig): string[] {
  return cfg.machine.time?.servers ?? [DEFAULT_NTP_SERVER];
}

/** The port the API server listens on: localAPIServerPort, else the endpoint's port, else 6443. */
export function localAPIServerPort(cfg: MachineConfig): number {
  const cp = cfg.cluster.controlPlane;
  if (cp.localAPIServerPort !== undefined) return cp.localAPIServerPort;
  const port = new URL(cp.endpoint).port;
  return port === '' ? KUBERNETES_API_PORT : Number(port);
}
