import { decodePEM, encodePEM } from './pem';

describe('PEM helpers', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('round-trips PEM text through base64', () => {
    expect(encodePEM(pem)).toBe(Buffer.from(pem).toString('base64'));
    expect(decodePEM(encodePEM(pem))).toBe(pem);
  });

  it('refuses base64 that is not PEM', () => {
    expect(() => decodePEM(Buffer.from('hello').toString('base64'))).toThrow('not base64-encoded PEM');
  });
});
