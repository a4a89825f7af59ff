// `pulumi preview`: Check (unknowns pass through) → Create(preview) / Diff → Update(preview). No API writes, and
// Create(preview)/Update(preview) make no API call at all; server-assigned outputs are unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, assertNotKnown, writes } from './lib/fixtures.mjs';
import { UNKNOWN, isUnknown } from './lib/struct.mjs';
import { portalUrn, PORTAL_TYPE } from './lib/workspace.mjs';

const ctx = useWorkspace();

test('preview of a new portal: Create(preview) makes no API call; server-assigned outputs unknown; inputs echoed', async () => {
  const { ws } = ctx;
  const r = await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('new'), name: 'new', type: PORTAL_TYPE };
    const checked = await s.check({ ...common, olds: {}, news: portalInputs({ description: 'd' }) });
    assert.deepEqual(checked.failures, []);
    const mark = await ws.emulator.journalMark();
    const created = await s.create({ ...common, properties: checked.inputs, preview: true });
    const journal = await ws.emulator.journalSince(mark);
    return { checked, created, journal };
  });
  assert.deepEqual(r.journal, [], 'Create(preview) made an API call');
  const out = r.created.properties;
  assert.equal(out.name, 'Trigger main');
  assert.equal(out.query, portalInputs().query);
  assert.equal(out.description, 'd');
  for (const k of ['uuid', 'organizationUuid', 'createdAt', 'createdBy', 'token']) assertNotKnown(out, k);
  // Without a slug in the program the API derives it: neither slug nor url may be guessed.
  assertNotKnown(out, 'slug');
  assertNotKnown(out, 'url');
  assert.equal(ws.state.resources.size, 0, 'preview changes no state');
  assert.equal((await ws.emulator.portals()).length, 0, 'preview created nothing');
});

test('Check passes unknown values through unvalidated (name, query, slug, description, allowedIpAddresses, userInvokable)', async () => {
  const { ws } = ctx;
  const r = await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('unknowns'), name: 'unknowns', type: PORTAL_TYPE };
    const news = { name: UNKNOWN, query: UNKNOWN, slug: UNKNOWN, description: UNKNOWN, allowedIpAddresses: UNKNOWN, userInvokable: UNKNOWN };
    const checked = await s.check({ ...common, olds: {}, news });
    const listElem = await s.check({ ...common, olds: {}, news: portalInputs({ allowedIpAddresses: ['10.0.0.0/8', UNKNOWN] }) });
    const created = await s.create({ ...common, properties: checked.inputs, preview: true });
    return { checked, listElem, created };
  });
  assert.deepEqual(r.checked.failures, [], 'unknowns must not fail validation');
  for (const k of ['name', 'query', 'slug', 'description', 'allowedIpAddresses']) {
    assert.ok(isUnknown(r.checked.inputs[k]), `${k} stays unknown after Check, got ${JSON.stringify(r.checked.inputs[k])}`);
  }
  assert.deepEqual(r.listElem.failures, [], 'an unknown list element is not validated');
  assert.ok(isUnknown(r.listElem.inputs.allowedIpAddresses[1]));
  assertNotKnown(r.created.properties, 'slug');
  assertNotKnown(r.created.properties, 'url');
});

test('preview of an update: Diff names the change, Update(preview) makes no API call and writes nothing', async () => {
  const { ws } = ctx;
  assertOk(await ws.up([{ name: 'existing', inputs: portalInputs({ name: 'Existing', slug: 'existing' }) }]), 'up');
  const before = ws.state.resources.get(portalUrn('existing'));
  const r = await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('existing'), name: 'existing', type: PORTAL_TYPE };
    const checked = await s.check({ ...common, olds: before.inputs, news: portalInputs({ name: 'Existing', slug: 'existing-2', description: 'new' }) });
    const diff = await s.diff({ ...common, id: before.id, olds: before.outputs, oldInputs: before.inputs, news: checked.inputs });
    const mark = await ws.emulator.journalMark();
    const updated = await s.update({ ...common, id: before.id, olds: before.outputs, oldInputs: before.inputs, news: checked.inputs, preview: true });
    return { diff, updated, journal: await ws.emulator.journalSince(mark) };
  });
  assert.equal(r.diff.changes, 'DIFF_SOME');
  assert.deepEqual([...r.diff.diffs].sort(), ['description', 'slug']);
  assert.equal(r.diff.detailedDiff.slug?.kind, 'UPDATE');
  assert.equal(r.diff.detailedDiff.description?.kind, 'ADD');
  assert.deepEqual(r.diff.replaces, [], 'a slug change never replaces');
  assert.deepEqual(r.journal, [], 'Update(preview) made an API call');
  assert.equal(r.updated.properties.slug, 'existing-2');
  assert.equal(r.updated.properties.description, 'new');
  assert.equal(r.updated.properties.uuid, before.outputs.uuid, 'known outputs stay known');
  assert.equal((await ws.emulator.portal(before.id)).slug, 'existing', 'nothing renamed by a preview');
});

test('preview with an unknown slug on an existing portal: DIFF_SOME, url unknown in Update(preview)', async () => {
  const { ws } = ctx;
  const before = ws.state.resources.get(portalUrn('existing'));
  const r = await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    const common = { urn: portalUrn('existing'), name: 'existing', type: PORTAL_TYPE };
    const checked = await s.check({ ...common, olds: before.inputs, news: portalInputs({ name: 'Existing', slug: UNKNOWN }) });
    const diff = await s.diff({ ...common, id: before.id, olds: before.outputs, oldInputs: before.inputs, news: checked.inputs });
    const updated = await s.update({ ...common, id: before.id, olds: before.outputs, oldInputs: before.inputs, news: checked.inputs, preview: true });
    return { checked, diff, updated };
  });
  assert.deepEqual(r.checked.failures, []);
  assert.equal(r.diff.changes, 'DIFF_SOME', 'an unknown new slug is a (possible) change');
  assert.ok(r.diff.diffs.includes('slug'));
  assert.deepEqual(r.diff.replaces, []);
  assertNotKnown(r.updated.properties, 'slug');
  assertNotKnown(r.updated.properties, 'url');
});

test('engine-level preview: new + changed + removed resources, no writes, state untouched', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const stateBefore = JSON.stringify([...ws.state.resources.entries()]);
  const r = await ws.preview([
    { name: 'existing', inputs: portalInputs({ name: 'Existing', slug: 'existing', description: 'changed' }) },
    { name: 'brand-new', inputs: portalInputs({ name: 'Brand new' }) },
  ]);
  assertOk(r, 'preview');
  assert.equal(stepOf(r, 'existing').op, 'update');
  assert.equal(stepOf(r, 'brand-new').op, 'create');
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
  assert.equal(JSON.stringify([...ws.state.resources.entries()]), stateBefore);
  assert.ok(!r.calls.includes('delete'), 'preview never deletes');
  assert.deepEqual(r.calls.slice(0, 4), ['handshake', 'getPluginInfo', 'checkConfig', 'diffConfig']);
  assert.equal(r.calls[4], 'configure');
  assert.equal(r.calls.at(-1), 'cancel');
  assert.deepEqual(r.calls.filter((c) => !['handshake', 'getPluginInfo', 'checkConfig', 'diffConfig', 'configure', 'cancel'].includes(c)).sort(),
    ['check', 'check', 'create', 'diff', 'update']);
});

hygieneTests(ctx);
