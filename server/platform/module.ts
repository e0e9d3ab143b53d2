import type { Clock } from './clock.js';
import type { App } from './http.js';
import type { JobDefinition } from './jobs.js';

/** The demo's history is made on a clock moved back in time; `now` is the real present. */
export interface DemoMoment {
  clock: Clock & { set(at: Date): void };
  now: Date;
}

/**
 * What a capability plugs into the server: its routes (under /api/v1), its background jobs, what
 * it observes of other modules (ticket history, notices), and its part of the demo workspace.
 * `Deps` is what the module reads of the composed services; the app's list of modules
 * (server/modules.ts) checks that the composition provides it.
 */
export interface ModuleDescriptor<Deps> {
  name: string;
  routes?(api: App, deps: Deps): void;
  jobs?(deps: Deps): JobDefinition[];
  /** Registers observers once the services are composed (buildServices calls it). */
  observe?(deps: Deps): void;
  /** Adds its part to the demo workspace, after the shared people, desk and tickets exist. */
  demo?(deps: Deps, moment: DemoMoment): Promise<void>;
}

/** Names a descriptor's dependencies once, so the compiler checks routes and jobs against them. */
export function defineModule<Deps>(descriptor: ModuleDescriptor<Deps>): ModuleDescriptor<Deps> {
  return descriptor;
}
