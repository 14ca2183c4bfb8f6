// Imported first by the entry points (server/src/index.ts, bench/run.ts): graphql-js reads
// NODE_ENV once, when it loads, and outside production every type check it makes on every resolved
// field goes through a slow cross-realm test (about a third of the execution time of a response
// with thousands of ties). Set NODE_ENV=development to get graphql-js's development checks back.
process.env.NODE_ENV ??= "production";

export {};
