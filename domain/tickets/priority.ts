/**
 * Priority is derived, not chosen: impact (how much of the client is affected) × urgency (how
 * soon it hurts) through a matrix. Staff may override it with a reason.
 */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Impact = (typeof LEVELS)[number];
export type Urgency = (typeof LEVELS)[number];

export const PRIORITIES = [1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_NAMES: Record<Priority, 'critical' | 'high' | 'medium' | 'low'> = {
  1: 'critical',
  2: 'high',
  3: 'medium',
  4: 'low',
};

/** matrix[impact][urgency] */
export type PriorityMatrix = Record<Impact, Record<Urgency, Priority>>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 1, medium: 2, low: 3 },
  medium: { high: 2, medium: 3, low: 4 },
  low: { high: 3, medium: 4, low: 4 },
};

export function derivePriority(
  impact: Impact,
  urgency: Urgency,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[impact][urgency];
}

/** A matrix is sound when every cell holds a priority and more impact or urgency never lowers it. */
export function checkPriorityMatrix(matrix: PriorityMatrix): string[] {
  const issues: string[] = [];
  for (const impact of LEVELS) {
    for (const urgency of LEVELS) {
      const cell = matrix[impact]?.[urgency];
      if (!PRIORITIES.includes(cell as Priority)) issues.push(`${impact}/${urgency} must be a priority from 1 to 4`);
    }
  }
  if (issues.length > 0) return issues;
  for (let i = 1; i < LEVELS.length; i++) {
    const [higher, lower] = [LEVELS[i - 1], LEVELS[i]] as [Impact, Impact];
    for (const other of LEVELS) {
      if (matrix[higher][other] > matrix[lower][other])
        issues.push(`impact ${higher} must not rank below ${lower} at urgency ${other}`);
      if (matrix[other][higher] > matrix[other][lower])
        issues.push(`urgency ${higher} must not rank below ${lower} at impact ${other}`);
    }
  }
  return issues;
}
