// Builds into the Maven module's classes so the web-map jar serves the app from Spring Boot's
// classpath:/META-INF/resources at `/`. In development, API calls go to the running service.
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { crewRuntimeCaching } from './src/offline-routes.js';

const service = process.env.ZONEGIS_SERVICE_URL || 'http://localhost:8080';
const proxied = ['/api', '/ogc', '/tiles', '/actuator', '/login', '/logout'];

// The crew's installable app: the manifest and a service worker (sw.js) that precaches the app
// shell and keeps the crew's reads for offline use. pwa.js registers it for crew members only.
const pwa = VitePWA({
  injectRegister: false,
  manifest: {
    name: 'ZoneGIS 班组工单',
    short_name: '班组工单',
    description: '开发区管线、道路、路灯维修班组的工单、地图与离线记录',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#c81e1e',
    background_color: '#ffffff',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // The manifest's icons are added by the plugin.
    globPatterns: ['**/*.{js,css,html}'],
    // The map page opens from the precache without network; every other navigation (the
    // report, Swagger UI, the API) goes to the service as before.
    navigateFallback: 'index.html',
    navigateFallbackAllowlist: [/^\/$/],
    cleanupOutdatedCaches: true,
    // A new release takes over at once, and the first visit's page is served offline at once.
    skipWaiting: true,
    clientsClaim: true,
    runtimeCaching: crewRuntimeCaching,
  },
});

export default defineConfig({
  base: '/',
  plugins: [pwa],
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
