// securityapi.SecurityService: trustd signs a node's CSR with the OS CA when the caller shows the
// trustd token (machine.token). The token is a shared secret: compared in constant time, never logged.
import type * as grpc from '@grpc/grpc-js';
import { type SecurityServiceHandlers, services } from '@talos/api';
import { METADATA_TOKEN } from '@talos/constants';
import type { Logger } from '@talos/log';
import { certificateInfo, NODE_CERTIFICATE, type SigningCA, signCSR, tokensEqual } from '@talos/pki';
import { implement, RpcError, Status } from '@talos/rpc';

export interface SecurityServiceOptions {
  /** The OS CA, PEM, with its key. */
  ca: SigningCA;
  /** machine.token. */
  token: string;
  logger: Logger;
  /** Lifetime of the certificates signed for callers. */
  validityHours?: number;
}

function presentedToken(metadata: grpc.Metadata): string | undefined {
  const value = metadata.get(METADATA_TOKEN)[0];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** Certificate is served; ReadFile and WriteFile answer UNIMPLEMENTED for now. */
export function securityServiceHandlers(opts: SecurityServiceOptions): SecurityServiceHandlers {
  const validityHours = opts.validityHours ?? NODE_CERTIFICATE.validityHours;
  const caCrt = Buffer.from(opts.ca.crt, 'utf8');
  const log = opts.logger.child({ service: 'securityapi.SecurityService' });

  return implement<SecurityServiceHandlers>(services.securityapi.SecurityService, {
    Certificate(call, callback) {
      const peer = call.getPeer();
      const token = presentedToken(call.metadata);
      if (token === undefined || !tokensEqual(token, opts.token)) {
        log.warn({ peer, tokenPresent: token !== undefined }, 'refused certificate request: invalid token');
        callback(new RpcError(Status.UNAUTHENTICATED, 'invalid token').toServiceError());
        return;
      }
      let crt: string;
      try {
        // trustd signs only node (apid) certificates: never a role a CSR asks for.
        crt = signCSR(opts.ca, Buffer.from(call.request.csr ?? []).toString('utf8'), {
          ...NODE_CERTIFICATE,
          validityHours,
        });
      } catch (err) {
        const message = (err as Error).message;
        log.warn({ peer, err: message }, 'refused certificate request: bad csr');
        callback(new RpcError(Status.INVALID_ARGUMENT, message).toServiceError());
        return;
      }
      const info = certificateInfo(crt);
      log.info(
        {
          peer,
          commonName: info.subject.commonName,
          ipAddresses: info.ipAddresses,
          dnsNames: info.dnsNames,
          notAfter: info.notAfter.toISOString(),
          fingerprint: info.fingerprintSha256,
        },
        'signed certificate',
      );
      callback(null, { ca: caCrt, crt: Buffer.from(crt, 'utf8') });
    },
  });
}
