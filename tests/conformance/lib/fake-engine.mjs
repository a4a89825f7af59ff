// A fake `pulumirpc.Engine` served with grpc-js from Pulumi's generated service definition. It records every
// Log call (severity, message, urn, streamId, ephemeral) so tests can assert what a user would see.
import { grpc, engineGrpc, enginePb, emptyPb } from './proto.mjs';

export const LogSeverity = enginePb.LogSeverity; // DEBUG=0 INFO=1 WARNING=2 ERROR=3
const severityName = Object.fromEntries(Object.entries(enginePb.LogSeverity).map(([k, v]) => [v, k]));

export class FakeEngine {
  /** @type {{severity: string, message: string, urn: string, streamId: number, ephemeral: boolean}[]} */
  logs = [];
  #server;
  address = '';

  static async start() {
    const engine = new FakeEngine();
    await engine.#listen();
    return engine;
  }

  async #listen() {
    const server = new grpc.Server();
    const unimplemented = (name) => (_call, callback) =>
      callback({ code: grpc.status.UNIMPLEMENTED, details: `fake engine: ${name} not implemented` });
    server.addService(engineGrpc.EngineService, {
      log: (call, callback) => {
        const r = call.request;
        this.logs.push({
          severity: severityName[r.getSeverity()] ?? String(r.getSeverity()),
          message: r.getMessage(),
          urn: r.getUrn(),
          streamId: r.getStreamid(),
          ephemeral: r.getEphemeral(),
        });
        callback(null, new emptyPb.Empty());
      },
      getRootResource: unimplemented('GetRootResource'),
      setRootResource: unimplemented('SetRootResource'),
      startDebugging: unimplemented('StartDebugging'),
      requirePulumiVersion: (_call, callback) => callback(null, new emptyPb.Empty()),
    });
    const port = await new Promise((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    this.#server = server;
    // Same format as the CLI's host server (pkg/host/host_server.go).
    this.address = `127.0.0.1:${port}`;
  }

  logsAtLeast(severity) {
    const min = enginePb.LogSeverity[severity];
    return this.logs.filter((l) => enginePb.LogSeverity[l.severity] >= min);
  }

  async stop() {
    if (!this.#server) return;
    const server = this.#server;
    this.#server = undefined;
    await new Promise((resolve) => server.tryShutdown(() => resolve()));
  }
}
