// `pulumi up`: Check → Create, then Check → Diff → Update on later runs; slug rename, clear-by-null, set semantics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs, assertOk, stepOf, assertSecretString, writes, portalRequests, PORTAL_URL, QUERY2, isSecret } from './lib/fixtures.mjs';
import { VERSION, portalUrn } from './lib/workspace.mjs';

const ctx = useWorkspace();
const name = 'main';

test('create: one POST, outputs match the API, id is the UUID, token is a secret', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ description: 'Triggers main builds' }) }]);
  assertOk(r, 'up');
  const st = stepOf(r, name);
  assert.equal(st.op, 'create');
  const journal = await ws.emulator.journalSince(mark);
  const posts = journal.filter((e) => e.method === 'POST');
  assert.equal(posts.length, 1, 'exactly one POST');
  assert.equal(writes(journal).length, 1, 'no other write');
  assert.equal(posts[0].path, `/v2/organizations/${ws.org}/portals`);
  assert.equal(posts[0].bearer, ws.apiToken, 'Authorization: Bearer <apiToken>');
  const ua = Object.entries(posts[0].headers).find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
  assert.match(ua, new RegExp(`^pulumi-resource-buildkite-portals/${VERSION.replace(/\./g, '\\.')}(\\s|$)`));

  const out = st.create.properties;
  const stored = await ws.emulator.portal(st.create.id);
  assert.ok(stored, `id ${st.create.id} is the UUID of a stored portal`);
  assert.equal(out.uuid, stored.uuid);
  assert.equal(out.slug, stored.slug);
  assert.equal(out.name, 'Trigger main');
  assert.equal(out.query, portalInputs().query);
  assert.equal(out.description, 'Triggers main builds');
  assert.equal(out.userInvokable, false);
  assert.equal(out.organizationUuid, stored.organization_uuid);
  assert.equal(out.createdAt, stored.created_at, 'createdAt stored exactly as the API returned it');
  assert.equal(out.url, PORTAL_URL(ws.org, stored.slug));
  assert.equal(typeof out.createdBy, 'object');
  const cb = stored.created_by;
  assert.deepEqual(out.createdBy, { id: cb.id, graphqlId: cb.graphql_id, name: cb.name, email: cb.email, avatarUrl: cb.avatar_url, createdAt: cb.created_at });
  assert.equal(assertSecretString(out.token, 'token'), stored.token);
});

test('up with unchanged inputs: Diff is DIFF_NONE (an unset slug does not diff against the derived one), no write', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ description: 'Triggers main builds' }) }]);
  assertOk(r);
  const st = stepOf(r, name);
  assert.equal(st.diff.changes, 'DIFF_NONE', JSON.stringify(st.diff));
  assert.equal(st.op, 'same');
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
});

test('allowedIpAddresses: sent joined by single spaces; reordering is no change', async () => {
  const { ws } = ctx;
  const ips = ['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32'];
  let mark = await ws.emulator.journalMark();
  let r = await ws.up([{ name, inputs: portalInputs({ description: 'Triggers main builds', allowedIpAddresses: ips }) }]);
  assertOk(r);
  let st = stepOf(r, name);
  assert.equal(st.op, 'update');
  assert.deepEqual(st.diff.diffs, ['allowedIpAddresses']);
  const puts = (await ws.emulator.journalSince(mark)).filter((e) => e.method === 'PUT');
  assert.equal(puts.length, 1);
  assert.equal(puts[0].body.allowed_ip_addresses, ips.join(' '));
  assert.equal((await ws.emulator.portal(st.update.properties.uuid)).allowed_ip_addresses, ips.join(' '));

  mark = await ws.emulator.journalMark();
  r = await ws.up([{ name, inputs: portalInputs({ description: 'Triggers main builds', allowedIpAddresses: [...ips].reverse() }) }]);
  assertOk(r);
  st = stepOf(r, name);
  assert.equal(st.diff.changes, 'DIFF_NONE', 'allow-list compared as a set');
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
});

test('update: one PUT with every input (userInvokable always sent), detailed diff UPDATE, token carried forward', async () => {
  const { ws } = ctx;
  const before = ws.state.resources.get(portalUrn(name));
  const tokenBefore = before.outputs.token;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ description: 'Now with builds', query: QUERY2, allowedIpAddresses: ['10.0.0.0/8', '192.168.1.0/24', '2001:db8::/32'] }) }]);
  assertOk(r);
  const st = stepOf(r, name);
  assert.equal(st.op, 'update');
  assert.equal(st.diff.changes, 'DIFF_SOME');
  assert.deepEqual([...st.diff.diffs].sort(), ['description', 'query']);
  assert.ok(st.diff.hasDetailedDiff);
  assert.equal(st.diff.detailedDiff.description?.kind, 'UPDATE');
  assert.equal(st.diff.detailedDiff.query?.kind, 'UPDATE');
  assert.deepEqual(st.diff.replaces, []);
  const journal = await ws.emulator.journalSince(mark);
  assert.equal(writes(journal).length, 1);
  const put = writes(journal)[0];
  assert.equal(put.method, 'PUT');
  assert.equal(put.path, `/v2/organizations/${ws.org}/portals/${before.outputs.slug}`);
  for (const k of ['name', 'query', 'slug', 'description', 'allowed_ip_addresses', 'user_invokable']) assert.ok(k in put.body, `PUT body carries ${k}`);
  assert.equal(put.body.user_invokable, false);
  assert.equal(put.body.slug, before.outputs.slug, 'slug always sent so the API never regenerates it');
  const out = st.update.properties;
  assert.equal(out.query, QUERY2);
  assert.ok(isSecret(out.token), 'token stays secret on Update');
  assert.deepEqual(out.token, tokenBefore, 'token carried forward from prior state');
});

