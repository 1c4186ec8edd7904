/**
 * Entry point of the kernel's worker thread, bundled on its own as
 * dist/kernel-worker.js (esbuild.js). It imports no `vscode`: a notebook's
 * Session runs here, where a long cell can be interrupted through shared memory.
 */
import { runKernelWorker } from './kernel-worker';

runKernelWorker();
