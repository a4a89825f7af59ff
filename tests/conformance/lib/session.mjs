// One provider process for the life of one CLI command, with typed wrappers around each RPC. Requests are
// built the way the engine builds them (pkg/resource/plugin/provider_plugin.go); responses come back as plain
// JS values (secret objects and unknown sentinels kept verbatim).
import { randomBytes } from 'node:crypto';
import { grpc, providerPb, pluginPb, emptyPb } from './proto.mjs';
import { ProviderProcess } from './provider.mjs';
import { toStruct, fromStruct, unwrapSecrets } from './struct.mjs';

const changesName = Object.fromEntries(Object.entries(providerPb.DiffResponse.DiffChanges).map(([k, v]) => [v, k]));
const kindName = Object.fromEntries(Object.entries(providerPb.PropertyDiff.Kind).map(([k, v]) => [v, k]));

export class Session {
  /** @type {ProviderProcess} */
  provider;
  /** Negotiated capabilities (Handshake, else ConfigureResponse). */
  acceptSecrets = false;
  acceptResources = false;
  supportsPreview = false;
  handshakeImplemented = false;

  constructor(provider, engineAddress) {
    this.provider = provider;
    this.engineAddress = engineAddress;
  }

  static async launch({ engineAddress, flags, env }) {
    const provider = await ProviderProcess.launch({ engineAddress, flags, env });
    return new Session(provider, engineAddress);
  }

  /** Handshake, as the engine sends it (retried while UNAVAILABLE within 10 s, like pluginRPCConnectionTimeout). */
  async handshake() {
    const req = new providerPb.ProviderHandshakeRequest();
    req.setEngineAddress(this.engineAddress);
    req.setRootDirectory(this.provider.pluginDir);
    req.setProgramDirectory(this.provider.pluginDir);
    req.setConfigureWithUrn(true);
    req.setSupportsViews(true);
    req.setSupportsRefreshBeforeUpdate(true);
    req.setInvokeWithPreview(true);
    const started = Date.now();
    for (;;) {
      try {
        const res = await this.provider.call('handshake', req);
        this.handshakeImplemented = true;
        this.acceptSecrets = res.getAcceptSecrets();
        this.acceptResources = res.getAcceptResources();
        this.supportsPreview = true; // engine forces supportsPreview once Handshake succeeds
        return {
          implemented: true,
          acceptSecrets: res.getAcceptSecrets(),
          acceptResources: res.getAcceptResources(),
          acceptOutputs: res.getAcceptOutputs(),
          supportsAutonamingConfiguration: res.getSupportsAutonamingConfiguration(),
        };
      } catch (e) {
        if (e.code === grpc.status.UNIMPLEMENTED) return { implemented: false };
        if (e.code === grpc.status.UNAVAILABLE && Date.now() - started < 10_000) {
          await new Promise((r) => setTimeout(r, 25)); // poll interval while the server comes up
          continue;
        }
        throw e;
      }
    }
  }

  async getPluginInfo() {
    const res = await this.provider.call('getPluginInfo', new emptyPb.Empty());
    return { version: res.getVersion() };
  }

  async getSchema(version = 0) {
    const req = new providerPb.GetSchemaRequest();
    req.setVersion(version);
    const res = await this.provider.call('getSchema', req);
    return JSON.parse(res.getSchema());
  }

  /** CheckConfig: secrets arrive as PLAIN values (the engine never keeps secrets here). */
  async checkConfig({ urn, name, type, olds = {}, news }) {
    const req = new providerPb.CheckRequest();
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setOlds(toStruct(unwrapSecrets(olds)));
    req.setNews(toStruct(unwrapSecrets(news)));
    req.setRandomseed(randomBytes(32));
    const res = await this.provider.call('checkConfig', req);
    return decodeCheck(res);
  }

  async diffConfig({ urn, name, type, olds, oldInputs, news }) {
    const req = new providerPb.DiffRequest();
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setOlds(toStruct(unwrapSecrets(olds)));
    req.setOldInputs(toStruct(unwrapSecrets(oldInputs)));
    req.setNews(toStruct(unwrapSecrets(news)));
    const res = await this.provider.call('diffConfig', req);
    return decodeDiff(res);
  }

  /**
   * Configure: `variables` carries `<pkg>:config:<key>` → string (non-strings JSON-encoded, `version` skipped);
   * `args` is the same config as a Struct with secrets kept as secret objects and `version` included.
   */
  async configure({ pkg, args, urn, name, type, id }) {
    const req = new providerPb.ConfigureRequest();
    const vars = req.getVariablesMap();
    for (const [k, v] of Object.entries(unwrapSecrets(args))) {
      if (k === 'version' || v === undefined) continue;
      vars.set(`${pkg}:config:${k}`, typeof v === 'string' ? v : JSON.stringify(v));
    }
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    if (urn) req.setUrn(urn);
    if (name) req.setName(name);
    if (type) req.setType(type);
    if (id) req.setId(id);
    const res = await this.provider.call('configure', req);
    if (!this.handshakeImplemented) {
      this.acceptSecrets = res.getAcceptsecrets();
      this.acceptResources = res.getAcceptresources();
      this.supportsPreview = res.getSupportspreview();
    }
    return {
      acceptSecrets: res.getAcceptsecrets(),
      supportsPreview: res.getSupportspreview(),
      acceptResources: res.getAcceptresources(),
      acceptOutputs: res.getAcceptoutputs(),
    };
  }

