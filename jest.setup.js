// Node 20's X509Certificate.prototype.toLegacyObject (which util.inspect, and so a failing
// expect's message, calls) loads node:tls half-way when tls was never loaded before: every
// tls.createServer in the process fails afterwards ("tls.createSecureContext is not a function").
// A jest worker runs many spec files in one process, so tls is loaded first, for all of them.
require('node:tls');
