// A miniature Pulumi engine: keeps a stack's state and replays, for each CLI command, the call sequence the real
// engine makes (pulumi-protocol.md §1 "Call order by CLI command"), launching a fresh provider process per command
// exactly like the CLI does. It also owns the fake engine and the emulator for one test file.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeEngine } from './fake-engine.mjs';
import { Emulator } from './emulator.mjs';
import { Session } from './session.mjs';
import { repoRoot } from './paths.mjs';
import { secret, isSecret, unwrapSecrets, containsString } from './struct.mjs';

export const PKG = 'buildkite-portals';
export const PORTAL_TYPE = 'buildkite-portals:index:Portal';
export const PROVIDER_TYPE = 'pulumi:providers:buildkite-portals';
export const VERSION = readFileSync(path.join(repoRoot, 'VERSION'), 'utf8').trim();
export const STACK = 'conformance';
export const PROJECT = 'portals';
export const DEFAULT_PROVIDER_NAME = `default_${VERSION.replace(/[.+-]/g, '_')}`;

export const urnOf = (type, name) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
export const portalUrn = (name) => urnOf(PORTAL_TYPE, name);
export const PROVIDER_URN = urnOf(PROVIDER_TYPE, DEFAULT_PROVIDER_NAME);

/** A replace is signalled by `replaces` or any *_REPLACE detailed-diff kind (step_generator.go). */
export function diffWantsReplace(d) {
  return d.replaces.length > 0 || (d.hasDetailedDiff && Object.values(d.detailedDiff).some((p) => p.kind.endsWith('_REPLACE')));
}

