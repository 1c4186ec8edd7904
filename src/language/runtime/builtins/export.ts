/** export(net, "pytorch" | "keras"): the network as the source of a Python module (runtime/export/). */
import { didYouMean } from '../../../engine';
import { runtimeError } from '../call-site';
import { exportModule } from '../export/module-source';
import { networkArg } from './networks';
import { stringArg, type ProcedureSpec } from './procedure';

const FRAMEWORKS = ['pytorch', 'keras'] as const;

export const exportBuiltin: ProcedureSpec = {
  name: 'export', signature: 'export(net, "pytorch")',
  summary: 'the source of a self-contained PyTorch (or "keras") module with the architecture and the trained weights',
  minArgs: 2, maxArgs: 2,
  run: (call) => {
    const net = networkArg(call, call.args[0], 'export: the first argument');
    const name = stringArg(call, call.args[1], 'export: the framework', 'pytorch').toLowerCase();
    const framework = FRAMEWORKS.find((f) => f === name || (f === 'pytorch' && name === 'torch'));
    if (!framework) throw runtimeError(call.site, `export writes "pytorch" or "keras", not "${name}"${didYouMean(name, [...FRAMEWORKS])}`);
    return { kind: 'string', value: exportModule(net, framework, call.site), language: 'python' };
  },
};
