// Check: every input validated, all failures at once with property paths, never an exception for bad input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs } from './lib/fixtures.mjs';
import { portalUrn, PORTAL_TYPE } from './lib/workspace.mjs';

const ctx = useWorkspace();

/** Runs Check for each `news` inside one provider process (configured like `pulumi up`). */
async function checkAll(newsList) {
  const { ws } = ctx;
  return (await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    const results = [];
    for (const news of newsList) {
      try {
        results.push(await s.check({ urn: portalUrn('c'), name: 'c', type: PORTAL_TYPE, olds: {}, news }));
      } catch (e) {
        results.push({ error: e.describe ?? { details: e.message } });
      }
    }
    return { results };
  })).results;
}

const props = (r) => r.failures.map((f) => f.property).sort();

test('valid inputs: no failures; defaults applied without inventing a slug', async () => {
  const [r] = await checkAll([portalInputs({ allowedIpAddresses: ['10.0.0.0/8', '2001:db8::/32'], userInvokable: true, slug: 'ok-slug-1', description: 'x' })]);
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.deepEqual(r.failures, []);
  assert.equal(r.inputs.name, 'Trigger main');
  assert.equal(r.inputs.slug, 'ok-slug-1');
  assert.deepEqual(r.inputs.allowedIpAddresses, ['10.0.0.0/8', '2001:db8::/32']);
  const [bare] = await checkAll([portalInputs()]);
  assert.deepEqual(bare.failures, []);
  assert.ok(bare.inputs.slug === undefined || bare.inputs.slug === null, 'an unset slug is not invented by Check');
});

test('missing required name and query: both reported at once', async () => {
  const [r] = await checkAll([{}]);
  assert.equal(r.error, undefined, 'bad input must be failures, not an RPC error');
  assert.deepEqual(props(r), ['name', 'query']);
});

test('blank name fails', async () => {
  const [r] = await checkAll([portalInputs({ name: '   ' })]);
  assert.deepEqual(props(r), ['name']);
});

test('GraphQL syntax error in query: failure names line and column', async () => {
  const [r] = await checkAll([portalInputs({ query: 'query Viewer {\n  viewer {\n    user { name \n}\n' })]);
  assert.deepEqual(props(r), ['query']);
  assert.match(r.failures[0].reason, /line\D{0,12}\d+/i, `reason names the line: ${r.failures[0].reason}`);
  assert.match(r.failures[0].reason, /col(umn)?\D{0,12}\d+/i, `reason names the column: ${r.failures[0].reason}`);
});

test('invalid slugs fail: uppercase, underscore, leading dash, over 100 chars', async () => {
  const rs = await checkAll(['Bad_Slug', '-lead', 'a'.repeat(101), 'has space'].map((slug) => portalInputs({ slug })));
  for (const r of rs) assert.deepEqual(props(r), ['slug'], JSON.stringify(r));
  const [ok] = await checkAll([portalInputs({ slug: 'a'.repeat(100) })]);
  assert.deepEqual(ok.failures, [], '100 chars is allowed');
});

test('allowedIpAddresses: each entry a CIDR; failures carry the element path', async () => {
  const [r] = await checkAll([portalInputs({ allowedIpAddresses: ['10.0.0.0/8', 'not-an-ip', '192.168.0.0/16', '300.1.1.1/8'] })]);
  assert.deepEqual(props(r), ['allowedIpAddresses[1]', 'allowedIpAddresses[3]']);
});

test('every problem at once, wrong types included, never an exception', async () => {
  const [r] = await checkAll([{ name: 42, query: ['x'], slug: 'UPPER', description: { a: 1 }, allowedIpAddresses: 'a string', userInvokable: 'yes' }]);
  assert.equal(r.error, undefined, `Check threw instead of reporting failures: ${JSON.stringify(r.error)}`);
  assert.deepEqual(props(r), ['allowedIpAddresses', 'description', 'name', 'query', 'slug', 'userInvokable']);
  for (const f of r.failures) assert.ok(f.reason.length > 0, `a reason for ${f.property}`);
});

test('null optional inputs are accepted as "not set"', async () => {
  const [r] = await checkAll([portalInputs({ description: null, allowedIpAddresses: null, slug: null, userInvokable: null })]);
  assert.deepEqual(r.failures, []);
});

hygieneTests(ctx);
