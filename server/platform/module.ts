import type { App } from './http.js';
import type { JobDefinition } from './jobs.js';

/**
 * What a capability plugs into the server: its routes (under /api/v1) and its background jobs.
 * `Deps` is what the module reads of the composed services; the app's list of modules
 * (server/modules.ts) checks that the composition provides it.
 */
export interface ModuleDescriptor<Deps> {
  name: string;
  routes?(api: App, deps: Deps): void;
  jobs?(deps: Deps): JobDefinition[];
}

/** Names a descriptor's dependencies once, so the compiler checks routes and jobs against them. */
export function defineModule<Deps>(descriptor: ModuleDescriptor<Deps>): ModuleDescriptor<Deps> {
  return descriptor;
}
