// `pulumi destroy`: Configure from state only, then Delete per resource. 404 = already deleted;
// a 422 is reported with the API's message and the resource stays in state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf } from './lib/fixtures.mjs';
import { portalUrn } from './lib/workspace.mjs';

const ctx = useWorkspace();
let lastDeleteError;

test('destroy: Handshake → GetPluginInfo → Configure → Delete… → Cancel; one DELETE per portal by slug', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([
    { name: 'one', inputs: portalInputs({ name: 'One', slug: 'one' }) },
    { name: 'two', inputs: portalInputs({ name: 'Two', slug: 'two' }) },
  ]), 'up');
  const mark = await ws.emulator.journalMark();
  const r = await ws.destroy();
  assertOk(r, 'destroy');
  assert.deepEqual(r.calls, ['handshake', 'getPluginInfo', 'configure', 'delete', 'delete', 'cancel']);
  const journal = await ws.emulator.journalSince(mark);
  assert.deepEqual(journal.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`).sort(), [
    `DELETE /v2/organizations/${ws.org}/portals/one`,
    `DELETE /v2/organizations/${ws.org}/portals/two`,
  ]);
  assert.equal((await ws.emulator.portals()).length, 0);
  assert.equal(ws.state.resources.size, 0);
});

test('destroy of a portal already deleted outside Pulumi succeeds (404 counts as deleted)', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([{ name: 'gone', inputs: portalInputs({ name: 'Gone', slug: 'gone' }) }]), 'up');
  await ws.emulator.outOfBandDelete('gone');
  const r = await ws.destroy();
  assertOk(r, 'destroy');
  assert.equal(ws.state.resources.size, 0);
});

test('a 503 on DELETE is retried (DELETE is idempotent)', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([{ name: 'flaky', inputs: portalInputs({ name: 'Flaky', slug: 'flaky' }) }]), 'up');
  const mark = await ws.emulator.journalMark();
  const f = await ws.emulator.addFault({ kind: 'server_error', status: 503, method: 'DELETE', count: 1 });
  try {
    assertOk(await ws.destroy(), 'destroy');
  } finally {
    await ws.emulator.removeFault(f.id).catch(() => {});
  }
  const dels = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'DELETE');
  assert.deepEqual(dels.map((e) => e.status), [503, 204]);
  assert.equal((await ws.emulator.portals()).length, 0);
});

test('a 422 on delete fails with the API message, names the portal, and keeps it in state', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([{ name: 'stuck', inputs: portalInputs({ name: 'Stuck', slug: 'stuck' }) }]), 'up');
  const fault = await ws.emulator.addFault({ kind: 'status', status: 422, message: 'Portal is referenced by an active integration', method: 'DELETE', count: 1 });
  try {
    const r = await ws.destroy();
    const st = stepOf(r, 'stuck');
    assert.ok(st.error, 'delete must fail');
    assert.match(st.error.details, /Portal is referenced by an active integration/);
    assert.match(st.error.details, /422/);
    assert.match(st.error.details, /stuck/, 'names the portal');
    lastDeleteError = st.error;
    assert.ok(ws.state.resources.has(portalUrn('stuck')));
    assert.ok(await ws.emulator.portal(ws.state.resources.get(portalUrn('stuck')).id));
  } finally {
    await ws.emulator.removeFault(fault.id).catch(() => {});
  }
  assertOk(await ws.destroy(), 'second destroy');
  assert.equal((await ws.emulator.portals()).length, 0);
});

test('a delete the API refused is a definite failure (not INTERNAL/UNKNOWN, which flag the stack as maybe corrupt)', () => {
  assert.ok(lastDeleteError, 'previous test produced the error');
  assert.ok(!['UNKNOWN', 'INTERNAL', 'DATA_LOSS'].includes(lastDeleteError.codeName), `got ${lastDeleteError.codeName}`);
});

hygieneTests(ctx);
