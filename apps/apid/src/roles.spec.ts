// The role table against the real API: every listed path exists, and the ordering holds.
import { allMethods } from '@talos/api';
import { METHOD_ROLES, requiredRole, roleAllows, strongestRole } from '@talos/constants';

describe('method roles', () => {
  it('lists only methods that exist (health and reflection aside)', () => {
    const known = new Set(allMethods().map((m) => m.path));
    const unknown = Object.keys(METHOD_ROLES).filter(
      (p) => !known.has(p) && !p.startsWith('/grpc.health.') && !p.startsWith('/grpc.reflection.'),
    );
    expect(unknown).toEqual([]);
  });

  it('needs reader for reads, operator for reboots, admin for the rest and for unknown methods', () => {
    expect(requiredRole('/machine.MachineService/Version')).toBe('os:reader');
    expect(requiredRole('/machine.MachineService/Logs')).toBe('os:reader');
    expect(requiredRole('/machine.MachineService/Reboot')).toBe('os:operator');
    for (const m of ['Reset', 'Upgrade', 'Bootstrap', 'Read', 'Copy', 'Kubeconfig', 'ApplyConfiguration']) {
      expect(requiredRole(`/machine.MachineService/${m}`)).toBe('os:admin');
    }
    expect(requiredRole('/securityapi.SecurityService/Certificate')).toBe('os:admin');
    expect(requiredRole('/nope.Nope/Nope')).toBe('os:admin');
  });

  it('orders admin over operator over reader, and picks the strongest role of a certificate', () => {
    expect(roleAllows('os:admin', 'os:operator')).toBe(true);
    expect(roleAllows('os:operator', 'os:reader')).toBe(true);
    expect(roleAllows('os:reader', 'os:operator')).toBe(false);
    expect(roleAllows('os:operator', 'os:admin')).toBe(false);
    expect(strongestRole(['talos', 'os:reader', 'os:operator'])).toBe('os:operator');
    expect(strongestRole(['os:impersonator', 'talos'])).toBeUndefined();
  });
});
