import { defineConfig } from '@playwright/test';
import type { CasefileOptions } from './tests/e2e/fixtures';

// End-to-end tests: browser mode (the real server from `out/main/web.js` in Debian's
// Chromium) and, where an Electron binary is installed, the same specs in the desktop
// shell. globalSetup builds once; each test gets a fresh data folder and server.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig<CasefileOptions>({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: process.env.CASEFILE_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser', use: { casefileMode: 'browser' } },
    { name: 'electron', use: { casefileMode: 'electron' } },
  ],
});
