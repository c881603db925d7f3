/**
 * Marks the nodes of the largest strongly connected component of a directed
 * graph (iterative Tarjan, linear time, no recursion so a country's graph
 * cannot overflow the stack). From any marked node every other marked node can
 * be reached and left again, which is what a snapped stop needs.
 * `from`/`to` are 0-based node indices of the directed arcs.
 */
export function largestStrongComponent(nodeCount: number, from: Int32Array, to: Int32Array): Uint8Array {
  const firstArc = new Int32Array(nodeCount + 1);
  for (const node of from) firstArc[node + 1]! += 1;
  for (let node = 0; node < nodeCount; node += 1) firstArc[node + 1]! += firstArc[node]!;
  const arcHead = new Int32Array(from.length);
  const fill = firstArc.slice(0, nodeCount);
  from.forEach((node, arc) => {
    arcHead[fill[node]!++] = to[arc]!;
  });

  const index = new Int32Array(nodeCount).fill(-1);
  const lowLink = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const component = new Int32Array(nodeCount).fill(-1);
  const nextArc = new Int32Array(nodeCount);
  const stack: number[] = [];
  const callStack: number[] = [];
  const sizes: number[] = [];
  let counter = 0;

  for (let root = 0; root < nodeCount; root += 1) {
    if (index[root] !== -1) continue;
    callStack.push(root);
    index[root] = lowLink[root] = counter++;
    nextArc[root] = firstArc[root]!;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const node = callStack[callStack.length - 1]!;
      if (nextArc[node]! < firstArc[node + 1]!) {
        const head = arcHead[nextArc[node]!++]!;
        if (index[head] === -1) {
          index[head] = lowLink[head] = counter++;
          nextArc[head] = firstArc[head]!;
          stack.push(head);
          onStack[head] = 1;
          callStack.push(head);
        } else if (onStack[head]) {
          lowLink[node] = Math.min(lowLink[node]!, index[head]!);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) lowLink[parent] = Math.min(lowLink[parent]!, lowLink[node]!);
      if (lowLink[node] !== index[node]) continue;
      const id = sizes.length;
      let size = 0;
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component[member] = id;
        size += 1;
      } while (member !== node);
      sizes.push(size);
    }
  }
  let largest = 0;
  sizes.forEach((size, id) => {
    if (size > sizes[largest]!) largest = id;
  });
  return Uint8Array.from(component, (id) => (id === largest ? 1 : 0));
}
