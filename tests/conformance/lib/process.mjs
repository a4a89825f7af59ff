// Child-process plumbing shared by the provider and emulator launchers: read the first stdout line (the
// handshake), capture everything after it and all of stderr, and stop with SIGINT then a bounded wait.
import { spawn } from 'node:child_process';

// The two .NET 9 `dotnet run` progress escapes that the engine strips from the port line (and nothing else).
const PROGRESS_ESCAPES = ['\u001b]9;4;3;\u001b\\', '\u001b]9;4;0;\u001b\\'];

/** Resolves when `promise` settles, or rejects after `ms` with `message`. A deadline, never a sleep. */
export function withDeadline(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (deadline ${ms} ms)`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function pollUntil(fn, { timeoutMs = 5000, intervalMs = 20, message = 'condition' } = {}) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Engine rule (plugin.go): strip the progress escapes, trim whitespace, require a decimal port 1..65535. */
export function parsePortLine(line) {
  let s = line;
  for (const esc of PROGRESS_ESCAPES) s = s.split(esc).join('');
  s = s.trim();
  if (!/^\d+$/.test(s)) throw new Error(`first stdout line is not a port: ${JSON.stringify(line)}`);
  const port = Number(s);
  if (port < 1 || port > 65535) throw new Error(`port out of range: ${port}`);
  return port;
}

/** A launched child whose first stdout line is a handshake (port or URL). */
export class ManagedProcess {
  /** Everything written to stdout after the first line. */
  stdoutRest = '';
  stderr = '';
  firstLine = '';
  /** @type {Promise<{code: number|null, signal: string|null}>} */
  exited;
  exitStatus = undefined;
  child;
  name;

  static async start(name, command, args, { env = process.env, cwd, firstLineTimeoutMs = 60_000 } = {}) {
    const p = new ManagedProcess();
    p.name = name;
    p.command = command;
    p.args = args;
    p.child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    p.exited = new Promise((resolve) => {
      p.child.once('exit', (code, signal) => {
        p.exitStatus = { code, signal };
        resolve(p.exitStatus);
      });
    });
    live.add(p);
    p.exited.then(() => live.delete(p));

    let buffered = '';
    let gotLine = false;
    let resolveLine;
    let rejectLine;
    const line = new Promise((resolve, reject) => { resolveLine = resolve; rejectLine = reject; });
    p.child.stdout.setEncoding('utf8');
    p.child.stderr.setEncoding('utf8');
    p.child.stderr.on('data', (d) => { p.stderr += d; });
    p.child.stdout.on('data', (d) => {
      if (gotLine) { p.stdoutRest += d; return; }
      buffered += d;
      const nl = buffered.indexOf('\n');
      if (nl >= 0) {
        gotLine = true;
        p.firstLine = buffered.slice(0, nl);
        p.stdoutRest += buffered.slice(nl + 1);
        resolveLine(p.firstLine);
      }
    });
    p.child.once('error', (e) => rejectLine(e));
    p.exited.then((s) => rejectLine(new Error(
      `${name} exited (${JSON.stringify(s)}) before writing its first stdout line; stdout=${JSON.stringify(buffered)} stderr=${p.stderr.slice(-4000)}`)));
    try {
      await withDeadline(line, firstLineTimeoutMs, `${name} did not write its first stdout line`);
    } catch (e) {
      p.kill();
      throw e;
    }
    return p;
  }

  get running() { return this.exitStatus === undefined; }

  /** SIGINT (what the engine sends), then wait for exit up to `timeoutMs`. Returns the exit status, or undefined. */
  async interrupt(timeoutMs = 5000) {
    if (!this.running) return this.exitStatus;
    this.child.kill('SIGINT');
    try {
      return await withDeadline(this.exited, timeoutMs, `${this.name} did not exit after SIGINT`);
    } catch {
      return undefined;
    }
  }

  kill() {
    if (this.running) this.child.kill('SIGKILL');
  }

  /** Interrupt, then SIGKILL if it ignored SIGINT. Always leaves no child behind. */
  async stop(timeoutMs = 5000) {
    const status = await this.interrupt(timeoutMs);
    if (status === undefined) {
      this.kill();
      await withDeadline(this.exited, 5000, `${this.name} did not die after SIGKILL`).catch(() => {});
    }
    return status;
  }
}

const live = new Set();
/** Last-resort cleanup so an aborted test run never leaves children behind. */
process.on('exit', () => { for (const p of live) { try { p.child.kill('SIGKILL'); } catch { /* gone */ } } });
