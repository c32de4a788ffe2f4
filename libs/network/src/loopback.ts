// The loopback link, up before anything else of the network. The kernel leaves it down, and local
// TLS (trustd's port, which apid and machined's health check reach on 127.0.0.1) fails with
// ENETUNREACH until someone sets it up. On a first boot the discovery network does; on a later one
// the config comes from STATE, there is no discovery network, and networkd starts only after
// apid's path, so machined sets it up at boot.
import { IFF_LOOPBACK, IFF_UP, RtNetlink } from '@talos/sys';

/** Sets every loopback link up that is not; returns their names. */
export async function loopbackUp(
  netlink: Pick<RtNetlink, 'links' | 'setLinkUp'> = new RtNetlink(),
): Promise<string[]> {
  const raised: string[] = [];
  for (const link of await netlink.links()) {
    if (!(link.flags & IFF_LOOPBACK) || link.flags & IFF_UP) continue;
    await netlink.setLinkUp(link.index);
    raised.push(link.name);
  }
  return raised;
}
