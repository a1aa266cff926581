// ESLint flat config: typed linting for the whole repository (one root tsconfig.json covers it all).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["**/dist/", "dist-*/", "**/node_modules/", "db/migrations/", "**/coverage/", "test-results/", "data/", ".e2e-*/"]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // React event handlers (onClick={async () => …}) may return a promise; everywhere else a
      // promise passed where void is expected is still an error.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Async functions without await are deliberate here (route handlers, interface implementations).
      "@typescript-eslint/require-await": "off",
      // `_`-prefixed names mark deliberately unused parameters and destructured leftovers.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },

  // Plain JavaScript files (this config) are outside tsconfig.json: lint them without type information.
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // The browser client: React hooks rules. Only the two classic rules; the React-Compiler rules that
  // eslint-plugin-react-hooks 7's recommended preset adds are left out on purpose.
  {
    files: ["client/**/*.{ts,tsx}"],
    languageOptions: {
      globals: { ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // Tests read untyped JSON bodies (`await res.json()` is `any`) and use vitest's asymmetric matchers
  // (`expect.any(String)` is `any`); a wrong shape fails the assertion, so the `any` checks only add noise there.
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },

  // Services and database code must run on PostgreSQL as well as SQLite.
  {
    files: ["server/services/**/*.ts", "db/**/*.ts"],
    ignores: ["db/client.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(all|get|run)$/]",
          message:
            "Use await on the query builder: .get()/.all()/.run() exist only on SQLite; the services must run on PostgreSQL too",
        },
      ],
    },
  },
);
