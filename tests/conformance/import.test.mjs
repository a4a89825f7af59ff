// `pulumi import` (Read by id only → Check(read inputs, read inputs) → schema codegen) and the `import:` resource
// option (Read → Check(read inputs, program) → Diff). Round trip: the generated code then diffs as DIFF_NONE.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, writes, PORTAL_URL, QUERY2 } from './lib/fixtures.mjs';
import { portalUrn, PORTAL_TYPE } from './lib/workspace.mjs';

const ctx = useWorkspace();
let seeded;

test('pulumi import by slug: id is the UUID, full outputs, inputs are exactly schema input properties, no token', async () => {
  const { ws } = ctx;
  [seeded] = await ws.emulator.seed([{
    name: 'Seeded portal', slug: 'seeded-portal', query: QUERY2, description: 'made in the UI',
    allowed_ip_addresses: '10.0.0.0/8 192.168.0.0/16', user_invokable: true,
  }]);
  const mark = await ws.emulator.journalMark();
  const r = await ws.importCli('seeded', 'seeded-portal');
  assert.equal(r.read.id, seeded.uuid, 'resource ID is the UUID');
  const out = r.read.properties;
  assert.equal(out.uuid, seeded.uuid);
  assert.equal(out.slug, 'seeded-portal');
  assert.equal(out.name, 'Seeded portal');
  assert.equal(out.query, QUERY2);
  assert.equal(out.description, 'made in the UI');
  assert.deepEqual(out.allowedIpAddresses, ['10.0.0.0/8', '192.168.0.0/16']);
  assert.equal(out.userInvokable, true);
  assert.equal(out.createdAt, seeded.created_at);
  assert.equal(out.url, PORTAL_URL(ws.org, 'seeded-portal'));
  assert.ok(out.token === undefined || out.token === null, 'token is absent after import (the API never returns it again)');

  const schemaInputs = Object.keys(r.schema.resources[PORTAL_TYPE].inputProperties);
  for (const k of Object.keys(r.read.inputs)) assert.ok(schemaInputs.includes(k), `Read input ${k} is a schema input property`);
  assert.deepEqual(r.read.inputs, {
    name: 'Seeded portal', query: QUERY2, slug: 'seeded-portal', description: 'made in the UI',
    allowedIpAddresses: ['10.0.0.0/8', '192.168.0.0/16'], userInvokable: true,
  });
  assert.deepEqual(r.check.failures, [], 'Check(read inputs, read inputs) must not fail');
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), [], 'import writes nothing');
  assert.equal(ws.state.resources.get(portalUrn('seeded')).protect, true, 'imported resources are protected');
});

test('import tells the user through the engine Log (not stdout) that the token cannot be read back', () => {
  const { ws } = ctx;
  const logs = ws.engine.logs.filter((l) => l.urn === portalUrn('seeded'));
  assert.ok(logs.some((l) => ['WARNING', 'INFO'].includes(l.severity) && /token/i.test(l.message)),
    `Log calls for the imported URN: ${JSON.stringify(ws.engine.logs)}`);
});

test('import round trip: `pulumi up` with the generated code is DIFF_NONE and writes nothing', async () => {
  const { ws } = ctx;
  const generated = ws.state.resources.get(portalUrn('seeded')).inputs;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name: 'seeded', inputs: generated }]);
  assertOk(r);
  const st = stepOf(r, 'seeded');
  assert.equal(st.diff.changes, 'DIFF_NONE', JSON.stringify(st.diff));
  assert.equal(st.op, 'same');
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
});

test('refresh of an imported portal: no diff, and the token stays absent (never invented)', async () => {
  const { ws } = ctx;
  const r = await ws.refresh();
  assertOk(r, 'refresh');
  const st = stepOf(r, 'seeded');
  assert.equal(st.diff.changes, 'DIFF_NONE', JSON.stringify(st.diff));
  const t = st.read.properties.token;
  assert.ok(t === undefined || t === null, `token after import+refresh: ${JSON.stringify(t)}`);
});

