declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the app (server + built client) started by the global test setup. */
    appUrl: string;
  }
}

export {};
