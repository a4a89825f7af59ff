// Check: every input validated, all failures at once with property paths, never an exception for bad input.
import assert from 'node:assert/strict';
import { test, before } from 'node:test';
import { useWorkspace, hygieneTests, portalInputs } from './lib/fixtures.mjs';
import { portalUrn, PORTAL_TYPE } from './lib/workspace.mjs';

const ctx = useWorkspace();

// Every case below is checked by ONE provider process (configured like `pulumi up`) in `before`; the tests then
// assert on the results. One process instead of one per test keeps the file fast; the calls are identical.
const CASES = {
  valid: portalInputs({ allowedIpAddresses: ['10.0.0.0/8', '2001:db8::/32'], userInvokable: true, slug: 'ok-slug-1', description: 'x' }),
  bare: portalInputs(),
  empty: {},
  blankName: portalInputs({ name: '   ' }),
  badQuery: portalInputs({ query: 'query Viewer {\n  viewer {\n    user { name \n}\n' }),
  slugUpper: portalInputs({ slug: 'Bad_Slug' }),
  slugLead: portalInputs({ slug: '-lead' }),
  slugLong: portalInputs({ slug: 'a'.repeat(101) }),
  slugSpace: portalInputs({ slug: 'has space' }),
  slug100: portalInputs({ slug: 'a'.repeat(100) }),
  badIps: portalInputs({ allowedIpAddresses: ['10.0.0.0/8', 'not-an-ip', '192.168.0.0/16', '300.1.1.1/8'] }),
  wrongTypes: { name: 42, query: ['x'], slug: 'UPPER', description: { a: 1 }, allowedIpAddresses: 'a string', userInvokable: 'yes' },
  nulls: portalInputs({ description: null, allowedIpAddresses: null, slug: null, userInvokable: null }),
};
const results = {};

before(async () => {
  const ws = await ctx.ready;
  await ws.command('preview', async (s) => {
    await ws.configureFromProgram(s);
    for (const [key, news] of Object.entries(CASES)) {
      try {
        results[key] = await s.check({ urn: portalUrn('c'), name: 'c', type: PORTAL_TYPE, olds: {}, news });
      } catch (e) {
        results[key] = { error: e.describe ?? { details: e.message }, failures: [] };
      }
    }
  });
});

const props = (r) => r.failures.map((f) => f.property).sort();

test('valid inputs: no failures; defaults applied without inventing a slug', () => {
  const r = results.valid;
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.deepEqual(r.failures, []);
  assert.equal(r.inputs.name, 'Trigger main');
  assert.equal(r.inputs.slug, 'ok-slug-1');
  assert.deepEqual(r.inputs.allowedIpAddresses, ['10.0.0.0/8', '2001:db8::/32']);
  const bare = results.bare;
  assert.deepEqual(bare.failures, []);
  assert.ok(bare.inputs.slug === undefined || bare.inputs.slug === null, 'an unset slug is not invented by Check');
});

test('missing required name and query: both reported at once', () => {
  const r = results.empty;
  assert.equal(r.error, undefined, 'bad input must be failures, not an RPC error');
  assert.deepEqual(props(r), ['name', 'query']);
});

test('blank name fails', () => {
  const r = results.blankName;
  assert.deepEqual(props(r), ['name']);
});

test('GraphQL syntax error in query: failure names line and column', () => {
  const r = results.badQuery;
  assert.deepEqual(props(r), ['query']);
  assert.match(r.failures[0].reason, /line\D{0,12}\d+/i, `reason names the line: ${r.failures[0].reason}`);
  assert.match(r.failures[0].reason, /col(umn)?\D{0,12}\d+/i, `reason names the column: ${r.failures[0].reason}`);
});

test('invalid slugs fail: uppercase, underscore, leading dash, over 100 chars', async () => {
  const rs = [results.slugUpper, results.slugLead, results.slugLong, results.slugSpace];
  for (const r of rs) assert.deepEqual(props(r), ['slug'], JSON.stringify(r));
  const ok = results.slug100;
  assert.deepEqual(ok.failures, [], '100 chars is allowed');
});

test('allowedIpAddresses: each entry a CIDR; failures carry the element path', () => {
  const r = results.badIps;
  assert.deepEqual(props(r), ['allowedIpAddresses[1]', 'allowedIpAddresses[3]']);
});

test('every problem at once, wrong types included, never an exception', () => {
  const r = results.wrongTypes;
  assert.equal(r.error, undefined, `Check threw instead of reporting failures: ${JSON.stringify(r.error)}`);
  assert.deepEqual(props(r), ['allowedIpAddresses', 'description', 'name', 'query', 'slug', 'userInvokable']);
  for (const f of r.failures) assert.ok(f.reason.length > 0, `a reason for ${f.property}`);
});

test('null optional inputs are accepted as "not set"', () => {
  const r = results.nulls;
  assert.deepEqual(r.failures, []);
});

hygieneTests(ctx);
