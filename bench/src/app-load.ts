import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './preflight.js';
import { serveStatic } from './static-server.js';

export interface AppLoadResult {
  first_load_bytes: number;
  usable_ms_slow3g: number;
}

export type AppName = 'village' | 'township' | 'county';

/**
 * An app's first load on a slow connection: bytes on the wire (compressed) and the time until the
 * login form can be typed into, under ≈ 400 kbit/s and 400 ms RTT. The village app is measured on
 * a phone's screen, the desktop apps on a laptop's.
 */
export async function measureAppLoad(
  root: string,
  app: AppName,
  port: number,
): Promise<AppLoadResult> {
  const server = await serveStatic(join(root, 'apps', app, 'dist'), port);
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const viewport =
        app === 'village' ? { width: 390, height: 844 } : { width: 1366, height: 768 };
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: (400 * 1024) / 8,
        uploadThroughput: (400 * 1024) / 8,
      });
      let bytes = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
      });
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/login`, { waitUntil: 'commit' });
      const input = page
        .locator('input[data-testid="login-username"], [data-testid="login-username"] input')
        .first();
      await input.waitFor({ state: 'visible', timeout: 120_000 });
      await input.fill('probe');
      const usable = Date.now() - started;
      await page.waitForLoadState('networkidle');
      return { first_load_bytes: bytes, usable_ms_slow3g: usable };
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
  }
}
