/**
 * A computational graph under construction: nodes in the order the forward pass
 * computes them (so every operand comes before its user), each with its value and
 * the partial derivative of its value with respect to each operand; then one
 * backward sweep gives every node d(output)/d(node), as micrograd's backward() does.
 */
import type { GraphDisplay, GraphNode } from '../../../shared/output';
import { toJsonNumber } from '../json-number';

export interface BuildingNode {
  readonly id: string;
  readonly op: string;
  label: string;
  readonly value: number;
  readonly role: GraphNode['role'];
  /** Operands, and d(this)/d(operand) for each, in the same order. */
  readonly inputs: readonly number[];
  readonly partials: readonly number[];
  grad: number;
}

export class GraphBuilder {
  readonly nodes: BuildingNode[] = [];

  constructor(private readonly maxNodes: number, private readonly tooLarge: () => string) {}

  add(op: string, label: string, value: number, role: GraphNode['role'], inputs: readonly number[] = [], partials: readonly number[] = []): number {
    if (this.nodes.length >= this.maxNodes) throw new GraphTooLarge(this.tooLarge());
    this.nodes.push({ id: `n${this.nodes.length}`, op, label, value, role, inputs, partials, grad: 0 });
    return this.nodes.length - 1;
  }

  /** d(output)/d(node) for every node: 1 at the output, then the chain rule from the last node back. */
  backward(output: number): void {
    for (const n of this.nodes) n.grad = 0;
    this.nodes[output].grad = 1;
    for (let i = output; i >= 0; i--) {
      const n = this.nodes[i];
      // a node no gradient reaches passes none on (0 * inf would make NaN where nothing flows)
      if (n.grad === 0) continue;
      n.inputs.forEach((j, k) => { this.nodes[j].grad += n.grad * n.partials[k]; });
    }
  }

  /**
   * Columns left to right: an operation one past its deepest operand; a leaf (constant,
   * parameter) just before its first user, so it sits beside what it feeds.
   */
  private layers(): number[] {
    const layer = this.nodes.map(() => 0);
    this.nodes.forEach((n, i) => { for (const j of n.inputs) layer[i] = Math.max(layer[i], layer[j] + 1); });
    this.nodes.forEach((n, i) => {
      if (n.role !== 'leaf') return;
      const users = this.nodes.map((m, k) => (m.inputs.includes(i) ? layer[k] : Infinity));
      const first = Math.min(...users);
      if (Number.isFinite(first)) layer[i] = Math.max(0, first - 1);
    });
    return layer;
  }

  display(title: string, output: number, inputs: readonly number[], edgeExtras?: (from: number, to: number) => { weight?: number; grad?: number } | undefined): GraphDisplay {
    const layer = this.layers();
    const nodes = this.nodes.map((n, i): GraphNode => ({
      id: n.id, op: n.op, label: n.label, value: toJsonNumber(n.value), grad: toJsonNumber(n.grad), layer: layer[i],
      role: i === output && n.role !== 'input' ? 'output' : n.role,
    }));
    const edges = this.nodes.flatMap((n, to) => n.inputs.map((from) => {
      const extra = edgeExtras?.(from, to);
      return {
        from: this.nodes[from].id, to: n.id,
        ...(extra?.weight !== undefined ? { weight: toJsonNumber(extra.weight) } : {}),
        ...(extra?.grad !== undefined ? { grad: toJsonNumber(extra.grad) } : {}),
      };
    }));
    return { kind: 'graph', title, nodes, edges, value: toJsonNumber(this.nodes[output].value), grad: inputs.map((i) => toJsonNumber(this.nodes[i].grad)) };
  }
}

/** Thrown when a graph would pass its node limit; the builtin turns it into an error at the call. */
export class GraphTooLarge extends Error {}