  /** Secrets go to resource RPCs only when the provider declared acceptSecrets. */
  #wire(v) {
    return toStruct(this.acceptSecrets ? v : unwrapSecrets(v));
  }

  async check({ urn, name, type, olds = {}, news, randomSeed = randomBytes(32) }) {
    const req = new providerPb.CheckRequest();
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setOlds(this.#wire(olds)); // EMPTY Struct for creates, never absent
    req.setNews(this.#wire(news));
    req.setRandomseed(randomSeed);
    const res = await this.provider.call('check', req);
    return decodeCheck(res);
  }

  async diff({ id, urn, name, type, olds, oldInputs, news, ignoreChanges = [] }) {
    const req = new providerPb.DiffRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setOlds(this.#wire(olds));
    req.setOldInputs(this.#wire(oldInputs));
    req.setNews(this.#wire(news));
    req.setIgnorechangesList(ignoreChanges);
    const res = await this.provider.call('diff', req);
    return decodeDiff(res);
  }

  async create({ urn, name, type, properties, preview = false, timeout = 0 }) {
    const req = new providerPb.CreateRequest();
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setProperties(this.#wire(properties));
    req.setPreview(preview);
    req.setTimeout(timeout);
    const res = await this.provider.call('create', req);
    return { id: res.getId(), properties: fromStruct(res.getProperties()) ?? {} };
  }

  /** Read; for imports `properties` and `inputs` are left ABSENT (not empty). */
  async read({ id, urn, name, type, properties, inputs, timeout = 0 }) {
    const req = new providerPb.ReadRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    if (properties !== undefined) req.setProperties(this.#wire(properties));
    if (inputs !== undefined) req.setInputs(this.#wire(inputs));
    req.setTimeout(timeout);
    const res = await this.provider.call('read', req);
    return {
      id: res.getId(),
      properties: res.hasProperties() ? fromStruct(res.getProperties()) : undefined,
      inputs: res.hasInputs() ? fromStruct(res.getInputs()) : undefined,
    };
  }

  async update({ id, urn, name, type, olds, oldInputs, news, preview = false, ignoreChanges = [], timeout = 0 }) {
    const req = new providerPb.UpdateRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setOlds(this.#wire(olds));
    req.setOldInputs(this.#wire(oldInputs));
    req.setNews(this.#wire(news));
    req.setPreview(preview);
    req.setIgnorechangesList(ignoreChanges);
    req.setTimeout(timeout);
    const res = await this.provider.call('update', req);
    return { properties: fromStruct(res.getProperties()) ?? {} };
  }

  async delete({ id, urn, name, type, properties, oldInputs, timeout = 0 }) {
    const req = new providerPb.DeleteRequest();
    req.setId(id);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    req.setProperties(this.#wire(properties));
    req.setOldInputs(this.#wire(oldInputs));
    req.setTimeout(timeout);
    await this.provider.call('delete', req);
  }

  async invoke({ tok, args, preview = false }) {
    const req = new providerPb.InvokeRequest();
    req.setTok(tok);
    req.setArgs(this.#wire(args));
    req.setPreview(preview);
    const res = await this.provider.call('invoke', req);
    return {
      return: fromStruct(res.getReturn()),
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async list({ token, query, limit = 0, pageSize = 0, continuationToken = '' } = {}) {
    const req = new providerPb.ListRequest();
    req.setToken(token);
    if (query) req.setQuery(toStruct(query));
    req.setLimit(limit);
    req.setPageSize(pageSize);
    req.setContinuationToken(continuationToken);
    const items = await this.provider.list(req);
    return items.map((m) => {
      if (m.hasResult()) return { result: { id: m.getResult().getId(), name: m.getResult().getName() } };
      if (m.hasContinuation()) return { continuation: m.getContinuation().getContinuationToken() };
      return { computed: true };
    });
  }

  shutdown(opts) { return this.provider.shutdown(opts); }
}

function decodeCheck(res) {
  return {
    inputs: fromStruct(res.getInputs()),
    failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
  };
}

function decodeDiff(res) {
  const detailedDiff = {};
  for (const [k, v] of res.getDetaileddiffMap().entries()) detailedDiff[k] = { kind: kindName[v.getKind()], inputDiff: v.getInputdiff() };
  return {
    changes: changesName[res.getChanges()],
    replaces: res.getReplacesList(),
    stables: res.getStablesList(),
    diffs: res.getDiffsList(),
    deleteBeforeReplace: res.getDeletebeforereplace(),
    hasDetailedDiff: res.getHasdetaileddiff(),
    detailedDiff,
  };
}

export { pluginPb };
