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
