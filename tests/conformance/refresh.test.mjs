// `pulumi refresh`: Configure from state → Read(id, properties, inputs) → Diff for display. 404 semantics:
// a portal renamed outside Pulumi is found through the paginated list; only a portal truly gone yields an empty id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, writes, PORTAL_URL, isSecret } from './lib/fixtures.mjs';
import { portalUrn } from './lib/workspace.mjs';

const ctx = useWorkspace();

test('refresh without drift: state-driven (no Check/CheckConfig), GET by slug, same outputs, token carried forward', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([
    { name: 'a', inputs: portalInputs({ name: 'Portal A', slug: 'portal-a', description: 'A' }) },
    { name: 'b', inputs: portalInputs({ name: 'Portal B' }) },
  ]), 'up');
  const before = ws.state.resources.get(portalUrn('a'));
  const mark = await ws.emulator.journalMark();
  const r = await ws.refresh();
  assertOk(r, 'refresh');
  assert.ok(!r.calls.includes('checkConfig') && !r.calls.includes('check'), `refresh is state-driven: ${r.calls.join(',')}`);
  assert.equal(r.calls[0], 'handshake');
  assert.ok(r.calls.includes('configure'));
  const st = stepOf(r, 'a');
  assert.equal(st.read.id, before.id);
  assert.equal(st.diff.changes, 'DIFF_NONE', JSON.stringify(st.diff));
  assert.ok(isSecret(st.read.properties.token), 'token secret on Read');
  assert.deepEqual(st.read.properties.token, before.outputs.token, 'token carried forward from state');
  assert.deepEqual(st.read.properties, before.outputs, 'Read outputs equal Create outputs');
  const journal = await ws.emulator.journalSince(mark);
  assert.deepEqual(writes(journal), []);
  assert.ok(journal.some((e) => e.method === 'GET' && e.path === `/v2/organizations/${ws.org}/portals/portal-a`));
});

test('drift made outside Pulumi shows in Read outputs and inputs, and Diff reports it', async () => {
  const { ws } = ctx;
  await ws.emulator.outOfBandUpdate('portal-a', { description: 'changed in the UI', user_invokable: true });
  const r = await ws.refresh();
  assertOk(r, 'refresh');
  const st = stepOf(r, 'a');
  assert.equal(st.read.properties.description, 'changed in the UI');
  assert.equal(st.read.inputs.description, 'changed in the UI', 'Read returns current inputs');
  assert.equal(st.read.inputs.userInvokable, true);
  assert.equal(st.diff.changes, 'DIFF_SOME');
  assert.deepEqual([...st.diff.diffs].sort(), ['description', 'userInvokable']);
  // The next `up` with the original program puts it back with one PUT.
  const mark = await ws.emulator.journalMark();
  const up = await ws.up([
    { name: 'a', inputs: portalInputs({ name: 'Portal A', slug: 'portal-a', description: 'A' }) },
    { name: 'b', inputs: portalInputs({ name: 'Portal B' }) },
  ]);
  assertOk(up);
  assert.equal(stepOf(up, 'a').op, 'update');
  const w = writes(await ws.emulator.journalSince(mark));
  assert.equal(w.length, 1);
  assert.equal(w[0].body.description, 'A');
  assert.equal(w[0].body.user_invokable, false);
});

test('out-of-band rename is found via a paginated list (per_page=100, Link rel="next"): drift, not deletion', async () => {
  const { ws } = ctx;
  // 150 other portals: the renamed one sits on page 2 of 100.
  await ws.emulator.seed([], { count: 150 });
  await ws.emulator.outOfBandUpdate('portal-a', { slug: 'zz-renamed-in-ui' });
  const before = ws.state.resources.get(portalUrn('a'));
  const mark = await ws.emulator.journalMark();
  const r = await ws.refresh();
  assertOk(r, 'refresh');
  const st = stepOf(r, 'a');
  assert.equal(st.op === 'deleted', false, 'a renamed portal must not be dropped from state');
  assert.equal(st.read.id, before.id, 'same UUID');
  assert.equal(st.read.properties.slug, 'zz-renamed-in-ui');
  assert.equal(st.read.properties.url, PORTAL_URL(ws.org, 'zz-renamed-in-ui'));
  assert.deepEqual(st.read.properties.token, before.outputs.token, 'token carried forward');
  assert.equal(st.diff.changes, 'DIFF_SOME');
  assert.ok(st.diff.diffs.includes('slug'));
  const journal = await ws.emulator.journalSince(mark);
  const list = journal.filter((e) => e.method === 'GET' && e.path === `/v2/organizations/${ws.org}/portals`);
  assert.ok(list.length >= 2, `followed pagination: ${list.map((e) => e.query).join(' ')}`);
  assert.ok(list.every((e) => /[?&]per_page=100(&|$)/.test(e.query)), 'per_page=100');
  assert.ok(list.some((e) => /[?&]page=2(&|$)/.test(e.query)), 'fetched page 2');
  assert.deepEqual(writes(journal), []);
});

test('after an out-of-band rename, up with the original slug renames it back with one PUT to the CURRENT slug', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([
    { name: 'a', inputs: portalInputs({ name: 'Portal A', slug: 'portal-a', description: 'A' }) },
    { name: 'b', inputs: portalInputs({ name: 'Portal B' }) },
  ]);
  assertOk(r);
  assert.equal(stepOf(r, 'a').op, 'update');
  const w = writes(await ws.emulator.journalSince(mark));
  assert.equal(w.length, 1);
  assert.equal(w[0].method, 'PUT');
  assert.equal(w[0].path, `/v2/organizations/${ws.org}/portals/zz-renamed-in-ui`);
  assert.equal(w[0].body.slug, 'portal-a');
});

test('a portal deleted outside Pulumi: Read returns an empty id and the resource leaves state', async () => {
  const { ws } = ctx;
  const b = ws.state.resources.get(portalUrn('b'));
  await ws.emulator.outOfBandDelete(b.outputs.slug);
  const r = await ws.refresh();
  assertOk(r, 'refresh');
  const st = stepOf(r, 'b');
  assert.equal(st.read.id, '', 'empty id means gone');
  assert.equal(st.op, 'deleted');
  assert.ok(!ws.state.resources.has(portalUrn('b')));
  assert.ok(ws.state.resources.has(portalUrn('a')), 'the other portal stays');
});

test('a 5xx whose body says "not found" is an error, never a deletion (decisions key on status codes)', async () => {
  const { ws } = ctx;
  const a = ws.state.resources.get(portalUrn('a'));
  // Refresh configures from state: lower the retry budget there (as a prior `up` with maxRetries=1 would have).
  const saved = ws.state.provider.inputs;
  ws.state.provider.inputs = { ...saved, maxRetries: '1' };
  const fault = await ws.emulator.addFault({ kind: 'status', status: 503, message: 'No portal found', method: 'GET' });
  try {
    const r = await ws.refresh();
    const st = stepOf(r, 'a');
    assert.ok(st.error, `Read must fail, got ${JSON.stringify(st.read)}`);
    assert.match(st.error.details, /503/);
    assert.ok(ws.state.resources.has(portalUrn('a')), 'still in state');
    assert.equal(ws.state.resources.get(portalUrn('a')).id, a.id);
  } finally {
    await ws.emulator.removeFault(fault.id);
    ws.state.provider.inputs = saved;
  }
});

hygieneTests(ctx);
