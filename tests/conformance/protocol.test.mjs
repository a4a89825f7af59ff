// Plugin launch and provider configuration, as the engine does them: argv ends with the engine address, port on
// the first stdout line, Handshake → GetPluginInfo → CheckConfig → (DiffConfig) → Configure → … → Cancel → SIGINT.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk } from './lib/fixtures.mjs';
import { Session } from './lib/session.mjs';
import { VERSION, PKG, PROVIDER_URN, PROVIDER_TYPE, DEFAULT_PROVIDER_NAME } from './lib/workspace.mjs';
import { secret } from './lib/struct.mjs';

const ctx = useWorkspace();

// Provider processes never inherit BUILDKITE_* from the test runner (lib/provider.mjs); nothing to add here.
const NO_ENV = {};

test('launch: port line, Handshake, GetPluginInfo reports the repository VERSION, GetSchema agrees', async () => {
  const { ws } = ctx;
  const r = await ws.command('get-schema', async (s) => ({
    port: s.provider.port,
    hs: s.handshakeResult,
    info: s.pluginInfo,
    schema: await s.getSchema(),
  }));
  assert.ok(r.port > 0 && r.port < 65536);
  assert.equal(r.hs.implemented, true);
  assert.equal(r.info.version, VERSION);
  assert.equal(r.schema.version, VERSION);
  assert.equal(r.schema.name, PKG);
  assert.ok(r.schema.resources['buildkite-portals:index:Portal']);
  assert.deepEqual(r.calls, ['handshake', 'getPluginInfo', 'getSchema', 'cancel']);
  assert.ok(r.shutdown.cancel.ok, 'Cancel returns OK');
  assert.ok(r.shutdown.exitedPromptly, 'exits promptly after SIGINT');
});

test('launch with logflow flags (--logtostderr -v=9 <engine>) works the same', async () => {
  const { ws } = ctx;
  const r = await ws.command('get-schema', async (s) => ({ info: s.pluginInfo }), { flags: ['--logtostderr', '-v=9'] });
  assert.equal(r.info.version, VERSION);
  assert.ok(r.shutdown.exitedPromptly);
});

test('config: CheckConfig returns `version` unchanged; Configure accepts a secret-wrapped apiToken and string maxRetries', async () => {
  const { ws } = ctx;
  ws.config.maxRetries = '3';
  try {
    const r = await ws.command('up', async (s) => {
      await ws.configureFromProgram(s);
      return { checked: s.checkConfigResult, configured: s.configureResult };
    });
    assert.deepEqual(r.checked.failures, []);
    assert.equal(r.checked.inputs.version, VERSION, '`version` passed back unchanged');
    assert.equal(r.checked.inputs.organization, ws.org);
    assert.equal(r.configured.acceptSecrets, true);
    assert.deepEqual(r.calls, ['handshake', 'getPluginInfo', 'checkConfig', 'configure', 'cancel']);
  } finally {
    delete ws.config.maxRetries;
  }
});

test('second program-driven run: DiffConfig (if implemented) reports no change for identical config', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([{ name: 'p', inputs: portalInputs({ slug: 'p' }) }]), 'up');
  const r = await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    return { diff: s.diffConfigResult };
  });
  assert.ok(r.calls.includes('diffConfig'), 'the engine calls DiffConfig when the provider is in state');
  if (r.diff) {
    assert.ok(['DIFF_NONE', 'DIFF_UNKNOWN'].includes(r.diff.changes), JSON.stringify(r.diff));
    assert.deepEqual(r.diff.replaces, []);
  }
  assertOk(await ws.destroy());
});

/** CheckConfig then Configure with `config`; returns every failure/error text the user would see. */
async function configureErrors(ws, config, env = NO_ENV) {
  return ws.command('up', async (s) => {
    const news = { ...config, version: VERSION };
    const texts = [];
    const checked = await s.checkConfig({ urn: PROVIDER_URN, name: DEFAULT_PROVIDER_NAME, type: PROVIDER_TYPE, olds: {}, news });
    for (const f of checked.failures) texts.push(`${f.property}: ${f.reason}`);
    if (checked.failures.length === 0) {
      try {
        await s.configure({ pkg: PKG, args: checked.inputs, urn: PROVIDER_URN, name: DEFAULT_PROVIDER_NAME, type: PROVIDER_TYPE });
      } catch (e) {
        texts.push(e.describe?.details ?? e.message);
      }
    }
    return { text: texts.join('\n'), failed: texts.length > 0 };
  }, { env });
}

