// The map runs in the browser; its tests and build scripts run in Node.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'target/', 'test-output/'] },
  js.configs.recommended,
  { files: ['src/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['test/**/*.mjs', '*.config.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
