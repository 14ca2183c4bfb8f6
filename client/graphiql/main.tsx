// Monaco runs its language services in web workers: Vite bundles them beside the page (no CDN).
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_QUERY } from "./defaultQuery";
import { createFetcher, initialHeaders } from "./fetcher";

const container = document.getElementById("graphiql");
if (!container) throw new Error("#graphiql est absent de la page.");

const fetcher = createFetcher(new URL("/graphql", window.location.href).toString());
const headers = initialHeaders(window.sessionStorage);

createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} initialHeaders={headers} defaultHeaders={headers} />
  </StrictMode>,
);
