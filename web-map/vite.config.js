// Builds into the Maven module's classes so the web-map jar serves the app from Spring Boot's
// classpath:/META-INF/resources at `/`. In development, API calls go to the running service.
import { defineConfig } from 'vite';

const service = process.env.ZONEGIS_SERVICE_URL || 'http://localhost:8080';
const proxied = ['/api', '/ogc', '/tiles', '/actuator', '/login', '/logout'];

export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    // Leaflet and its plugins make one chunk above Vite's default warning size; that is expected.
    chunkSizeWarningLimit: 800,
    // The map and the printable half-year report are two pages sharing the same modules.
    rollupOptions: {
      input: { main: 'index.html', report: 'report.html' },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: service }])),
  },
});
