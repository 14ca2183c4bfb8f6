import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const clientDir = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = "http://127.0.0.1:4000";

export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // The app, and the GraphiQL page served at /graphiql.
      input: {
        main: path.join(clientDir, "index.html"),
        graphiql: path.join(clientDir, "graphiql.html"),
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: "cytoscape", test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/ },
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
    // Cytoscape alone is about 450 kB minified; that is expected for this app.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/auth": { target: "http://127.0.0.1:4000", changeOrigin: false },
      "/graphql": apiTarget,
      "/health": apiTarget,
    },
  },
});
