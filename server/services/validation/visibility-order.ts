// Orders questions so every condition is evaluated after the questions it reads (hidden parent → hidden child).

/**
 * A topological order of question indexes: `dependsOn[i]` lists the indexes question `i`'s
 * conditions read. Ties keep document order. Throws on a cycle (a question shown only when a
 * question it controls is answered), which SurveyJS would resolve by evaluation accident.
 *
 * @example
 * visibilityOrder(['B2', 'B1'], [[1], []]) // [1, 0]
 */
export function visibilityOrder(
  names: readonly string[],
  dependsOn: readonly (readonly number[])[],
): number[] {
  const waitingOn = dependsOn.map((deps) => new Set(deps).size);
  const dependents: number[][] = names.map(() => []);
  dependsOn.forEach((deps, index) => {
    for (const dep of new Set(deps)) dependents[dep]?.push(index);
  });
  const order: number[] = [];
  const done = new Array<boolean>(names.length).fill(false);
  // Quadratic in the worst case, but run once per questionnaire version on a few hundred questions.
  while (order.length < names.length) {
    const next = waitingOn.findIndex((count, index) => count === 0 && !done[index]);
    if (next < 0) {
      const stuck = names.filter((_, index) => !done[index]);
      throw new Error(`conditions depend on each other in a cycle among: ${stuck.join(', ')}`);
    }
    done[next] = true;
    order.push(next);
    for (const dependent of dependents[next] ?? []) {
      waitingOn[dependent] = (waitingOn[dependent] ?? 0) - 1;
    }
  }
  return order;
}
