// Building and describing one talosconfig context: `talosctl config add` (credentials from PEM files)
// and `talosctl config info` (what the context's client certificate says about the operator).
import { certificateInfo, keyMatchesCertificate } from '@talos/pki';
import { type ClientConfig, ClientConfigError, type ClientContext, selectContext } from './talosconfig';

/** PEM credentials, as read from the files `config add --ca --crt --key` names. */
export interface ContextCredentialsPem {
  ca: string;
  crt: string;
  key: string;
}

const toBase64 = (pem: string): string => Buffer.from(pem, 'utf8').toString('base64');
const fromBase64 = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

function certificateProblem(pem: string): string | undefined {
  try {
    certificateInfo(pem);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Adds (or replaces) context `name` holding the credentials and makes it current, as Talos's
 * `config add` does; endpoints and nodes of a replaced context are kept. Refuses credentials that
 * cannot work: a CA or client certificate that does not parse, or a key that is not the
 * certificate's.
 */
export function addContext(config: ClientConfig, name: string, pem: ContextCredentialsPem): void {
  if (name.trim() === '') throw new ClientConfigError('error adding context: the name must not be empty');
  const problems: string[] = [];
  const caProblem = certificateProblem(pem.ca);
  if (caProblem) problems.push(`ca: ${caProblem}`);
  const crtProblem = certificateProblem(pem.crt);
  if (crtProblem) problems.push(`crt: ${crtProblem}`);
  else if (!keyMatchesCertificate(pem.key, pem.crt))
    problems.push('key: is not the private key of the certificate in crt');
  if (problems.length > 0)
    throw new ClientConfigError(`error adding context "${name}": ${problems.join('; ')}`);
  const previous = config.contexts[name];
  const context: ClientContext = {
    endpoints: previous?.endpoints ?? [],
    ...(previous?.nodes ? { nodes: previous.nodes } : {}),
    ca: toBase64(pem.ca),
    crt: toBase64(pem.crt),
    key: toBase64(pem.key),
  };
  config.contexts[name] = context;
  config.context = name;
}

export interface ContextInfo {
  name: string;
  endpoints: string[];
  nodes: string[];
  /** The client certificate, when the context has one. */
  certificate?: {
    commonName: string;
    /** The certificate's Organization: the operator's roles (os:admin, os:operator, os:reader). */
    roles: string[];
    notBefore: Date;
    notAfter: Date;
  };
}

/** The selected context (`name`, else the current one) and its client certificate's subject and validity. */
export function contextInfo(config: ClientConfig, name?: string): ContextInfo {
  const selected = selectContext(config, name);
  const { context } = selected;
  const info: ContextInfo = {
    name: selected.name,
    endpoints: [...context.endpoints],
    nodes: [...(context.nodes ?? [])],
  };
  if (context.crt) {
    let cert;
    try {
      cert = certificateInfo(fromBase64(context.crt));
    } catch (err) {
      throw new ClientConfigError(
        `error reading the client certificate of context "${selected.name}": ${(err as Error).message}`,
      );
    }
    info.certificate = {
      commonName: cert.subject.commonName,
      roles: cert.subject.organization,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    };
  }
  return info;
}
