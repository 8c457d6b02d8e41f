import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.js';

export interface VillageAppResult {
  first_load_bytes: number;
  usable_ms_slow3g: number;
}

/**
 * The village app's first load on a phone's slow connection: bytes on the wire (compressed) and
 * the time until the login form can be typed into, under ≈ 400 kbit/s and 400 ms RTT.
 */
export async function measureVillageApp(root: string, port: number): Promise<VillageAppResult> {
  const server = await serveStatic(join(root, 'apps', 'village', 'dist'), port);
  const browser = await chromium.launch({
    executablePath: process.env.HUANJIE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
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
    await input.waitFor({ state: 'visible', timeout: 60_000 });
    await input.fill('probe');
    const usable = Date.now() - started;
    await page.waitForLoadState('networkidle');
    return { first_load_bytes: bytes, usable_ms_slow3g: usable };
  } finally {
    await browser.close();
    server.close();
  }
}