test('missing apiToken and organization (no env either): fails naming both config keys and env vars', async () => {
  const r = await configureErrors(ctx.ws, { apiUrl: ctx.ws.emulator.baseUrl });
  assert.ok(r.failed, 'must fail');
  for (const s of ['apiToken', 'BUILDKITE_API_TOKEN', 'organization', 'BUILDKITE_ORGANIZATION_SLUG']) assert.ok(r.text.includes(s), `mentions ${s}: ${r.text}`);
});

test('plain http apiUrl to a non-loopback host is rejected, naming apiUrl', async () => {
  const r = await configureErrors(ctx.ws, { apiToken: secret(ctx.ws.apiToken), organization: ctx.ws.org, apiUrl: 'http://api.example.com' });
  assert.ok(r.failed, 'must fail');
  assert.match(r.text, /apiUrl/);
});

test('env fallback: BUILDKITE_API_TOKEN, BUILDKITE_ORGANIZATION_SLUG and BUILDKITE_REST_URL configure a working provider', async () => {
  const { ws } = ctx;
  const saved = ws.config;
  ws.config = {};
  const env = { BUILDKITE_API_TOKEN: ws.apiToken, BUILDKITE_ORGANIZATION_SLUG: ws.org, BUILDKITE_REST_URL: ws.emulator.baseUrl };
  try {
    const r = await ws.up([{ name: 'env', inputs: portalInputs({ name: 'From env', slug: 'from-env' }) }], { env });
    assertOk(r, 'up');
    assert.ok((await ws.emulator.portals()).some((p) => p.slug === 'from-env'));
    assertOk(await ws.destroy({ env }), 'destroy');
  } finally {
    ws.config = saved;
  }
});

test('explicit config beats env vars', async () => {
  const { ws } = ctx;
  const env = { BUILDKITE_API_TOKEN: 'bkua_env_token_that_is_wrong', BUILDKITE_ORGANIZATION_SLUG: 'wrong-org', BUILDKITE_REST_URL: 'http://127.0.0.1:9' };
  const r = await ws.up([{ name: 'cfg', inputs: portalInputs({ name: 'From config', slug: 'from-config' }) }], { env });
  assertOk(r, 'up');
  assertOk(await ws.destroy({ env }), 'destroy');
});

test('Cancel during an in-flight API call: the call ends promptly and Cancel returns OK', async () => {
  const { ws } = ctx;
  const hang = await ws.emulator.addFault({ kind: 'hang', method: 'POST' });
  try {
    const r = await ws.command('up', async (s) => {
      await ws.configureFromProgram(s);
      const pending = s.create({ urn: 'urn:pulumi:conformance::portals::buildkite-portals:index:Portal::hung', name: 'hung', type: 'buildkite-portals:index:Portal', properties: portalInputs({ name: 'Hung', slug: 'hung' }) })
        .then(() => ({ ok: true }), (e) => ({ ok: false, e: e.describe }));
      // Wait (bounded) until the POST reached the emulator, then cancel.
      const deadline = Date.now() + 10_000;
      while ((await ws.emulator.faultHits(hang.id)) < 1) {
        if (Date.now() > deadline) throw new Error('POST never arrived');
        await new Promise((res) => setTimeout(res, 20));
      }
      const { emptyPb } = await import('./lib/proto.mjs');
      await s.provider.call('cancel', new emptyPb.Empty(), { deadlineMs: 5000 });
      const outcome = await Promise.race([pending, new Promise((res) => setTimeout(() => res({ timedOut: true }), 10_000))]);
      return { outcome };
    });
    assert.ok(!r.outcome.timedOut, 'Create still running 10 s after Cancel');
    assert.equal(r.outcome.ok, false, 'a cancelled Create fails');
  } finally {
    await ws.emulator.releaseFault(hang.id).catch(() => {});
    await ws.emulator.removeFault(hang.id).catch(() => {});
  }
});

hygieneTests(ctx);
