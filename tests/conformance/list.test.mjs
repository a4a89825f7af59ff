// Resource discovery: the List RPC (ListRequest → stream of ListResponse) for buildkite-portals:index:Portal, through
// Pulumi's generated client. One Result per portal (id = UUID, name = slug); page_size bounds one call, limit the
// whole listing; a Continuation ends a stream when more remain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests } from './lib/fixtures.mjs';
import { grpc } from './lib/proto.mjs';
import { UNKNOWN } from './lib/struct.mjs';

const ctx = useWorkspace({ org: 'list-org' });
const PORTAL = 'buildkite-portals:index:Portal';
let seeded = [];

/** Runs `fn(session)` in one configured provider (as an engine would before listing). */
async function withProvider(fn) {
  const { ws } = ctx;
  const r = await ws.command('list', async (s) => {
    await ws.configureFromProgram(s);
    return { out: await fn(s) };
  });
  return r.out;
}

/** Follows continuations to the end; returns every result and the number of calls. */
async function listAll(s, request) {
  const results = [];
  let continuationToken = '';
  let calls = 0;
  do {
    const items = await s.list({ ...request, continuationToken });
    calls++;
    const conts = items.filter((i) => 'continuation' in i);
    assert.ok(conts.length <= 1, 'at most one continuation per stream');
    if (conts.length) assert.ok('continuation' in items.at(-1), 'the continuation ends the stream');
    results.push(...items.filter((i) => 'result' in i).map((i) => i.result));
    continuationToken = conts[0]?.continuation ?? '';
  } while (continuationToken && calls < 20);
  return { results, calls };
}

test('List: 250 portals with page_size 100 take 3 calls; every portal once, id = uuid, name = slug', async () => {
  seeded = await ctx.ws.emulator.seed([], { count: 250 });
  const { results, calls } = await withProvider((s) => listAll(s, { token: PORTAL, pageSize: 100 }));
  assert.equal(calls, 3);
  assert.equal(results.length, 250);
  assert.equal(new Set(results.map((r) => r.id)).size, 250);
  const bySlug = new Map(seeded.map((p) => [p.uuid, p.slug]));
  for (const r of results) assert.equal(r.name, bySlug.get(r.id), `name of ${r.id}`);
});

test('List: without page_size every portal comes in one stream, no continuation', async () => {
  const items = await withProvider((s) => s.list({ token: PORTAL }));
  assert.equal(items.length, 250);
  assert.ok(items.every((i) => 'result' in i));
});

test('List: limit holds across continuations', async () => {
  const { results } = await withProvider((s) => listAll(s, { token: PORTAL, pageSize: 40, limit: 90 }));
  assert.equal(results.length, 90);
});

test('List: query nameContains filters; unknown query values answer Computed', async () => {
  await ctx.ws.emulator.seed([{ name: 'Deploy status', slug: 'deploy-status' }]);
  const [filtered, computed] = await withProvider(async (s) => [
    await s.list({ token: PORTAL, query: { nameContains: 'DEPLOY' } }),
    await s.list({ token: PORTAL, query: { nameContains: UNKNOWN } }),
  ]);
  assert.deepEqual(filtered, [{ result: { id: filtered[0].result.id, name: 'deploy-status' } }]);
  assert.deepEqual(computed, [{ computed: true }]);
});

test('List: another type, a forged continuation token or a negative page size is INVALID_ARGUMENT', async () => {
  const errors = await withProvider(async (s) => {
    const out = [];
    for (const req of [{ token: 'buildkite-portals:index:Other' }, { token: PORTAL, continuationToken: 'forged' }, { token: PORTAL, pageSize: -1 }]) {
      try { await s.list(req); out.push(undefined); } catch (e) { out.push(e.describe); }
    }
    return out;
  });
  for (const e of errors) {
    assert.ok(e, 'must fail');
    assert.equal(e.code, grpc.status.INVALID_ARGUMENT, JSON.stringify(e));
  }
  assert.match(errors[1].details, /continuation_token/);
  assert.match(errors[2].details, /page_size/);
});

hygieneTests(ctx);
