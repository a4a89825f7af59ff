// HTTP behaviour through the whole stack: retries of 429/5xx/transport faults, POST never retried where the API may
// have acted, maxRetries honoured, and a create whose response was cut short never orphans the portal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, PORTAL_URL } from './lib/fixtures.mjs';
import { portalUrn, PORTAL_TYPE } from './lib/workspace.mjs';

const ctx = useWorkspace({ config: { maxRetries: '3' } });
const PORTALS = () => `/v2/organizations/${ctx.ws.org}/portals`;

async function withFault(rule, fn) {
  const f = await ctx.ws.emulator.addFault(rule);
  try { return await fn(f); } finally { await ctx.ws.emulator.removeFault(f.id).catch(() => {}); }
}

test('429 on create: waits for RateLimit-Reset and retries the POST (the API did not act)', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  await withFault({ kind: 'rate_limit', method: 'POST', count: 1, reset_seconds: 1 }, async () => {
    const r = await ws.up([{ name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited' }) }]);
    assertOk(r);
  });
  const posts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'POST');
  assert.deepEqual(posts.map((e) => e.status), [429, 201]);
  assert.equal((await ws.emulator.portals()).filter((p) => p.slug === 'rate-limited').length, 1);
});

test('the retry wait is shown to the user through the engine Log, on the resource, without any token', () => {
  const { ws } = ctx;
  const notes = ws.engine.logs.filter((l) => l.urn === portalUrn('rl') && /429|rate/i.test(l.message));
  assert.ok(notes.length > 0, `Log calls: ${JSON.stringify(ws.engine.logs)}`);
  for (const n of notes) assert.ok(!n.message.includes(ws.apiToken));
});

test('429 with only Retry-After (no RateLimit-* headers) is honoured too', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  await withFault({ kind: 'rate_limit', method: 'PUT', count: 1, reset_seconds: 1, send_rate_limit_headers: false, send_retry_after: true }, async () => {
    assertOk(await ws.up([{ name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'after retry-after' }) }]));
  });
  const puts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'PUT');
  assert.deepEqual(puts.map((e) => e.status), [429, 200]);
});

test('connection dropped after a POST was sent: not retried (the API may have acted), so never a duplicate', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const keep = { name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'after retry-after' }) };
  const r = await withFault({ kind: 'abort_before_acting', method: 'POST', path_prefix: PORTALS(), count: 1 }, () =>
    ws.up([keep, { name: 'dropped', inputs: portalInputs({ name: 'Dropped', slug: 'dropped' }) }]));
  const posts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'POST');
  assert.equal(posts.length, 1, 'a POST whose connection broke after sending must not be retried blindly');
  assert.ok(stepOf(r, 'dropped').error, 'the create fails');
  assert.ok(!ws.state.resources.has(portalUrn('dropped')));
});

test('5xx on update: PUT retried until it succeeds', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  await withFault({ kind: 'server_error', status: 502, method: 'PUT', count: 2 }, async () => {
    const r = await ws.up([{ name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'retried' }) }]);
    assertOk(r);
  });
  const puts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'PUT');
  assert.deepEqual(puts.map((e) => e.status), [502, 502, 200]);
});

test('connection dropped before the API acted on a GET: refresh retries and succeeds', async () => {
  const { ws } = ctx;
  await withFault({ kind: 'abort_before_acting', method: 'GET', count: 1 }, async () => {
    assertOk(await ws.refresh());
  });
  assert.ok(ws.state.resources.has(portalUrn('rl')));
});

test('maxRetries bounds retries: with maxRetries=3 a persistent 503 on GET gives 4 attempts, then a clear error', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await withFault({ kind: 'server_error', status: 503, method: 'GET' }, () => ws.refresh());
  const st = stepOf(r, 'rl');
  assert.ok(st.error, 'refresh must fail');
  assert.match(st.error.details, /503/);
  assert.ok(ws.state.resources.has(portalUrn('rl')), 'a 5xx never removes a resource');
  const gets = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'GET');
  assert.equal(gets.length, 4, `1 attempt + 3 retries, got ${gets.length}`);
});

test('401 is not retried and says so', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await withFault({ kind: 'status', status: 401, method: 'PUT' }, () =>
    ws.up([{ name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'denied' }) }]));
  const st = stepOf(r, 'rl');
  assert.ok(st.error);
  assert.match(st.error.details, /401/);
  assert.equal((await ws.emulator.journalSince(mark)).filter((e) => e.method === 'PUT').length, 1);
});

