// The kernel worker's entry for unit tests: the worker thread compiles our TypeScript itself
// (tsx's require hook, registered in this thread), so the tests need no build of dist/.
require('tsx/cjs');
require('../../../src/services/kernel/kernel-worker-main.ts');
