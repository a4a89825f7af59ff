// Secrets: token always a secret and carried forward; secret inputs stay secret; secrets compared unwrapped;
// no token ever in stdout, stderr, Log messages or error messages, including with --logtostderr -v=9.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, assertSecretString, isSecret, unwrapSecrets } from './lib/fixtures.mjs';
import { secret, containsString } from './lib/struct.mjs';
import { portalUrn, PORTAL_TYPE, PKG } from './lib/workspace.mjs';

const ctx = useWorkspace();
const VERBOSE = { flags: ['--logtostderr', '-v=9'] };

test('Handshake declares acceptSecrets; the schema marks token and apiToken secret', async () => {
  const { ws } = ctx;
  const r = await ws.command('get-schema', async (s) => ({ hs: s.handshakeResult, schema: await s.getSchema() }));
  assert.equal(r.hs.implemented, true, 'Handshake implemented');
  assert.equal(r.hs.acceptSecrets, true, 'acceptSecrets');
  assert.equal(r.schema.name, PKG);
  assert.equal(r.schema.resources[PORTAL_TYPE].properties.token.secret, true);
  assert.equal(r.schema.config.variables.apiToken.secret, true);
  assert.equal(r.schema.provider.inputProperties.apiToken.secret, true);
});

test('token is a secret in Create, Update and Read responses and never changes (verbose logging on)', async () => {
  const { ws } = ctx;
  const up1 = await ws.up([{ name: 's', inputs: portalInputs({ name: 'Secretive', slug: 'secretive' }) }], VERBOSE);
  assertOk(up1);
  const token = assertSecretString(stepOf(up1, 's').create.properties.token, 'Create token');
  const up2 = await ws.up([{ name: 's', inputs: portalInputs({ name: 'Secretive', slug: 'secretive-2' }) }], VERBOSE);
  assertOk(up2);
  assert.equal(assertSecretString(stepOf(up2, 's').update.properties.token, 'Update token'), token);
  const ref = await ws.refresh(VERBOSE);
  assertOk(ref);
  assert.equal(assertSecretString(stepOf(ref, 's').read.properties.token, 'Read token'), token);
});

test('a secret input stays secret through Check and Create, and is compared unwrapped by Diff', async () => {
  const { ws } = ctx;
  const r = await ws.command('up', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('sec-in'), name: 'sec-in', type: PORTAL_TYPE };
    const news = portalInputs({ name: 'Secret input', description: secret('classified') });
    const checked = await s.check({ ...common, olds: {}, news });
    const created = await s.create({ ...common, properties: checked.inputs });
    // Same value, once plain and once secret: no diff.
    const diff = await s.diff({ ...common, id: created.id, olds: created.properties, oldInputs: checked.inputs, news: { ...checked.inputs, description: 'classified' } });
    await s.delete({ ...common, id: created.id, properties: created.properties, oldInputs: checked.inputs });
    return { checked, created, diff };
  });
  assert.ok(isSecret(r.checked.inputs.description), 'Check keeps the secret wrapper');
  assert.equal(unwrapSecrets(r.checked.inputs.description), 'classified');
  assert.ok(isSecret(r.created.properties.description), 'Create output of a secret input stays secret');
  assert.equal(r.diff.changes, 'DIFF_NONE', 'secretness alone is not a change');
});

test('a rejected API token: the error says 401 and never echoes the token', async () => {
  const { ws } = ctx;
  const wrong = 'bkua_wrong_token_0123456789abcdef';
  const saved = ws.config.apiToken;
  ws.config.apiToken = secret(wrong);
  try {
    const r = await ws.up([{ name: 'denied', inputs: portalInputs({ name: 'Denied', slug: 'denied' }) }, { name: 's', inputs: portalInputs({ name: 'Secretive', slug: 'secretive-2' }) }], VERBOSE).catch((e) => ({ thrown: e }));
    const text = JSON.stringify(r, (k, v) => (typeof v === 'bigint' ? String(v) : v));
    assert.ok(r.thrown || !r.ok, 'must fail');
    assert.ok(!text.includes(wrong), 'the rejected token appears in an error');
    if (!r.thrown) assert.match(stepOf(r, 'denied').error.details, /401/);
    const out = ws.collectedOutput();
    assert.ok(!containsString(out, wrong), 'the rejected token appears in stdout/stderr/Log');
  } finally {
    ws.config.apiToken = saved;
  }
});

test('errors from the API (422 on update) carry the message and no token', async () => {
  const { ws } = ctx;
  const fault = await ws.emulator.addFault({ kind: 'status', status: 422, message: 'Validation failed: Slug has already been taken', method: 'PUT', count: 1 });
  try {
    const r = await ws.up([{ name: 's', inputs: portalInputs({ name: 'Secretive', slug: 'taken' }) }], VERBOSE);
    const st = stepOf(r, 's');
    assert.ok(st.error);
    assert.match(st.error.details, /Slug has already been taken/);
    assert.match(st.error.details, /422/);
    for (const t of await ws.secretsToHide()) assert.ok(!st.error.details.includes(t), 'error contains a token');
  } finally {
    await ws.emulator.removeFault(fault.id).catch(() => {});
  }
  assertOk(await ws.destroy(VERBOSE));
});

test('with --logtostderr -v=9 the provider still writes only its port to stdout', () => {
  const verbose = ctx.ws.processes.filter((p) => p.provider.args.includes('-v=9'));
  assert.ok(verbose.length >= 4);
  for (const p of verbose) {
    assert.equal(p.provider.args.at(-1), ctx.ws.engine.address, 'engine address is the last argument');
    assert.equal(p.provider.stdoutAfterPort, '');
  }
});

hygieneTests(ctx);
