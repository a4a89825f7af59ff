// Functions (invokes) getPortal / getPortals, and List. Hooks: these run once the provider implements Invoke; until then a
// provider answering UNIMPLEMENTED skips them, unless PORTALS_REQUIRE_INVOKES=1 makes them required.
import assert from 'node:assert/strict';
import { test, before } from 'node:test';
import { useWorkspace, hygieneTests, QUERY2 } from './lib/fixtures.mjs';
import { grpc } from './lib/proto.mjs';
import { containsString } from './lib/struct.mjs';

const ctx = useWorkspace();
const REQUIRED = process.env.PORTALS_REQUIRE_INVOKES === '1';
const GET_PORTAL = 'buildkite-portals:index:getPortal';
const GET_PORTALS = 'buildkite-portals:index:getPortals';
let seeded;
const implemented = { invoke: true, list: true };

// One probe process: if the provider answers UNIMPLEMENTED, the hook tests skip without launching more processes.
before(async () => {
  const ws = await ctx.ready;
  await ws.command('probe', async (s) => {
    await ws.configureFromProgram(s);
    try { await s.invoke({ tok: GET_PORTAL, args: { slug: 'probe' } }); } catch (e) { if (e.code === grpc.status.UNIMPLEMENTED) implemented.invoke = false; }
    try { await s.list({ token: 'buildkite-portals:index:Portal' }); } catch (e) { if (e.code === grpc.status.UNIMPLEMENTED) implemented.list = false; }
  });
});

/** Runs invokes in one configured provider; returns undefined (and skips) when Invoke is not implemented yet. */
async function invokes(t, calls) {
  const { ws } = ctx;
  if (!REQUIRED && !implemented.invoke) {
    t.skip('Invoke not implemented by the provider yet (set PORTALS_REQUIRE_INVOKES=1 to require it)');
    return undefined;
  }
  const r = await ws.command('up', async (s) => {
    await ws.configureFromProgram(s);
    const out = [];
    for (const c of calls) {
      try { out.push(await s.invoke(c)); } catch (e) { out.push({ error: e.describe, code: e.code }); }
    }
    return { out };
  });
  if (!REQUIRED && r.out.some((o) => o.code === grpc.status.UNIMPLEMENTED)) {
    t.skip('Invoke not implemented by the provider yet (set PORTALS_REQUIRE_INVOKES=1 to require it)');
    return undefined;
  }
  return r.out;
}

test('getPortal by slug and by uuid: every Portal output except token', async (t) => {
  const { ws } = ctx;
  [seeded] = await ws.emulator.seed([{ name: 'Invoked', slug: 'invoked', query: QUERY2, description: 'd', allowed_ip_addresses: '10.0.0.0/8' }]);
  await ws.emulator.seed([], { count: 110 });
  const out = await invokes(t, [{ tok: GET_PORTAL, args: { slug: 'invoked' } }, { tok: GET_PORTAL, args: { uuid: seeded.uuid } }]);
  if (!out) return;
  for (const o of out) {
    assert.equal(o.error, undefined, JSON.stringify(o.error));
    assert.deepEqual(o.failures, []);
    const p = o.return;
    assert.equal(p.uuid, seeded.uuid);
    assert.equal(p.slug, 'invoked');
    assert.equal(p.name, 'Invoked');
    assert.equal(p.query, QUERY2);
    assert.equal(p.description, 'd');
    assert.deepEqual(p.allowedIpAddresses, ['10.0.0.0/8']);
    assert.equal(p.createdAt, seeded.created_at);
    assert.ok(!('token' in p), 'no token from getPortal');
    assert.ok(!containsString(p, seeded.token));
  }
});

test('getPortal bad args are failures, not exceptions: neither or both of slug/uuid', async (t) => {
  const out = await invokes(t, [{ tok: GET_PORTAL, args: {} }, { tok: GET_PORTAL, args: { slug: 'invoked', uuid: seeded?.uuid ?? 'x' } }]);
  if (!out) return;
  for (const o of out) {
    assert.equal(o.error, undefined, `bad args must be failures: ${JSON.stringify(o.error)}`);
    assert.ok(o.failures.length > 0);
  }
});

test('getPortal of a missing portal is an error naming what was looked for', async (t) => {
  const out = await invokes(t, [{ tok: GET_PORTAL, args: { slug: 'no-such-portal' } }]);
  if (!out) return;
  assert.ok(out[0].error, 'must fail');
  assert.match(out[0].error.details, /no-such-portal/);
});

test('getPortals returns every page; nameContains filters', async (t) => {
  const { ws } = ctx;
  const total = (await ws.emulator.portals()).length;
  const out = await invokes(t, [{ tok: GET_PORTALS, args: {} }, { tok: GET_PORTALS, args: { nameContains: 'Invoked' } }]);
  if (!out) return;
  assert.equal(out[0].error, undefined, JSON.stringify(out[0].error));
  assert.equal(out[0].return.portals.length, total, 'all pages');
  assert.ok(out[0].return.portals.every((p) => !('token' in p)));
  assert.deepEqual(out[1].return.portals.map((p) => p.slug), ['invoked']);
});

test('List (resource discovery) streams every portal of the organization, all pages (hook)', async (t) => {
  const { ws } = ctx;
  if (!REQUIRED && !implemented.list) {
    t.skip('List not implemented by the provider yet (set PORTALS_REQUIRE_INVOKES=1 to require it)');
    return;
  }
  const r = await ws.command('import', async (s) => {
    await ws.configureFromProgram(s);
    try { return { items: await s.list({ token: 'buildkite-portals:index:Portal' }) }; } catch (e) { return { error: e.describe, code: e.code }; }
  });
  if (!REQUIRED && r.code === grpc.status.UNIMPLEMENTED) {
    t.skip('List not implemented by the provider yet (set PORTALS_REQUIRE_INVOKES=1 to require it)');
    return;
  }
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  const stored = await ws.emulator.portals();
  const ids = r.items.filter((i) => i.result).map((i) => i.result.id).sort();
  assert.deepEqual(ids, stored.map((p) => p.uuid).sort(), 'one result per portal, id = UUID');
  assert.ok(r.items.filter((i) => i.result).every((i) => i.result.name.length > 0), 'every result has a name');
});

hygieneTests(ctx);
