// Browser tests: Debian's Chromium, headless, against the release build in dist/ on loopback.
import { defineConfig, devices } from '@playwright/test';

// TPM_TEST_PORT lets two checkouts run their browser tests side by side.
export const PORT = Number(process.env.TPM_TEST_PORT || 4173);
export const SUBPATH_PORT = PORT + 1;

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
  ],
  webServer: [
    {
      command: `node serve.mjs ../dist ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      // `make dist-subpath`: the same course built for and served under /tpm/.
      command: `node serve.mjs ../target/site-tpm ${SUBPATH_PORT} /tpm/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/tpm/`,
      reuseExistingServer: false,
    },
  ],
});
