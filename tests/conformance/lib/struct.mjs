// google.protobuf.Struct encoding exactly as the Pulumi engine does it (sdk/go/common/resource/sig/sig.go,
// plugin/rpc.go): special values are objects keyed by the signature key; unknowns are string sentinels.
import { structPb } from './proto.mjs';

export const SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
export const RESOURCE_SIG = '5cf8f73096256a8f31e491e813e4eb8e';
export const OUTPUT_SIG = 'd0e6a833031e9bbcd3f4e8bde6ca49a4';
/** The generic ("string") unknown sentinel; the only one pulumi-dotnet emits or recognises. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
export const UNKNOWN_SENTINELS = new Set([
  UNKNOWN,
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7', // bool
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421', // number
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2', // array
  '030794c1-ac77-496b-92df-f27374a8bd58', // asset
  'e48ece36-62e2-4504-bad9-02848725956a', // archive
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff', // object
]);

/** Wraps a value as the engine's secret object. */
export function secret(value) {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && v[SIG_KEY] === SECRET_SIG;
}

export function isUnknown(v) {
  return typeof v === 'string' && UNKNOWN_SENTINELS.has(v);
}

/** Removes every secret wrapper, recursively. */
export function unwrapSecrets(v) {
  if (isSecret(v)) return unwrapSecrets(v.value);
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

/** What the engine does for a provider that did not declare acceptSecrets: secrets are sent as plain values. */
export function stripSecretsUnlessAccepted(v, acceptSecrets) {
  return acceptSecrets ? v : unwrapSecrets(v);
}

/** True if `needle` occurs anywhere as (part of) a string in `v`, including inside secret wrappers. */
export function containsString(v, needle) {
  if (typeof v === 'string') return v.includes(needle);
  if (Array.isArray(v)) return v.some((x) => containsString(x, needle));
  if (v !== null && typeof v === 'object') return Object.values(v).some((x) => containsString(x, needle));
  return false;
}

function toValue(v) {
  const out = new structPb.Value();
  if (v === null || v === undefined) out.setNullValue(structPb.NullValue.NULL_VALUE);
  else if (typeof v === 'boolean') out.setBoolValue(v);
  else if (typeof v === 'number') out.setNumberValue(v);
  else if (typeof v === 'string') out.setStringValue(v);
  else if (Array.isArray(v)) {
    const list = new structPb.ListValue();
    list.setValuesList(v.map(toValue));
    out.setListValue(list);
  } else if (typeof v === 'object') out.setStructValue(toStruct(v));
  else throw new TypeError(`cannot encode ${typeof v} in a Struct`);
  return out;
}

/** Plain JS object (secret objects and sentinels included) → google.protobuf.Struct. Undefined keys are omitted. */
export function toStruct(obj) {
  const s = new structPb.Struct();
  const fields = s.getFieldsMap();
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (v === undefined) continue;
    fields.set(k, toValue(v));
  }
  return s;
}

function fromValue(v) {
  switch (v.getKindCase()) {
    case structPb.Value.KindCase.NULL_VALUE: return null;
    case structPb.Value.KindCase.NUMBER_VALUE: return v.getNumberValue();
    case structPb.Value.KindCase.STRING_VALUE: return v.getStringValue();
    case structPb.Value.KindCase.BOOL_VALUE: return v.getBoolValue();
    case structPb.Value.KindCase.STRUCT_VALUE: return fromStruct(v.getStructValue());
    case structPb.Value.KindCase.LIST_VALUE: return v.getListValue().getValuesList().map(fromValue);
    default: return null; // KIND_NOT_SET: the engine reads it as null too
  }
}

/** google.protobuf.Struct (or undefined) → plain JS object; undefined stays undefined (absent field). */
export function fromStruct(s) {
  if (s === undefined || s === null) return undefined;
  const out = {};
  for (const [k, v] of s.getFieldsMap().entries()) out[k] = fromValue(v);
  return out;
}
