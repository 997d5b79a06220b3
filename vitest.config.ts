import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { libphonenumberPatternCache } from './build/libphonenumber-patterns.ts';

/**
 * libphonenumber-js as the extension's build has it (its RegExp helper replaced): the library
 * goes through Vite's resolution instead of Node's, which the plugin needs.
 */
const libphonenumberAsBuilt = {
  plugins: [libphonenumberPatternCache()],
  server: { deps: { inline: ['libphonenumber-js'] } },
};

// Three projects, one runner, run one after the other: `unit` is pure code, `integration` talks to the simulator
// over real HTTP + CometD, `e2e` drives real browsers with the built extension.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact(), ...libphonenumberAsBuilt.plugins],
        test: {
          name: 'unit',
          server: libphonenumberAsBuilt.server,
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins: [WxtVitest(), ...libphonenumberAsBuilt.plugins],
        test: {
          name: 'integration',
          server: libphonenumberAsBuilt.server,
          sequence: { groupOrder: 1 },
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // Browsers run alone, after the rest: timing-sensitive checks then own the machine.
          sequence: { groupOrder: 2 },
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
