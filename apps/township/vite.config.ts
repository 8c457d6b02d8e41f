import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';

const PORT = 5102;

export default defineConfig(({ mode }) => {
  // loadEnv also reads HUANJIE_* from the process environment
  const { HUANJIE_API_URL = 'http://127.0.0.1:4000' } = loadEnv(mode, '.', 'HUANJIE_');
  const proxy: Record<string, ProxyOptions> = {
    // The app is this dev server, whatever the page sends (as nginx does in production).
    '/graphql': {
      target: HUANJIE_API_URL,
      xfwd: true,
      ws: true,
      headers: { 'x-huanjie-app': 'township' },
    },
    // xlsx exports, downloaded with the session cookie like a GraphQL request
    '/exports': {
      target: HUANJIE_API_URL,
      xfwd: true,
      headers: { 'x-huanjie-app': 'township' },
    },
  };
  return {
    plugins: [react()],
    server: { port: PORT, strictPort: true, proxy },
    preview: { port: PORT, strictPort: true, proxy },
    build: { outDir: 'dist' },
  };
});
