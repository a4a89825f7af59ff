// Functions across pages and in preview, through Pulumi's generated client: getPortal by a UUID on the last of 3
// pages, getPortals with 250 portals, preview invokes, and bad arguments as failures naming the argument.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests } from './lib/fixtures.mjs';
import { grpc } from './lib/proto.mjs';
import { containsString, secret } from './lib/struct.mjs';

const ctx = useWorkspace({ org: 'pages-org' });
const GET_PORTAL = 'buildkite-portals:index:getPortal';
const GET_PORTALS = 'buildkite-portals:index:getPortals';
let seeded = [];

async function invokes(command, calls) {
  const { ws } = ctx;
  const r = await ws.command(command, async (s) => {
    await ws.configureFromProgram(s);
    const out = [];
    for (const c of calls) {
      try { out.push(await s.invoke(c)); } catch (e) { out.push({ error: e.describe }); }
    }
    return { out };
  });
  return r.out;
}

function portalGets(journal) {
  return journal.filter((e) => e.method === 'GET' && e.path === `/v2/organizations/${ctx.ws.org}/portals`);
}

test('getPortal by uuid finds a portal on the last of 3 pages (preview and up alike)', async () => {
  seeded = await ctx.ws.emulator.seed([], { count: 250 });
  const last = seeded.at(-1);
  const mark = await ctx.ws.emulator.journalMark();
  const [preview] = await invokes('preview', [{ tok: GET_PORTAL, args: { uuid: last.uuid }, preview: true }]);
  const [up] = await invokes('up', [{ tok: GET_PORTAL, args: { uuid: secret(last.uuid) } }]);
  for (const o of [preview, up]) {
    assert.equal(o.error, undefined, JSON.stringify(o.error));
    assert.deepEqual(o.failures, []);
    assert.equal(o.return.uuid, last.uuid);
    assert.equal(o.return.slug, last.slug);
    assert.ok(!('token' in o.return));
    assert.ok(!containsString(o.return, last.token));
  }
  const journal = await ctx.ws.emulator.journalSince(mark);
  assert.equal(portalGets(journal).length, 6, 'three pages per lookup');
  assert.ok(journal.every((e) => e.method === 'GET'), 'invokes only read');
});

test('getPortals returns all 250 portals from 3 pages, in the API order, without tokens', async () => {
  const mark = await ctx.ws.emulator.journalMark();
  const [o] = await invokes('up', [{ tok: GET_PORTALS, args: {} }]);
  assert.equal(o.error, undefined, JSON.stringify(o.error));
  assert.deepEqual(o.return.portals.map((p) => p.uuid), seeded.map((p) => p.uuid));
  assert.ok(o.return.portals.every((p) => !('token' in p)));
  assert.equal(portalGets(await ctx.ws.emulator.journalSince(mark)).length, 3);
});

test('bad arguments are failures naming the argument; a missing uuid is NOT_FOUND naming it', async () => {
  const missing = '0190f5a2-7c1e-7a43-9a8e-3c4d5e6f7a8b';
  const out = await invokes('up', [
    { tok: GET_PORTAL, args: { uuid: 'not-a-uuid' } },
    { tok: GET_PORTAL, args: { slug: 42 } },
    { tok: GET_PORTAL, args: { slug: 'a', extra: true } },
    { tok: GET_PORTALS, args: { nameContains: ['x'] } },
    { tok: GET_PORTAL, args: { uuid: missing } },
  ]);
  assert.deepEqual(out.slice(0, 4).map((o) => o.failures?.map((f) => f.property)), [['uuid'], ['slug'], ['extra'], ['nameContains']]);
  assert.equal(out[4].error?.code, grpc.status.NOT_FOUND, JSON.stringify(out[4]));
  assert.match(out[4].error.details, new RegExp(`uuid "${missing}"`));
});

hygieneTests(ctx);
