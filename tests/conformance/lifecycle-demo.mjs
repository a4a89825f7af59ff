#!/usr/bin/env node
// Lifecycle demo without the Pulumi CLI: starts the Portals API emulator and the provider exactly as the engine
// does, then drives create → rename preview → update → destroy through Pulumi's own generated gRPC client and
// prints an engine-style summary. Exit code 0 only if every step succeeded as the contract says.
//
//   node tests/conformance/lifecycle-demo.mjs            (after `npm ci` here and a Release build)
import { Workspace, PORTAL_TYPE } from './lib/workspace.mjs';
import { isSecret, isUnknown, unwrapSecrets } from './lib/struct.mjs';

const NAME = 'trigger-main';
const QUERY = 'query TriggerMain {\n  viewer { user { name } }\n}\n';
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
const green = (s) => paint('32', s);
const yellow = (s) => paint('33', s);
const red = (s) => paint('31', s);
const bold = (s) => paint('1', s);

const show = (v) => {
  if (v === undefined) return 'undefined';
  if (isSecret(v)) return '[secret]';
  if (isUnknown(v)) return '[unknown]';
  return JSON.stringify(v);
};

let failed = false;
function check(ok, message) {
  if (!ok) {
    failed = true;
    console.log(red(`  ✗ ${message}`));
  }
  return ok;
}

function stepErrors(result) {
  return (result.steps ?? []).filter((s) => s.error || s.failures)
    .map((s) => `${s.name}: ${s.error ? `${s.error.codeName ?? ''} ${s.error.details}` : JSON.stringify(s.failures)}`);
}

function printDiff(diff, olds, news) {
  for (const key of diff.diffs) {
    const kind = diff.detailedDiff[key]?.kind ?? 'UPDATE';
    const sym = kind.startsWith('ADD') ? green('+') : kind.startsWith('DELETE') ? red('-') : yellow('~');
    console.log(`      ${sym} ${key}: ${show(olds?.[key])} => ${show(news?.[key])}${kind.endsWith('_REPLACE') ? red(' (replace)') : ''}`);
  }
}

async function main() {
  const started = Date.now();
  console.log(bold('Starting the Portals API emulator and the fake engine…'));
  const ws = await Workspace.start({ org: 'demo-org' });
  const counts = { create: 0, update: 0, delete: 0 };
  try {
    console.log(`  emulator ${ws.emulator.baseUrl}, engine ${ws.engine.address}\n`);

    // 1. pulumi up: create
    const v1 = [{ name: NAME, inputs: { name: 'Trigger main', slug: 'trigger-main', query: QUERY, description: 'Triggers builds on main' } }];
    console.log(bold('Previewing update (conformance):'));
    const p1 = await ws.preview(v1);
    for (const s of p1.steps) console.log(`  ${green('+')} create ${PORTAL_TYPE} ${s.name}`);
    check(p1.ok, `preview failed: ${stepErrors(p1).join('; ')}`);

    console.log(bold('\nUpdating (conformance):'));
    const u1 = await ws.up(v1);
    if (!check(u1.ok, `up failed: ${stepErrors(u1).join('; ')}`)) return;
    const created = u1.steps[0].create;
    counts.create += 1;
    console.log(`  ${green('+')} create ${PORTAL_TYPE} ${NAME} ${green('created')} (id ${created.id})`);
    const slug = created.properties.slug;
    console.log(`      slug: ${show(slug)}  url: ${show(created.properties.url)}  token: ${show(created.properties.token)}`);
    check(isSecret(created.properties.token), 'token is not a secret');

    // 2. pulumi preview: rename the slug
    const newSlug = `${slug}-v2`;
    const v2 = [{ name: NAME, inputs: { ...v1[0].inputs, slug: newSlug } }];
    console.log(bold('\nPreviewing update (conformance):'));
    const p2 = await ws.preview(v2);
    check(p2.ok, `preview failed: ${stepErrors(p2).join('; ')}`);
    const d = p2.steps[0].diff;
    const old = ws.state.resources.values().next().value;
    const replace = d.replaces.length > 0;
    console.log(`  ${replace ? red('+-') : yellow('~')} ${replace ? 'replace' : 'update'} ${PORTAL_TYPE} ${NAME}`);
    printDiff(d, old.outputs, v2[0].inputs);
    check(!replace, 'a slug rename must be an in-place update, not a replacement');
    check(d.diffs.includes('slug'), 'diff does not name slug');

    // 3. pulumi up: rename in place
    console.log(bold('\nUpdating (conformance):'));
    const mark = await ws.emulator.journalMark();
    const u2 = await ws.up(v2);
    if (!check(u2.ok, `up failed: ${stepErrors(u2).join('; ')}`)) return;
    counts.update += 1;
    const updated = u2.steps[0].update.properties;
    console.log(`  ${yellow('~')} update ${PORTAL_TYPE} ${NAME} ${yellow('updated')}`);
    console.log(`      ${yellow('~')} slug: ${show(slug)} => ${show(updated.slug)}`);
    const writes = (await ws.emulator.journalSince(mark)).filter((e) => e.method !== 'GET');
    console.log(`      API: ${writes.map((e) => `${e.method} ${e.path}`).join(', ')}`);
    check(writes.length === 1 && writes[0].method === 'PUT' && writes[0].path.endsWith(`/portals/${slug}`), 'rename was not exactly one PUT to the old slug');
    check(ws.state.resources.values().next().value.id === created.id, 'id changed');
    check(unwrapSecrets(updated.token) === unwrapSecrets(created.properties.token), 'token not carried forward');

    // 4. pulumi destroy
    console.log(bold('\nDestroying (conformance):'));
    const dz = await ws.destroy();
    if (!check(dz.ok, `destroy failed: ${stepErrors(dz).join('; ')}`)) return;
    counts.delete += 1;
    console.log(`  ${red('-')} delete ${PORTAL_TYPE} ${NAME} ${red('deleted')}`);
    check((await ws.emulator.portals()).length === 0, 'portal still exists after destroy');

    const leaks = await ws.tokenLeaks();
    check(leaks.length === 0, `token leaked: ${leaks.join('; ')}`);
    for (const s of ws.shutdowns) check(s.cancel.ok && s.exitedPromptly, `provider for ${s.command} did not shut down cleanly`);

    console.log(bold('\nResources:'));
    console.log(`    ${green('+')} ${counts.create} created`);
    console.log(`    ${yellow('~')} ${counts.update} updated`);
    console.log(`    ${red('-')} ${counts.delete} deleted`);
    console.log(`\nDuration: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  } finally {
    await ws.close();
  }
}

main().then(
  () => {
    if (failed) console.log(red('\nlifecycle demo FAILED'));
    process.exit(failed ? 1 : 0);
  },
  (e) => {
    console.error(red(`lifecycle demo FAILED: ${e.stack ?? e}`));
    process.exit(1);
  },
);
