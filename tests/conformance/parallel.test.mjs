// 40 resources registered at once: the engine runs their Check/Create steps concurrently on ONE provider process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pollUntil } from './lib/process.mjs';
import { useWorkspace, hygieneTests, portalInputs, assertOk, isSecret, unwrapSecrets } from './lib/fixtures.mjs';

const ctx = useWorkspace();
const N = 40;
const program = (extra = {}) => Array.from({ length: N }, (_, i) => ({
  name: `p${i}`,
  inputs: portalInputs({ name: `Parallel ${i}`, slug: `parallel-${i}`, ...extra }),
}));

test(`${N} parallel creates: all succeed, ${N} POSTs, ${N} distinct ids and secret tokens`, async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up(program());
  assertOk(r, 'up');
  assert.equal(r.steps.filter((s) => s.op === 'create').length, N);
  const ids = new Set(r.steps.map((s) => s.create.id));
  assert.equal(ids.size, N);
  const tokens = new Set(r.steps.map((s) => {
    assert.ok(isSecret(s.create.properties.token), `${s.name}: token secret`);
    return unwrapSecrets(s.create.properties.token);
  }));
  assert.equal(tokens.size, N);
  const journal = await ws.emulator.journalSince(mark);
  assert.equal(journal.filter((e) => e.method === 'POST').length, N, 'exactly one POST each, no duplicate creates');
  const stored = await ws.emulator.portals();
  assert.equal(stored.length, N);
  for (const s of r.steps) {
    const p = stored.find((x) => x.uuid === s.create.id);
    assert.ok(p, `${s.name} stored`);
    assert.equal(p.slug, s.create.properties.slug);
    assert.equal(unwrapSecrets(s.create.properties.token), p.token, `${s.name}: its own token, not another's`);
  }
});

test(`${N} parallel updates: one PUT each to its own slug`, async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up(program({ description: 'bulk edit' }));
  assertOk(r, 'up');
  assert.equal(r.steps.filter((s) => s.op === 'update').length, N);
  const puts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'PUT');
  assert.equal(puts.length, N);
  assert.deepEqual(new Set(puts.map((e) => e.path)).size, N);
  assert.ok((await ws.emulator.portals()).every((p) => p.description === 'bulk edit'));
});

test(`calls are not serialized: while every second POST is held by the API, the other creates complete`, async () => {
  const { ws } = ctx;
  // Every 2nd POST hangs until released. A provider that runs one call at a time gets stuck behind the first
  // held POST; a concurrent one finishes the other N/2 creates. (A count-limited hang cannot be released:
  // the emulator drops the rule once it fires, so this uses every_nth without a count.)
  const hold = await ws.emulator.addFault({ kind: 'hang', method: 'POST', every_nth: 2 });
  const extra = Array.from({ length: N }, (_, i) => ({ name: `q${i}`, inputs: portalInputs({ name: `Held ${i}`, slug: `held-${i}` }) }));
  const running = ws.up([...program({ description: 'bulk edit' }), ...extra]);
  try {
    await pollUntil(async () => (await ws.emulator.portals()).filter((p) => p.slug.startsWith('held-')).length >= N / 2,
      { timeoutMs: 30_000, message: `${N / 2} creates to finish while the other POSTs are held` });
  } finally {
    await ws.emulator.releaseFault(hold.id).catch(() => {});
  }
  assertOk(await running, 'up');
  assert.equal((await ws.emulator.portals()).filter((p) => p.slug.startsWith('held-')).length, N);
});

test(`${N * 2} deletes on destroy`, async () => {
  const { ws } = ctx;
  const r = await ws.destroy();
  assertOk(r, 'destroy');
  assert.equal((await ws.emulator.portals()).length, 0);
});

hygieneTests(ctx);
