/** A binary min-heap of (key, node) pairs in parallel typed arrays; stale entries are skipped by the caller. */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent]!;
      // Equal keys: lower node first, so runs are deterministic.
      if (pk < key || (pk === key && this.nodes[parent]! <= node)) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Key of the top entry (the heap must not be empty). */
  topKey(): number {
    return this.keys[0]!;
  }

  /** Remove the top entry and return its node. */
  pop(): number {
    const top = this.nodes[0]!;
    const lastKey = this.keys[--this.size]!;
    const lastNode = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      const r = c + 1;
      if (r < this.size && (this.keys[r]! < this.keys[c]! || (this.keys[r] === this.keys[c] && this.nodes[r]! < this.nodes[c]!))) c = r;
      if (this.keys[c]! > lastKey || (this.keys[c] === lastKey && this.nodes[c]! >= lastNode)) break;
      this.keys[i] = this.keys[c]!;
      this.nodes[i] = this.nodes[c]!;
      i = c;
    }
    this.keys[i] = lastKey;
    this.nodes[i] = lastNode;
    return top;
  }
}
