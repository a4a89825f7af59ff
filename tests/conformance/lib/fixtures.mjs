// Shared fixtures and assertions for the conformance test files.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Workspace } from './workspace.mjs';
import { isSecret, isUnknown, unwrapSecrets } from './struct.mjs';

export const QUERY = 'query Viewer {\n  viewer {\n    user {\n      name\n    }\n  }\n}\n';
export const QUERY2 = 'query Builds($slug: ID!) {\n  pipeline(slug: $slug) {\n    builds(first: 5) {\n      edges { node { number state } }\n    }\n  }\n}\n';

/** Inputs of a portal as a program would pass them. */
export function portalInputs(overrides = {}) {
  const base = { name: 'Trigger main', query: QUERY };
  const out = { ...base, ...overrides };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}

export const PORTAL_URL = (org, slug) => `https://portal.buildkite.com/organizations/${org}/portals/${slug}`;

/** Fails with every step error spelled out. */
export function assertOk(result, what = 'command') {
  const bad = (result.steps ?? []).filter((s) => s.error || s.failures);
  assert.ok(result.ok && bad.length === 0,
    `${what} failed: ${JSON.stringify(bad.map((s) => ({ urn: s.urn, op: s.op, error: s.error, failures: s.failures })), null, 2)}`);
}

export function stepOf(result, name) {
  const s = result.steps.find((x) => x.name === name);
  assert.ok(s, `no step for ${name}; steps: ${result.steps.map((x) => x.name).join(', ')}`);
  return s;
}

/** A value the provider must not know yet: absent or an unknown sentinel (possibly secret-wrapped). */
export function assertNotKnown(outputs, key) {
  if (!(key in outputs)) return;
  const v = isSecret(outputs[key]) ? outputs[key].value : outputs[key];
  assert.ok(isUnknown(v), `preview output ${key} should be unknown or absent, got ${JSON.stringify(outputs[key])}`);
}

export function assertSecretString(v, what) {
  assert.ok(isSecret(v), `${what} must be a secret object, got ${JSON.stringify(v === undefined ? 'undefined' : typeof v)}`);
  assert.equal(typeof v.value, 'string', `${what} must wrap a string`);
  return v.value;
}

export function writes(journal) {
  return journal.filter((e) => e.method !== 'GET');
}

export function portalRequests(journal, org) {
  return journal.filter((e) => e.path.startsWith(`/v2/organizations/${org}/portals`));
}

/**
 * Starts a Workspace for the file and registers the hygiene checks every file ends with: stdout carries only
 * the port line, every command's Cancel is acknowledged and the process exits promptly on SIGINT, and no token
 * appears in stdout, stderr or Log messages.
 */
export function useWorkspace(options) {
  const ctx = { ws: undefined };
  let resolveReady;
  let rejectReady;
  /** Resolves with the workspace once started; use it from a file's own `before` hooks. */
  ctx.ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ctx.ready.catch(() => {});
  before(async () => {
    try {
      ctx.ws = await Workspace.start(options);
      resolveReady(ctx.ws);
    } catch (e) {
      rejectReady(e);
      throw e;
    }
  });
  after(async () => { await ctx.ws?.close(); });
  return ctx;
}

export function hygieneTests(ctx) {
  test('hygiene: every provider process wrote nothing to stdout after its port line', () => {
    for (const p of ctx.ws.processes) {
      assert.equal(p.provider.stdoutAfterPort, '', `provider for \`${p.command}\` wrote to stdout after the port line`);
    }
  });
  test('hygiene: Cancel is acknowledged and every provider exits promptly after SIGINT', () => {
    assert.ok(ctx.ws.shutdowns.length > 0, 'no command ran');
    for (const s of ctx.ws.shutdowns) {
      assert.ok(s.cancel.ok, `Cancel failed for \`${s.command}\`: ${JSON.stringify(s.cancel)}`);
      assert.ok(s.exitedPromptly, `provider for \`${s.command}\` did not exit within 5 s of SIGINT`);
    }
  });
  test('hygiene: no token appears in stdout, stderr or Log messages', async () => {
    const leaks = await ctx.ws.tokenLeaks();
    assert.deepEqual(leaks, []);
  });
}

export { isSecret, isUnknown, unwrapSecrets };
