import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const conformanceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(conformanceDir, '..', '..');

/** The apphost built by `dotnet build provider -c Release`, unless PORTALS_PROVIDER_BIN says otherwise. */
export const providerBin = process.env.PORTALS_PROVIDER_BIN
  || path.join(repoRoot, 'provider', 'bin', 'Release', 'net10.0', 'pulumi-resource-buildkite-portals');

/** The emulator assembly run with `dotnet <dll>`, unless PORTALS_EMULATOR_DLL says otherwise. */
export const emulatorDll = process.env.PORTALS_EMULATOR_DLL
  || path.join(repoRoot, 'tests', 'PortalsApi.Emulator', 'bin', 'Release', 'net10.0', 'PortalsApi.Emulator.dll');

export const dotnet = process.env.DOTNET_HOST_PATH || 'dotnet';
