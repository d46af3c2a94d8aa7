// Fails early, with the fix, when Debian's Chromium is missing (nothing here downloads a browser).
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
  console.error(
    `The e2e suite needs Chromium at ${browser}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}
