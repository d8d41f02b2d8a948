// Preloaded into the language server by test/server/sandbox.test.ts: every way to open a network
// connection or start a process reports itself on stderr (and fails), so the test can prove that
// the server does neither.
'use strict';
const MARK = 'PLANDOCS-SANDBOX-VIOLATION';
function trap(mod, name) {
  const m = require(mod);
  const orig = m[name];
  if (typeof orig !== 'function') return;
  m[name] = function trapped() {
    process.stderr.write(`${MARK} ${mod}.${name}\n`);
    throw new Error(`${mod}.${name} is not allowed in the language server`);
  };
  void orig;
}
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap('child_process', n);
for (const n of ['connect', 'createConnection', 'createServer']) trap('net', n);
for (const n of ['connect', 'createServer']) trap('tls', n);
for (const n of ['request', 'get', 'createServer']) { trap('http', n); trap('https', n); }
trap('dgram', 'createSocket');
for (const n of ['lookup', 'resolve']) trap('dns', n);
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function trapped() {
  process.stderr.write(`${MARK} net.Socket.connect\n`);
  return connect.apply(this, arguments);
};
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = () => { process.stderr.write(`${MARK} fetch\n`); return Promise.reject(new Error('fetch is not allowed')); };
}
