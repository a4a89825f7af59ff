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

  /** Journal entries after `mark` (a sequence number or a count from a previous journal() length). */
  async journalSince(mark) {
    return (await this.journal()).slice(mark);
  }

  async journalMark() {
    return (await this.journal()).length;
  }

  /** Adds a portal directly (bypassing the REST surface): { name, slug?, query?, description?, allowedIpAddresses?, userInvokable?, token? }. */
  async seed(portal) {
    const r = await this.#control('POST', 'portals', portal);
    return r ? normalisePortal(field(r, 'portal') ?? r) : undefined;
  }

  /** Renames (or otherwise edits) a stored portal out of band, as someone using the UI would. */
  async patchPortal(uuid, changes) {
    const r = await this.#control('PATCH', `portals/${encodeURIComponent(uuid)}`, changes);
    return r ? normalisePortal(field(r, 'portal') ?? r) : undefined;
  }

  async deletePortal(uuid) {
    await this.#control('DELETE', `portals/${encodeURIComponent(uuid)}`);
  }

  /** Adds a fault rule ({ kind, method?, pathPrefix?, pathRegex?, count?, status?, message?, … }); returns its id. */
  async addFault(rule) {
    return this.#control('POST', 'faults', rule);
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
