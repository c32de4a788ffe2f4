// Kernel interfaces Node lacks: libc system calls (koffi), rtnetlink, kernel uevents, the clock.
export { SyscallError, errnoName, errnoMessage, errnoValue } from './errno';
export * as syscalls from './syscalls';
export {
  NETLINK_ROUTE,
  NETLINK_KOBJECT_UEVENT,
  NetlinkSocket,
  type Datagram,
  type NetlinkSocketOptions,
} from './netlink/socket';
export * as netlinkMessage from './netlink/message';
export {
  RtNetlink,
  parseLink,
  parseAddress,
  parseRoute,
  IFF_UP,
  IFF_BROADCAST,
  IFF_LOOPBACK,
  IFF_POINTOPOINT,
  IFF_RUNNING,
  IFF_MULTICAST,
  RT_TABLE_MAIN,
  RT_TABLE_LOCAL,
  OPER_STATES,
  type OperState,
  type Link,
  type Address,
  type Route,
  type RouteSocketFactory,
} from './netlink/rtnetlink';
export { AF_UNSPEC, AF_INET, AF_INET6, formatIP, formatIPv4, formatIPv6, formatMAC, formatCIDR } from './ip';
export {
  UeventListener,
  parseUevent,
  UEVENT_KERNEL_GROUP,
  type Uevent,
  type UeventSource,
  type UeventListenerOptions,
} from './uevent';
export { stepClock, slewClock } from './clock';
// networkd's additions (helper netd): changing links/addresses/routes, address bytes, packet sockets.
export {
  RTPROT_BOOT,
  RTPROT_STATIC,
  RTPROT_DHCP,
  RT_SCOPE_UNIVERSE,
  RT_SCOPE_LINK,
  RT_SCOPE_HOST,
  type AddressSpec,
  type RouteSpec,
} from './netlink/rtnetlink';
export {
  parseIP,
  parseIPv4,
  parseIPv6,
  parseCIDR,
  netmaskToPrefix,
  ipv4Broadcast,
  ipv4Network,
  type CIDR,
} from './ip-bytes';
export { PacketSocket, AF_PACKET, ETH_P_IP, BROADCAST_MAC, type Packet } from './packet';
// machined as PID 1 (helper pid1): kernel modules.
export {
  loadModule,
  moduleLoadOrder,
  moduleName,
  parseModulesDep,
  MODULES_ROOT,
  type ModuleEntry,
  type LoadModuleOptions,
} from './modules';
// state (helper): the install disk's GPT and the block device requests partitioning needs.
export {
  blockDeviceSize,
  logicalSectorSize,
  rereadPartitions,
  registerPartitions,
  addMissingPartitions,
  partitionDevice,
  waitForPartitions,
} from './block-device';
export { LINUX_FILESYSTEM_TYPE, decodeGuid, encodeGuid, randomGuid } from './gpt/guid';
export type { GptPartition, GptTable } from './gpt/gpt-table';
export { planPartitions, type PartitionSpec } from './gpt/gpt-plan';
export { encodeGpt, type DiskWrite } from './gpt/gpt-encode';
export { readGpt } from './gpt/gpt-read';
export { writeGpt, type WriteGptOptions } from './gpt/gpt-write';
