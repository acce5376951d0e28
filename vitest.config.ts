// Test projects, run in this order by `npm test` (scripts/test.sh):
// unit (generator, given/want), runtime (core against a local server),
// contract (every operation through the SDK against Prism), packaging,
// hardening and browser checks of the generated package.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      { test: { name: "runtime", include: ["test/runtime/**/*.test.ts"] } },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: "waiters", include: ["test/waiters/**/*.test.ts"] } },
      {
        test: {
          name: "hardening",
          include: ["test/hardening/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "packaging",
          include: ["test/packaging/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
