// Pulumi's own generated gRPC stubs (shipped in @pulumi/pulumi 3.270.0) and the exact grpc-js / google-protobuf
// instances they were loaded with. The top-level '@pulumi/pulumi' module is never imported (it is heavy and wants
// Node 22); only the proto files are required directly.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const providerPbPath = require.resolve('@pulumi/pulumi/proto/provider_pb.js');
// Resolve grpc-js and google-protobuf from the stubs' own location, so that `instanceof` checks inside the
// generated serializers see the very same classes we construct.
const requireFromStubs = createRequire(providerPbPath);

export const grpc = requireFromStubs('@grpc/grpc-js');
export const providerGrpc = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
export const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
export const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
export const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
export const enginePb = require('@pulumi/pulumi/proto/engine_pb.js');
export const structPb = requireFromStubs('google-protobuf/google/protobuf/struct_pb.js');
export const emptyPb = requireFromStubs('google-protobuf/google/protobuf/empty_pb.js');
export const anyPb = requireFromStubs('google-protobuf/google/protobuf/any_pb.js');
export const statusPb = require('@pulumi/pulumi/proto/status_pb.js');
export const errorsPb = require('@pulumi/pulumi/proto/errors_pb.js');
