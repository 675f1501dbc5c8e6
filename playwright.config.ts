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
  // A shared two-core CI machine can stall a page for seconds: generous waits (these
  // are the harness's patience, not claims about speed), and one retry on CI, where a
  // test that passes only on its retry is still reported as flaky.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
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
