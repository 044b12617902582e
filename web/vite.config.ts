import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w web`: hot reload on http://localhost:5173, /api proxied to a service started with
// `npm start` (or API_TARGET). The production build (web/dist) is served by the service itself.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
