// Configuring a node's network: the plan (config, `ip=`, ignored interfaces), the configurator
// that applies it (links, addresses, routes, DHCP leases kept, hostname, hosts and resolv.conf).
// networkd runs it on a configured node; machined runs it before there is a config (the
// discovery network that fetches `talos.config=` and serves maintenance mode).
export {
  NetworkConfigurator,
  learnedNtpServers,
  type ConfiguratorOptions,
  type NetlinkWriter,
  type NetworkStatus,
} from './configurator';
export { configureNodeNetwork, type NodeNetwork, type NodeNetworkOptions } from './node-network';
export { planNetwork, type LinkPlan, type NetworkPlan, type PlanInput } from './plan';
export { defaultHostname, renderHosts, renderResolvConf, type HostsInput } from './etc-files';
export { parseIpArg, type IpArg, type IpAutoconf } from './ip-arg';
export { DhcpClient, DhcpNakError, DhcpTimeoutError } from './dhcp/client';
export type { Lease } from './dhcp/lease';
