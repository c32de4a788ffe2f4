import { IFF_LOOPBACK, IFF_UP, type Link } from '@talos/sys';
import { loopbackUp } from './loopback';

describe('loopbackUp', () => {
  it('sets down loopback links up and leaves every other link alone', async () => {
    const links = [
      { index: 1, name: 'lo', flags: IFF_LOOPBACK },
      { index: 2, name: 'eth0', flags: 0 },
      { index: 3, name: 'lo2', flags: IFF_LOOPBACK | IFF_UP },
    ] as Link[];
    const setLinkUp = jest.fn(async () => undefined);
    await expect(loopbackUp({ links: async () => links, setLinkUp })).resolves.toEqual(['lo']);
    expect(setLinkUp.mock.calls).toEqual([[1]]);
  });
});