test('a 502 after the API acted on POST: the POST is not retried, so no duplicate portal', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await withFault({ kind: 'server_error', status: 502, method: 'POST', path_prefix: PORTALS(), count: 1, after_acting: true }, () =>
    ws.up([
      { name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'retried' }) },
      { name: 'dup', inputs: portalInputs({ name: 'Maybe duplicated' }) },
    ]));
  const posts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'POST');
  assert.equal(posts.length, 1, 'POST retried although the API may have acted');
  const same = (await ws.emulator.portals()).filter((p) => p.name === 'Maybe duplicated');
  assert.equal(same.length, 1);
  const st = stepOf(r, 'dup');
  if (!st.error) assert.equal(st.create.id, same[0].uuid, 'if it reports success, the id is the created portal');
  else if (st.error.initFailed) assert.equal(st.error.initFailed.id, same[0].uuid);
});

test('a create whose 201 response was cut short: no orphan (success or ErrorResourceInitFailed with the UUID)', async () => {
  const { ws } = ctx;
  const r = await ws.command('up', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('cut'), name: 'cut', type: PORTAL_TYPE };
    const inputs = portalInputs({ name: 'Cut short', slug: 'cut-short' });
    const checked = await s.check({ ...common, olds: {}, news: inputs });
    return withFault({ kind: 'truncated_json', method: 'POST', path_prefix: PORTALS(), count: 1 }, () =>
      s.create({ ...common, properties: checked.inputs }).then((c) => ({ created: c }), (e) => ({ error: e.describe })));
  });
  const stored = (await ws.emulator.portals()).find((p) => p.slug === 'cut-short');
  assert.ok(stored, 'the API created it');
  if (r.created) {
    assert.equal(r.created.id, stored.uuid);
  } else {
    assert.ok(r.error.initFailed, `Create failed without ErrorResourceInitFailed, orphaning ${stored.uuid}: ${JSON.stringify(r.error)}`);
    assert.equal(r.error.initFailed.id, stored.uuid);
  }
});

test('partial failure recovery: after a cut-short create, the engine keeps the id and the next up completes the portal', async () => {
  const { ws } = ctx;
  const keep = [{ name: 'rl', inputs: portalInputs({ name: 'Rate limited', slug: 'rate-limited', description: 'retried' }) }];
  const inputs = portalInputs({ name: 'Half made', slug: 'half-made', description: 'complete me' });
  const first = await withFault({ kind: 'truncated_json', method: 'POST', path_prefix: PORTALS(), count: 1 }, () =>
    ws.up([...keep, { name: 'half', inputs }]));
  const stored = (await ws.emulator.portals()).find((p) => p.slug === 'half-made');
  assert.ok(stored, 'the API created it');
  const st = stepOf(first, 'half');
  if (st.error) {
    assert.ok(st.error.initFailed, `no ErrorResourceInitFailed: ${JSON.stringify(st.error)}`);
    assert.equal(ws.state.resources.get(portalUrn('half'))?.id, stored.uuid, 'the engine keeps the partially created portal');
  }
  const mark = await ws.emulator.journalMark();
  const second = await ws.up([...keep, { name: 'half', inputs }]);
  assertOk(second, 'second up');
  const after = ws.state.resources.get(portalUrn('half'));
  assert.equal(after.id, stored.uuid, 'same portal, no second create');
  assert.equal(after.outputs.uuid, stored.uuid);
  assert.equal(after.outputs.slug, 'half-made');
  assert.equal(after.outputs.url, PORTAL_URL(ws.org, 'half-made'));
  assert.equal((await ws.emulator.journalSince(mark)).filter((e) => e.method === 'POST').length, 0, 'no duplicate POST');
  assert.equal((await ws.emulator.portals()).filter((p) => p.name === 'Half made').length, 1);
});

test('the operation timeout (customTimeouts) bounds a slow API call', async () => {
  const { ws } = ctx;
  const rl = ws.state.resources.get(portalUrn('rl'));
  const r = await withFault({ kind: 'delay', method: 'PUT', delay_ms: 8000 }, () => ws.command('up', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: rl.urn, name: 'rl', type: PORTAL_TYPE };
    const news = { ...rl.inputs, description: 'slow' };
    return s.update({ ...common, id: rl.id, olds: rl.outputs, oldInputs: rl.inputs, news, timeout: 1 })
      .then((u) => ({ updated: u }), (e) => ({ error: e.describe }));
  }));
  assert.ok(r.error, `Update with timeout=1s must fail while the API takes 8 s, got ${JSON.stringify(r.updated)}`);
  assert.match(r.error.details, /time|deadline/i);
});

hygieneTests(ctx);
