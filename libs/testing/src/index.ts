// Shared test support: temporary folders, test certificates, a real echo gRPC server.
export { makeTmpDir, type TmpDir } from './tmp-dir';
export { createTestPKI, type TestPKI } from './test-pki';
export {
  EchoServer,
  echoClient,
  echoPackage,
  echoUnary,
  collect,
  ECHO_PROTO,
  ECHO_HEADER,
  ECHO_TRAILER,
  type EchoClient,
  type EchoReply,
  type EchoRequest,
} from './echo-server';
export {
  bundleDaemon,
  bundleEntry,
  startDaemon,
  waitFor,
  type DaemonBundle,
  type DaemonProcess,
} from './daemon-process';
export { CHRONYD, freeUdpPort, startChronyd, type Chronyd } from './chronyd';
export { healthStatus } from './health';
export { NASTY_CONFIG_VALUES, UNKNOWN_CONFIG_KEYS, YAML_TEXT_INSERTS } from './config-fuzz';