test('a protected (imported) resource is not deleted until unprotected', async () => {
  const { ws } = ctx;
  ws.state.resources.get(portalUrn('seeded')).protect = true;
  const r = await ws.destroy();
  assert.equal(r.ok, false);
  assert.ok(await ws.emulator.portal(seeded.uuid), 'still there');
  ws.unprotect('seeded');
});

test('pulumi import by UUID works too', async () => {
  const { ws } = ctx;
  const [p] = await ws.emulator.seed([{ name: 'By uuid', slug: 'by-uuid' }]);
  await ws.emulator.seed([], { count: 120 }); // the UUID lookup must page through the list
  const r = await ws.importCli('byuuid', p.uuid);
  assert.equal(r.read.id, p.uuid);
  assert.equal(r.read.properties.slug, 'by-uuid');
  assert.deepEqual(r.check.failures, []);
  const up = await ws.up([
    { name: 'seeded', inputs: ws.state.resources.get(portalUrn('seeded')).inputs },
    { name: 'byuuid', inputs: r.generatedInputs },
  ]);
  assertOk(up);
  assert.equal(stepOf(up, 'byuuid').diff.changes, 'DIFF_NONE');
});

test('pulumi import of an id that does not exist fails and adds nothing to state', async () => {
  const { ws } = ctx;
  await assert.rejects(ws.importCli('ghost', 'no-such-portal'));
  await assert.rejects(ws.importCli('ghost2', '00000000-0000-4000-8000-000000000000'));
  assert.ok(!ws.state.resources.has(portalUrn('ghost')));
  assert.ok(!ws.state.resources.has(portalUrn('ghost2')));
});

test('import: option with matching program inputs is a clean import (DIFF_NONE, no write)', async () => {
  const { ws } = ctx;
  const [p] = await ws.emulator.seed([{ name: 'Option import', slug: 'option-import', description: 'desc' }]);
  const program = () => [
    { name: 'seeded', inputs: ws.state.resources.get(portalUrn('seeded')).inputs },
    { name: 'byuuid', inputs: ws.state.resources.get(portalUrn('byuuid')).inputs },
  ];
  const mark = await ws.emulator.journalMark();
  const inputs = { name: 'Option import', query: p.query, slug: 'option-import', description: 'desc' };
  const r = await ws.up([...program(), { name: 'opt', inputs, import: 'option-import' }]);
  assertOk(r);
  const st = stepOf(r, 'opt');
  assert.equal(st.op, 'import', JSON.stringify(st.diff));
  assert.equal(st.diff.changes, 'DIFF_NONE');
  assert.equal(st.read.id, p.uuid);
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
  assert.equal(ws.state.resources.get(portalUrn('opt')).id, p.uuid);
});

test('import: option with a differing input imports then updates in place (one PUT, never a replace)', async () => {
  const { ws } = ctx;
  const [p] = await ws.emulator.seed([{ name: 'Option import 2', slug: 'option-import-2' }]);
  const keep = ['seeded', 'byuuid', 'opt'].map((n) => ({ name: n, inputs: ws.state.resources.get(portalUrn(n)).inputs }));
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([...keep, { name: 'opt2', inputs: { name: 'Option import 2', query: p.query, description: 'added by program' }, import: p.uuid }]);
  assertOk(r);
  const st = stepOf(r, 'opt2');
  assert.equal(st.op, 'import-then-update');
  assert.deepEqual(st.diff.diffs, ['description']);
  assert.deepEqual(st.diff.replaces, []);
  const w = writes(await ws.emulator.journalSince(mark));
  assert.equal(w.length, 1);
  assert.equal(w[0].method, 'PUT');
  assert.equal(w[0].path, `/v2/organizations/${ws.org}/portals/option-import-2`);
  assert.equal((await ws.emulator.portal(p.uuid)).description, 'added by program');
});

hygieneTests(ctx);
