import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built folder works from any sub-path (blog hosts, GitHub pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
