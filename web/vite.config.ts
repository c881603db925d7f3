import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const apiPort = process.env.TEREP_API_PORT ?? '8787';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    // maplibre-gl and deck.gl are large by nature and loaded lazily by the map page.
    chunkSizeWarningLimit: 2500,
  },
});