/** The engine's own diff of old vs new inputs, used when the provider answers DIFF_UNKNOWN. */
function engineInputDiff(olds, news) {
  const a = unwrapSecrets(olds ?? {});
  const b = unwrapSecrets(news ?? {});
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export class Workspace {
  /** @type {FakeEngine} */ engine;
  /** @type {Emulator} */ emulator;
  apiToken = '';
  org = '';
  /** Stack config for `buildkite-portals:` (values may be secret objects); `version` is added by the SDK/engine. */
  config = {};
  /** State: the default provider's checked config and every resource by URN, in registration order. */
  state = { provider: undefined, resources: new Map() };
  /** Every provider process launched (for stdout/stderr leak checks). */
  processes = [];
  /** Every portal token ever seen in a provider response. */
  seenTokens = new Set();
  /** Shutdown outcomes per command, in order. */
  shutdowns = [];

  static async start({ org = 'conformance-org', config = {} } = {}) {
    const ws = new Workspace();
    ws.apiToken = `bkua_conformance_${randomBytes(12).toString('hex')}`;
    ws.org = org;
    ws.engine = await FakeEngine.start();
    try {
      ws.emulator = await Emulator.start({ token: ws.apiToken, org });
    } catch (e) {
      await ws.engine.stop();
      throw e;
    }
    ws.config = {
      apiToken: secret(ws.apiToken),
      organization: org,
      apiUrl: ws.emulator.baseUrl,
      ...config,
    };
    return ws;
  }

  /** The provider inputs as the engine sends them to CheckConfig: `version` included, values as strings. */
  programConfig() {
    return { ...this.config, version: VERSION };
  }

  /** Launches a provider for one command: Handshake → GetPluginInfo, then `fn`, then Cancel + SIGINT. */
  async command(name, fn, { flags = [], env = {} } = {}) {
    const t0 = Date.now();
    const s = await Session.launch({ engineAddress: this.engine.address, flags, env });
    this.processes.push({ command: name, provider: s.provider });
    let result;
    let failure;
    try {
      s.handshakeResult = await s.handshake();
      s.pluginInfo = await s.getPluginInfo();
      result = await fn(s);
    } catch (e) {
      failure = e;
    }
    const shutdown = await s.shutdown();
    this.shutdowns.push({ command: name, ...shutdown, durationMs: Date.now() - t0 });
    if (failure) throw failure;
    return { ...result, shutdown, calls: s.provider.calls.map((c) => c.method) };
  }

  /** Program-driven provider set-up (preview, up, import): CheckConfig → DiffConfig (if in state) → Configure. */
  async configureFromProgram(s) {
    const news = this.programConfig();
    const prior = this.state.provider;
    const checked = await s.checkConfig({ urn: PROVIDER_URN, name: DEFAULT_PROVIDER_NAME, type: PROVIDER_TYPE, olds: prior?.inputs ?? {}, news });
    if (checked.failures.length) {
      const err = new Error(`CheckConfig failed: ${JSON.stringify(checked.failures)}`);
      err.checkFailures = checked.failures;
      throw err;
    }
    // The engine re-applies secretness from the config (annotateSecrets) and re-adds `version` if dropped.
    const inputs = { ...checked.inputs };
    for (const [k, v] of Object.entries(news)) {
      if (isSecret(v) && k in inputs && !isSecret(inputs[k])) inputs[k] = secret(inputs[k]);
    }
    if (!('version' in inputs)) inputs.version = VERSION;
    s.checkConfigResult = checked;
    if (prior) {
      try {
        s.diffConfigResult = await s.diffConfig({ urn: PROVIDER_URN, name: DEFAULT_PROVIDER_NAME, type: PROVIDER_TYPE, olds: prior.inputs, oldInputs: prior.inputs, news: inputs });
      } catch (e) {
        if (e.code !== 12 /* UNIMPLEMENTED */) throw e;
      }
    }
    s.configureResult = await this.#configure(s, inputs);
    return inputs;
  }

  /** State-driven provider set-up (refresh, destroy): Configure(args = state inputs) only. */
  async configureFromState(s) {
    if (!this.state.provider) throw new Error('no provider in state');
    s.configureResult = await this.#configure(s, this.state.provider.inputs);
  }

  async #configure(s, inputs) {
    if (!this.state.provider) this.providerId = this.providerId ?? randomUUID();
    return s.configure({ pkg: PKG, args: inputs, urn: PROVIDER_URN, name: DEFAULT_PROVIDER_NAME, type: PROVIDER_TYPE, id: this.providerId });
  }

  #remember(outputs) {
    const t = outputs?.token;
    if (t !== undefined && t !== null) this.seenTokens.add(String(unwrapSecrets(t)));
  }

  /**
   * One resource's steps during preview/up (step_generator.go + step_executor.go).
   * @param {Session} s
   * @param {{name: string, inputs: object, ignoreChanges?: string[], import?: string, replace?: boolean}} res
   */
  async #stepFor(s, res, preview) {
    const urn = portalUrn(res.name);
    const common = { urn, name: res.name, type: PORTAL_TYPE };
    const old = this.state.resources.get(urn);
    const step = { urn, name: res.name, op: 'same' };
    try {
      if (!old && res.import) {
        // `import:` resource option: Read(id only) → Check(olds = read inputs, news = program) → Diff.
        const read = await s.read({ ...common, id: res.import });
        step.read = read;
        if (read.properties === undefined) throw new Error(`resource '${res.import}' does not exist`);
        if (read.inputs === undefined) throw new Error(`provider does not support importing resources; please try updating the '${PKG}' plugin`);
        const id = read.id || res.import;
        const checked = await s.check({ ...common, olds: read.inputs, news: res.inputs });
        step.check = checked;
        if (checked.failures.length) { step.op = 'import-failed'; step.failures = checked.failures; return step; }
        const diff = await s.diff({ ...common, id, olds: read.properties, oldInputs: read.inputs, news: checked.inputs, ignoreChanges: res.ignoreChanges });
        step.diff = diff;
        if (diffWantsReplace(diff)) throw new Error('previously-imported resources that still specify an ID may not be replaced');
        step.op = diff.changes === 'DIFF_NONE' ? 'import' : 'import-then-update';
        if (!preview) {
          let outputs = read.properties;
          if (step.op === 'import-then-update') {
            const up = await s.update({ ...common, id, olds: read.properties, oldInputs: read.inputs, news: checked.inputs, ignoreChanges: res.ignoreChanges });
            outputs = up.properties;
          }
          this.state.resources.set(urn, { urn, name: res.name, id, inputs: checked.inputs, outputs, protect: false });
        }
        return step;
      }

      const checked = await s.check({ ...common, olds: old ? old.inputs : {}, news: res.inputs });
      step.check = checked;
      if (checked.failures.length) { step.op = 'check-failed'; step.failures = checked.failures; return step; }

      if (!old) {
        step.op = 'create';
        let created;
        try {
          created = await s.create({ ...common, properties: checked.inputs, preview });
        } catch (e) {
          // ErrorResourceInitFailed: the engine records a "partial failure" and keeps the resource in state with
          // the given id and outputs plus its init errors, so the next `up` updates it (parseError in the engine).
          const f = e.describe?.initFailed;
          if (!preview && f?.id) {
            this.#remember(f.properties);
            this.state.resources.set(urn, { urn, name: res.name, id: f.id, inputs: checked.inputs, outputs: f.properties ?? {}, protect: false, initErrors: f.reasons });
          }
          throw e;
        }
        step.create = created;
        if (!preview) {
          if (!created.id) throw new Error('plugin returned empty resource.ID from create');
          this.#remember(created.properties);
          this.state.resources.set(urn, { urn, name: res.name, id: created.id, inputs: checked.inputs, outputs: created.properties, protect: false });
        }
        return step;
      }

      const diff = await s.diff({ ...common, id: old.id, olds: old.outputs, oldInputs: old.inputs, news: checked.inputs, ignoreChanges: res.ignoreChanges });
      step.diff = diff;
      let changed;
      if (diff.changes === 'DIFF_UNKNOWN') changed = engineInputDiff(old.inputs, checked.inputs).length > 0;
      else if (diff.changes === 'DIFF_NONE' || diff.changes === 'DIFF_SOME') changed = diff.changes === 'DIFF_SOME';
      else throw new Error(`unrecognized diff state: ${diff.changes}`);

      if (res.replace || (changed && diffWantsReplace(diff))) {
        step.op = 'replace';
        const rechecked = await s.check({ ...common, olds: {}, news: res.inputs });
        step.recheck = rechecked;
        const deleteFirst = diff.deleteBeforeReplace;
        if (!preview && deleteFirst) await s.delete({ ...common, id: old.id, properties: old.outputs, oldInputs: old.inputs });
        const created = await s.create({ ...common, properties: rechecked.inputs, preview });
        step.create = created;
        if (!preview) {
          if (!deleteFirst) await s.delete({ ...common, id: old.id, properties: old.outputs, oldInputs: old.inputs });
          this.#remember(created.properties);
          this.state.resources.set(urn, { urn, name: res.name, id: created.id, inputs: rechecked.inputs, outputs: created.properties, protect: false });
        }
        return step;
      }
      // A resource with init errors (partial failure) is always updated, whatever Diff says (step_generator.go).
      if (old.initErrors?.length && !changed) changed = true;
      if (!changed) {
        step.op = 'same';
        if (!preview) this.state.resources.set(urn, { ...old, inputs: checked.inputs });
        return step;
      }
      step.op = 'update';
      const updated = await s.update({ ...common, id: old.id, olds: old.outputs, oldInputs: old.inputs, news: checked.inputs, preview, ignoreChanges: res.ignoreChanges });
      step.update = updated;
      if (!preview) {
        this.#remember(updated.properties);
        this.state.resources.set(urn, { ...old, inputs: checked.inputs, outputs: updated.properties, initErrors: undefined });
      }
      return step;
    } catch (e) {
      step.op = step.op === 'same' ? 'error' : `${step.op}-error`;
      step.error = e.describe ?? { details: e.message };
      return step;
    }
  }

  async #deployment(command, program, preview, opts) {
    return this.command(command, async (s) => {
      const providerInputs = await this.configureFromProgram(s);
      // Resources are registered together and their steps run concurrently, as the step executor does.
      const steps = await Promise.all(program.map((r) => this.#stepFor(s, r, preview)));
      const wanted = new Set(program.map((r) => portalUrn(r.name)));
      const removed = [...this.state.resources.values()].filter((r) => !wanted.has(r.urn)).reverse();
      const failed = steps.some((st) => st.error || st.failures);
      for (const r of removed) {
        const step = { urn: r.urn, name: r.name, op: 'delete' };
        steps.push(step);
        if (preview || failed) continue;
        try {
          if (r.protect) throw new Error(`resource ${r.urn} is protected`);
          await s.delete({ urn: r.urn, name: r.name, type: PORTAL_TYPE, id: r.id, properties: r.outputs, oldInputs: r.inputs });
          this.state.resources.delete(r.urn);
        } catch (e) {
          step.op = 'delete-error';
          step.error = e.describe ?? { details: e.message };
        }
      }
      if (!preview && !failed) this.state.provider = { inputs: providerInputs };
      return { steps, ok: steps.every((st) => !st.error && !st.failures) };
    }, opts);
  }

  /** `pulumi preview` with `program` = [{ name, inputs, ignoreChanges?, import? }]. */
  preview(program, opts) { return this.#deployment('preview', program, true, opts); }

  /** `pulumi up`. */
  up(program, opts) { return this.#deployment('up', program, false, opts); }

  /** `pulumi refresh`: Read each resource (with state), drop those whose Read returns an empty id, Diff for display. */
  async refresh(opts) {
    return this.command('refresh', async (s) => {
      await this.configureFromState(s);
      const steps = [];
      for (const r of [...this.state.resources.values()]) {
        const common = { urn: r.urn, name: r.name, type: PORTAL_TYPE };
        const step = { urn: r.urn, name: r.name, op: 'refresh' };
        steps.push(step);
        try {
          const read = await s.read({ ...common, id: r.id, properties: r.outputs, inputs: r.inputs });
          step.read = read;
          if (!read.id) {
            step.op = 'deleted';
            this.state.resources.delete(r.urn);
            continue;
          }
          const next = { ...r, id: read.id, outputs: read.properties ?? {}, inputs: read.inputs ?? r.inputs };
          this.#remember(read.properties);
          // Display diff with inverted polarity: olds = what was read, news = the pre-refresh inputs.
          step.diff = await s.diff({ ...common, id: next.id, olds: next.outputs, oldInputs: next.inputs, news: r.inputs });
          step.op = step.diff.changes === 'DIFF_SOME' ? 'drift' : 'refresh';
          this.state.resources.set(r.urn, next);
        } catch (e) {
          step.op = 'refresh-error';
          step.error = e.describe ?? { details: e.message };
        }
      }
      return { steps, ok: steps.every((st) => !st.error) };
    }, opts);
  }

  /** `pulumi destroy`: Configure from state, then Delete every resource in reverse registration order. */
  async destroy(opts) {
    return this.command('destroy', async (s) => {
      await this.configureFromState(s);
      const steps = [];
      for (const r of [...this.state.resources.values()].reverse()) {
        const step = { urn: r.urn, name: r.name, op: 'delete' };
        steps.push(step);
        try {
          if (r.protect) throw new Error(`resource ${r.urn} is protected and cannot be deleted`);
          await s.delete({ urn: r.urn, name: r.name, type: PORTAL_TYPE, id: r.id, properties: r.outputs, oldInputs: r.inputs });
          this.state.resources.delete(r.urn);
        } catch (e) {
          step.op = 'delete-error';
          step.error = e.describe ?? { details: e.message };
        }
      }
      return { steps, ok: steps.every((st) => !st.error) };
    }, opts);
  }

  /**
   * `pulumi import buildkite-portals:index:Portal <name> <id>`: Read(id only) → Check(read inputs, read inputs)
   * (failures only warn) → GetSchema for code generation. Writes the resource to state, protected.
   */
  async importCli(name, id, opts) {
    return this.command('import', async (s) => {
      const providerInputs = await this.configureFromProgram(s);
      const urn = portalUrn(name);
      const common = { urn, name, type: PORTAL_TYPE };
      const read = await s.read({ ...common, id });
      if (read.properties === undefined) throw new Error(`resource '${id}' does not exist`);
      if (read.inputs === undefined) throw new Error(`provider does not support importing resources; please try updating the '${PKG}' plugin`);
      const check = await s.check({ ...common, olds: read.inputs, news: read.inputs });
      const warnings = check.failures.map((f) => `${f.property}: ${f.reason} (this is almost certainly a bug in the provider)`);
      const schema = await s.getSchema();
      const finalId = read.id || id;
      this.state.resources.set(urn, { urn, name, id: finalId, inputs: read.inputs, outputs: read.properties, protect: true });
      this.state.provider = this.state.provider ?? { inputs: providerInputs };
      return { read, check, warnings, schema, generatedInputs: read.inputs, ok: true };
    }, opts);
  }

  /** `pulumi state unprotect`. */
  unprotect(name) {
    const r = this.state.resources.get(portalUrn(name));
    if (r) r.protect = false;
  }

  /** Every byte the provider processes wrote after the port line, and to stderr, plus every Log message. */
  collectedOutput() {
    return {
      stdoutAfterPort: this.processes.map((p) => p.provider.stdoutAfterPort).join(''),
      stderr: this.processes.map((p) => p.provider.stderr).join(''),
      logs: this.engine.logs.map((l) => l.message).join('\n'),
    };
  }

  /** Every secret the provider must never print: the API token and every portal token (seen or stored). */
  async secretsToHide() {
    const tokens = new Set([this.apiToken, ...this.seenTokens]);
    try {
      for (const p of await this.emulator.portals()) if (p.token) tokens.add(p.token);
    } catch { /* emulator gone: keep what we have */ }
    return [...tokens].filter((t) => t && t.length >= 8);
  }

  /** Returns a list of "<token> appears in <where>" problems (empty = clean). */
  async tokenLeaks() {
    const out = this.collectedOutput();
    const problems = [];
    for (const t of await this.secretsToHide()) {
      for (const [where, text] of Object.entries(out)) {
        if (containsString(text, t)) problems.push(`${t.slice(0, 10)}… appears in ${where}`);
      }
    }
    return problems;
  }

  async close() {
    if (process.env.PORTALS_CONFORMANCE_TIMING === '1') {
      const total = this.shutdowns.reduce((a, x) => a + x.durationMs, 0);
      process.stderr.write(`# conformance timing: ${this.shutdowns.length} provider processes, ${total} ms inside commands\n`);
    }
    await Promise.allSettled(this.processes.map((p) => p.provider.kill()));
    await Promise.allSettled([this.emulator?.stop(), this.engine?.stop()]);
  }
}
