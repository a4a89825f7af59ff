// Launches the provider binary exactly as the engine does (argv ends with the engine address; port = first
// stdout line; insecure h2c dial to 127.0.0.1:<port>) and wraps Pulumi's generated ResourceProviderClient.
import path from 'node:path';
import { grpc, providerGrpc, providerPb, emptyPb, statusPb, errorsPb } from './proto.mjs';
import { ManagedProcess, parsePortLine, withDeadline } from './process.mjs';
import { providerBin } from './paths.mjs';
import { fromStruct } from './struct.mjs';

// 400 MiB, the engine's limit (rpcutil/serve.go).
const MAX_MESSAGE = 400 * 1024 * 1024;

/** A gRPC error with its code name and decoded pulumirpc error details (ErrorResourceInitFailed). */
export function describeGrpcError(err) {
  const codeName = Object.entries(grpc.status).find(([, v]) => v === err.code)?.[0] ?? String(err.code);
  const out = { code: err.code, codeName, details: err.details ?? err.message, initFailed: undefined };
  const bin = err.metadata?.get?.('grpc-status-details-bin')?.[0];
  if (bin) {
    const st = statusPb.Status.deserializeBinary(new Uint8Array(bin));
    for (const any of st.getDetailsList()) {
      if (any.getTypeUrl().endsWith('pulumirpc.ErrorResourceInitFailed')) {
        const f = providerPb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        out.initFailed = { id: f.getId(), properties: fromStruct(f.getProperties()), reasons: f.getReasonsList(),
          inputs: fromStruct(f.getInputs()) };
      }
    }
  }
  return out;
}

export class ProviderProcess {
  /** @type {ManagedProcess} */
  proc;
  client;
  port = 0;
  /** Every RPC made, in order: { method, ok, code? }. */
  calls = [];
  args = [];

  /**
   * @param {object} o
   * @param {string} o.engineAddress
   * @param {string[]} [o.flags] logflow flags placed BEFORE the engine address (e.g. ['--logtostderr', '-v=9'])
   * @param {Record<string,string>} [o.env]
   */
  static async launch({ engineAddress, flags = [], env = {}, bin = providerBin, cwd } = {}) {
    const p = new ProviderProcess();
    p.args = [...flags, engineAddress];
    p.bin = bin;
    // Hermetic: the runner's own BUILDKITE_* variables never leak into the provider; `env` adds (or, with
    // undefined, removes) variables.
    const merged = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BUILDKITE_')));
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    p.proc = await ManagedProcess.start('provider', bin, p.args, { env: merged, cwd });
    p.port = parsePortLine(p.proc.firstLine);
    p.client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${p.port}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE,
      'grpc.max_send_message_length': MAX_MESSAGE,
    });
    return p;
  }

  get stdoutAfterPort() { return this.proc.stdoutRest; }
  get stderr() { return this.proc.stderr; }
  get pluginDir() { return path.dirname(this.bin); }

  /** Unary call by generated method name (e.g. 'check'); resolves with the response message. */
  call(method, request, { deadlineMs } = {}) {
    const options = deadlineMs ? { deadline: Date.now() + deadlineMs } : {};
    return new Promise((resolve, reject) => {
      this.client[method](request, new grpc.Metadata(), options, (err, res) => {
        this.calls.push({ method, ok: !err, code: err?.code });
        if (err) {
          err.describe = describeGrpcError(err);
          err.describe.method = method;
          err.message = `${method}: ${err.message}`;
          reject(err);
        } else resolve(res);
      });
    });
  }

  /** Server-streaming List; resolves with every ListResponse message. */
  list(request) {
    return new Promise((resolve, reject) => {
      const items = [];
      const stream = this.client.list(request);
      stream.on('data', (m) => items.push(m));
      stream.on('error', (err) => { this.calls.push({ method: 'list', ok: false, code: err.code }); err.describe = describeGrpcError(err); reject(err); });
      stream.on('end', () => { this.calls.push({ method: 'list', ok: true }); resolve(items); });
    });
  }

  /**
   * End of a CLI command, as the engine does it: Cancel (5 s), close the connection, SIGINT, and wait (bounded)
   * for the process to exit. Returns what happened so tests can assert on it.
   */
  async shutdown({ exitDeadlineMs = 5000 } = {}) {
    let cancel = { ok: true, code: undefined };
    if (this.proc.running) {
      try {
        await this.call('cancel', new emptyPb.Empty(), { deadlineMs: 5000 });
      } catch (e) {
        cancel = { ok: e.code === grpc.status.UNIMPLEMENTED, code: e.code, describe: e.describe };
      }
    }
    this.client?.close();
    const t0 = Date.now();
    const status = await this.proc.interrupt(exitDeadlineMs);
    const exitedPromptly = status !== undefined;
    if (!exitedPromptly) {
      this.proc.kill();
      await withDeadline(this.proc.exited, 5000, 'provider did not die after SIGKILL').catch(() => {});
    }
    return { cancel, exitedPromptly, exitStatus: status ?? this.proc.exitStatus, waitedMs: Date.now() - t0 };
  }

  /** Hard stop for `after` hooks. */
  async kill() {
    this.client?.close();
    await this.proc.stop(2000);
  }
}

export { providerPb, emptyPb, errorsPb };
