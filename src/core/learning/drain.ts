import { hasPlaceholder, WILDCARD } from './placeholders.js';
import type { TemplateTokens } from './template.js';

export interface MinerOptions {
  /** Share of a template's fixed tokens a paste must repeat to join it (Drain's st). Default 0.5. */
  readonly similarity?: number;
  /** Layers of leading tokens under the length and code layers (Drain's depth − 2). Default 1. */
  readonly depth?: number;
  /** Children per inner node; further tokens share the wildcard child. Default 64. */
  readonly maxChildren?: number;
  /** Templates kept; pastes that would start another are counted in `overflow`. Default 10,000. */
  readonly maxTemplates?: number;
}

export interface MinedTemplate {
  /** Creation order, from 0: the same inputs in the same order give the same ids. */
  readonly id: number;
  readonly tokens: readonly string[];
  /** Sum of the weights of the inputs it holds. */
  readonly count: number;
}

interface Group {
  readonly id: number;
  tokens: string[];
  readonly pins: readonly string[];
  count: number;
}

interface Node {
  readonly children: Map<string, Node>;
  readonly groups: Group[];
}

const newNode = (): Node => ({ children: new Map(), groups: [] });

/**
 * Drain (He, Zhu, Zheng and Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree",
 * ICWS 2017) for pasted errors. A fixed-depth tree routes each template: first by its token count,
 * then — our addition — by the codes and statuses it pins, then by its first `depth` tokens (a
 * token holding a placeholder or a digit goes to the wildcard child). In the leaf, the paste joins
 * the most similar group whose pins agree at every position, if at least `similarity` of the
 * group's tokens match; differing tokens become `<*>`. Otherwise it starts a group. Deterministic:
 * the result depends only on the inputs and their order. Bounded: at most `maxTemplates` groups
 * and `maxChildren` children per node.
 */
export class TemplateMiner {
  readonly #similarity: number;
  readonly #depth: number;
  readonly #maxChildren: number;
  readonly #maxTemplates: number;
  readonly #root = newNode();
  readonly #groups: Group[] = [];
  #overflow = 0;
  #nodes = 1;

  constructor(options: MinerOptions = {}) {
    this.#similarity = options.similarity ?? 0.5;
    this.#depth = options.depth ?? 1;
    this.#maxChildren = Math.max(2, options.maxChildren ?? 64);
    this.#maxTemplates = options.maxTemplates ?? 10_000;
  }

  /** Adds a template with a weight (how many pastes it stands for); returns its group's id. */
  add(input: TemplateTokens, weight = 1): number | undefined {
    const found = this.#search(input);
    if (found !== undefined) {
      merge(found, input);
      found.count += weight;
      return found.id;
    }
    if (this.#groups.length >= this.#maxTemplates) {
      this.#overflow += weight;
      return undefined;
    }
    const group: Group = {
      id: this.#groups.length,
      tokens: [...input.tokens],
      pins: input.pins,
      count: weight,
    };
    this.#leaf(input, true)?.groups.push(group);
    this.#groups.push(group);
    return group.id;
  }

  /** Every group, in creation order. */
  templates(): MinedTemplate[] {
    return this.#groups.map((g) => ({ id: g.id, tokens: [...g.tokens], count: g.count }));
  }

  /** Weight of the inputs refused because `maxTemplates` was reached. */
  get overflow(): number {
    return this.#overflow;
  }

  /** Inner nodes of the tree: with the groups, what the miner holds in memory. */
  get nodes(): number {
    return this.#nodes;
  }

  #search(input: TemplateTokens): Group | undefined {
    const leaf = this.#leaf(input, false);
    if (leaf === undefined) return undefined;
    let best: Group | undefined;
    let bestScore = -1;
    for (const group of leaf.groups) {
      const score = similarity(group, input);
      if (score > bestScore) {
        best = group;
        bestScore = score;
      }
    }
    return bestScore >= this.#similarity ? best : undefined;
  }

  #leaf(input: TemplateTokens, create: boolean): Node | undefined {
    const signature = [...new Set(input.pins.filter((p) => p !== ''))].slice(0, 8).join(' ');
    const path = [String(input.tokens.length), signature];
    for (const token of input.tokens.slice(0, this.#depth)) {
      path.push(hasPlaceholder(token) || /\d/.test(token) ? WILDCARD : token);
    }
    let node = this.#root;
    for (const [level, key] of path.entries()) {
      // The length and code layers are exact: a wildcard there would mix different failures.
      const next = level < 2 ? this.#exact(node, key, create) : this.#route(node, key, create);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  #exact(node: Node, key: string, create: boolean): Node | undefined {
    const child = node.children.get(key);
    if (child !== undefined || !create) return child;
    return this.#addChild(node, key);
  }

  /** Drain's routing: the token's child, else the wildcard child once the node is full. */
  #route(node: Node, token: string, create: boolean): Node | undefined {
    const own = node.children.get(token);
    if (own !== undefined) return own;
    const room = node.children.size + (node.children.has(WILDCARD) ? 0 : 1) < this.#maxChildren;
    if (!create) return node.children.get(WILDCARD);
    if (room || token === WILDCARD) return this.#addChild(node, token);
    return node.children.get(WILDCARD) ?? this.#addChild(node, WILDCARD);
  }

  #addChild(node: Node, key: string): Node {
    const child = newNode();
    node.children.set(key, child);
    this.#nodes++;
    return child;
  }
}

/** Drain's simSeq: the share of positions where the group's fixed token equals the paste's; −1 when a pin differs. */
function similarity(group: Group, input: TemplateTokens): number {
  const n = input.tokens.length;
  if (n === 0) return 1;
  let same = 0;
  for (let i = 0; i < n; i++) {
    if (group.pins[i] !== input.pins[i]) return -1;
    const token = group.tokens[i];
    if (token !== WILDCARD && token === input.tokens[i]) same++;
  }
  return same / n;
}

/** Positions where the paste differs become wildcards; pinned positions keep their first spelling. */
function merge(group: Group, input: TemplateTokens): void {
  for (let i = 0; i < group.tokens.length; i++) {
    if (group.tokens[i] !== input.tokens[i] && group.pins[i] === '') group.tokens[i] = WILDCARD;
  }
}
