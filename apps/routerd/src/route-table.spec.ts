import { NodePaths } from '@talos/constants';
import { Status } from '@talos/rpc';
import { RouteTable } from './route-table';

describe('RouteTable', () => {
  it('starts with the Talos routes under the node root', () => {
    const table = RouteTable.withDefaults(new NodePaths('/n1'));
    expect(table.lookup('machine.MachineService')).toBe('/n1/system/run/machined/machine.sock');
    expect(table.lookup('resource.ResourceService')).toBe('/n1/system/run/machined/machine.sock');
    expect(table.lookup('time.TimeService')).toBe('/n1/system/run/timed/timed.sock');
    expect(table.lookup('network.NetworkService')).toBe('/n1/system/run/networkd/networkd.sock');
    expect(table.lookup('securityapi.SecurityService')).toBeUndefined();
    expect(table.list().every((r) => r.isDefault)).toBe(true);
  });

  it('replaces a route and restores the default when the replacement is removed', () => {
    const table = new RouteTable({ 'time.TimeService': '/a.sock' });
    expect(table.register('time.TimeService', '/b.sock')).toBe('/a.sock');
    expect(table.lookup('time.TimeService')).toBe('/b.sock');
    expect(table.list()).toEqual([{ service: 'time.TimeService', socket: '/b.sock', isDefault: false }]);
    expect(table.remove('time.TimeService')).toEqual({ removed: true, socket: '/b.sock' });
    expect(table.lookup('time.TimeService')).toBe('/a.sock');
    expect(table.remove('time.TimeService')).toEqual({ removed: false });
    expect(table.lookup('time.TimeService')).toBe('/a.sock');
  });

  it('adds and removes services that have no default', () => {
    const table = new RouteTable({});
    expect(table.register('demo.Demo', '/d.sock')).toBeUndefined();
    expect(table.lookup('demo.Demo')).toBe('/d.sock');
    table.remove('demo.Demo');
    expect(table.lookup('demo.Demo')).toBeUndefined();
    expect(table.sockets().size).toBe(0);
  });

  it('refuses bad names, relative sockets and its own services', () => {
    const table = new RouteTable({});
    expect(() => table.register('NoPackage', '/x.sock')).toThrow(
      expect.objectContaining({ code: Status.INVALID_ARGUMENT }),
    );
    expect(() => table.register('a.B/C', '/x.sock')).toThrow(/invalid service name/);
    expect(() => table.register('a.B', 'x.sock')).toThrow(/absolute path/);
    expect(() => table.register('routerd.RouterService', '/x.sock')).toThrow(
      expect.objectContaining({ code: Status.PERMISSION_DENIED }),
    );
    expect(() => table.register('grpc.health.v1.Health', '/x.sock')).toThrow(/routerd's own/);
  });
});
