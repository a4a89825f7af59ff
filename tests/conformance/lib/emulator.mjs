// The Portals API emulator (tests/PortalsApi.Emulator) as a separate process, plus a client for its
// unauthenticated control plane under /__emulator/. All knowledge of the control-plane routes lives here.
import { ManagedProcess } from './process.mjs';
import { emulatorDll, dotnet } from './paths.mjs';

/** Reads a field whichever JSON naming the emulator uses (camelCase, PascalCase or snake_case). */
export function field(obj, name) {
  if (obj == null) return undefined;
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const pascal = name[0].toUpperCase() + name.slice(1);
  for (const k of [name, snake, pascal]) if (k in obj) return obj[k];
  return undefined;
}

/** A journal entry normalised to { method, path, query, status, body (parsed JSON or text), headers, bearer }. */
function normaliseEntry(e) {
  const headers = field(e, 'headers') ?? {};
  const rawBody = field(e, 'body') ?? '';
  let body = rawBody;
  if (typeof rawBody === 'string' && rawBody.length) {
    try { body = JSON.parse(rawBody); } catch { /* keep text */ }
  }
  const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  return {
    sequence: field(e, 'sequence'),
    method: field(e, 'method'),
    path: field(e, 'path'),
    query: field(e, 'query') ?? '',
    status: field(e, 'status'),
    fault: field(e, 'fault') ?? null,
    aborted: field(e, 'aborted') ?? false,
    headers,
    bearer: auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined,
    body,
  };
}

/** A stored portal normalised to the API's snake_case JSON plus `token` and `organization`. */
function normalisePortal(p) {
  const createdBy = field(p, 'createdBy');
  return {
    uuid: field(p, 'uuid'),
    slug: field(p, 'slug'),
    organization: field(p, 'organization'),
    organization_uuid: field(p, 'organizationUuid'),
    name: field(p, 'name'),
    description: field(p, 'description') ?? null,
    query: field(p, 'query'),
    allowed_ip_addresses: field(p, 'allowedIpAddresses') ?? null,
    user_invokable: field(p, 'userInvokable') ?? false,
    created_at: field(p, 'createdAtText') ?? field(p, 'createdAt'),
    created_by: createdBy,
    token: field(p, 'token'),
  };
}

export class Emulator {
  /** @type {ManagedProcess} */
  proc;
  baseUrl = '';
  token = '';
  org = '';

  static async start({ token, org, extraArgs = [] }) {
    const e = new Emulator();
    e.token = token;
    e.org = org;
    e.proc = await ManagedProcess.start('emulator', dotnet, [emulatorDll, '--port', '0', '--token', token, '--org', org, ...extraArgs]);
    e.baseUrl = e.proc.firstLine.trim().replace(/\/+$/, '');
    if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(e.baseUrl)) {
      await e.stop();
      throw new Error(`emulator's first stdout line is not a loopback base URL: ${JSON.stringify(e.proc.firstLine)}`);
    }
    return e;
  }

  async #control(method, path, body) {
    const res = await fetch(`${this.baseUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator control ${method} /__emulator/${path}: HTTP ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** Every stored portal (tokens included), normalised. */
  async portals() {
    const r = await this.#control('GET', 'portals');
    const list = Array.isArray(r) ? r : (field(r, 'portals') ?? []);
    return list.map(normalisePortal);
  }

  async portal(uuid) {
    return (await this.portals()).find((p) => p.uuid === uuid);
  }

  /** Every REST request received (control plane excluded), in order. */
  async journal() {
    const r = await this.#control('GET', 'journal');
    const list = Array.isArray(r) ? r : (field(r, 'entries') ?? field(r, 'requests') ?? []);
    return list.map(normaliseEntry);
  }

  /** Journal entries after `mark` (a count from a previous journalMark()). */
  async journalSince(mark) {
    return (await this.journal()).slice(mark);
  }

  async journalMark() {
    return (await this.journal()).length;
  }

  /** Adds portals directly (bypassing the REST surface), API field names: { name, slug?, query?, description?, allowed_ip_addresses?, user_invokable?, token? }. `count` adds that many generated portals. */
  async seed(portals = [], { count } = {}) {
    const q = count ? `?count=${count}` : '';
    const r = await this.#control('POST', `portals${q}`, portals);
    return (Array.isArray(r) ? r : []).map(normalisePortal);
  }

  /**
   * A change made outside Pulumi (someone in the UI), through the REST API itself with the organization token:
   * `PUT /v2/organizations/{org}/portals/{slug}`. These requests are journaled like any other.
   */
  async outOfBandUpdate(slug, changes) {
    const res = await fetch(`${this.baseUrl}/v2/organizations/${this.org}/portals/${encodeURIComponent(slug)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(changes),
    });
    if (!res.ok) throw new Error(`out-of-band PUT ${slug}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** Deletes a portal outside Pulumi, through the REST API. */
  async outOfBandDelete(slug) {
    const res = await fetch(`${this.baseUrl}/v2/organizations/${this.org}/portals/${encodeURIComponent(slug)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new Error(`out-of-band DELETE ${slug}: HTTP ${res.status} ${await res.text()}`);
  }

  /**
   * Adds a fault rule (snake_case: { kind: 'rate_limit'|'server_error'|'status'|'non_json'|'abort_before_acting'|
   * 'abort_after_acting'|'truncated_json'|'delay'|'hang', method?, path_prefix?, path_regex?, count?, every_nth?,
   * status?, message?, delay_ms?, reset_seconds?, after_acting? }). Returns the rule with its `id`.
   */
  async addFault(rule) {
    return this.#control('POST', 'faults', rule);
  }

  /** Every active fault rule with its `hits` count (a matching request counts when it arrives). */
  async faults() {
    return this.#control('GET', 'faults');
  }

  async faultHits(id) {
    return (await this.faults()).find((f) => String(f.id) === String(id))?.hits ?? 0;
  }

  async removeFault(id) {
    await this.#control('DELETE', `faults/${encodeURIComponent(id)}`);
  }

  async releaseFault(id) {
    await this.#control('POST', `faults/${encodeURIComponent(id)}/release`);
  }

  async clearFaults() {
    await this.#control('DELETE', 'faults');
  }

  async reset() {
    await this.#control('POST', 'reset');
  }

  async stop() {
    await this.proc?.stop(5000);
  }
}