test('clear-by-null: removing description and allowedIpAddresses sends explicit nulls and clears them', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ query: QUERY2 }) }]);
  assertOk(r);
  const st = stepOf(r, name);
  assert.equal(st.op, 'update');
  assert.deepEqual([...st.diff.diffs].sort(), ['allowedIpAddresses', 'description']);
  assert.equal(st.diff.detailedDiff.description?.kind, 'DELETE');
  assert.equal(st.diff.detailedDiff.allowedIpAddresses?.kind, 'DELETE');
  const put = writes(await ws.emulator.journalSince(mark));
  assert.equal(put.length, 1);
  assert.ok('description' in put[0].body && put[0].body.description === null, `description: null in ${JSON.stringify(put[0].body)}`);
  assert.ok('allowed_ip_addresses' in put[0].body && put[0].body.allowed_ip_addresses === null);
  const stored = await ws.emulator.portal(st.update.properties.uuid);
  assert.equal(stored.description, null);
  assert.equal(stored.allowed_ip_addresses, null);
  assert.ok(st.update.properties.description === undefined || st.update.properties.description === null);
});

test('slug rename: exactly one PUT to the OLD slug carrying the new one, no replace, same id, url follows', async () => {
  const { ws } = ctx;
  const urn = portalUrn(name);
  const before = ws.state.resources.get(urn);
  const oldSlug = before.outputs.slug;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ query: QUERY2, slug: 'renamed-main' }) }]);
  assertOk(r);
  const st = stepOf(r, name);
  assert.equal(st.op, 'update', 'a slug change is an in-place update, never a replacement');
  assert.deepEqual(st.diff.replaces, []);
  assert.ok(!Object.values(st.diff.detailedDiff).some((d) => d.kind.endsWith('_REPLACE')), 'no *_REPLACE kind');
  assert.ok(st.diff.diffs.includes('slug'));
  const journal = await ws.emulator.journalSince(mark);
  assert.equal(journal.filter((e) => e.method === 'POST').length, 0, 'no POST');
  assert.equal(journal.filter((e) => e.method === 'DELETE').length, 0, 'no DELETE');
  const puts = journal.filter((e) => e.method === 'PUT');
  assert.equal(puts.length, 1, 'exactly one PUT');
  assert.equal(puts[0].path, `/v2/organizations/${ws.org}/portals/${oldSlug}`);
  assert.equal(puts[0].body.slug, 'renamed-main');
  const after = ws.state.resources.get(urn);
  assert.equal(after.id, before.id, 'ID (UUID) stable across the rename');
  assert.equal(after.outputs.slug, 'renamed-main');
  assert.equal(after.outputs.url, PORTAL_URL(ws.org, 'renamed-main'));
  assert.deepEqual(after.outputs.token, before.outputs.token, 'token carried forward');
  assert.equal((await ws.emulator.portal(before.id)).slug, 'renamed-main');
});

test('after a rename, later updates address the API by the slug in state', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ query: QUERY2, slug: 'renamed-main', userInvokable: true }) }]);
  assertOk(r);
  const puts = writes(await ws.emulator.journalSince(mark));
  assert.equal(puts.length, 1);
  assert.equal(puts[0].path, `/v2/organizations/${ws.org}/portals/renamed-main`);
  assert.equal(puts[0].body.user_invokable, true);
});

test('ignoreChanges: an ignored change is DIFF_NONE and writes nothing', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name, inputs: portalInputs({ query: QUERY2, slug: 'renamed-main', userInvokable: true, description: 'ignored' }), ignoreChanges: ['description'] }]);
  assertOk(r);
  assert.equal(stepOf(r, name).diff.changes, 'DIFF_NONE');
  assert.deepEqual(writes(await ws.emulator.journalSince(mark)), []);
});

test('removing a resource from the program deletes it (DELETE by slug) after the other steps', async () => {
  const { ws } = ctx;
  const mark = await ws.emulator.journalMark();
  const r = await ws.up([{ name: 'other', inputs: portalInputs({ name: 'Other portal' }) }]);
  assertOk(r);
  assert.deepEqual(r.steps.map((s) => `${s.op}:${s.name}`), ['create:other', `delete:${name}`]);
  const journal = await ws.emulator.journalSince(mark);
  const del = journal.filter((e) => e.method === 'DELETE');
  assert.equal(del.length, 1);
  assert.equal(del[0].path, `/v2/organizations/${ws.org}/portals/renamed-main`);
  const postIndex = journal.findIndex((e) => e.method === 'POST');
  assert.ok(postIndex >= 0 && postIndex < journal.indexOf(del[0]), 'delete runs after creates');
});

hygieneTests(ctx);
