import { darken, luminance } from '@mantine/core';

/** WCAG 2.x contrast ratio of two colours (1 to 21); 4.5 is AA for body text. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The colour itself when it reads on the background at `minimum`, else the colour darkened in small
 * steps until it does. Mantine's yellow, orange, green and teal stay too light even at shade 9.
 */
export function readableOn(color: string, background: string, minimum = 4.6): string {
  for (let amount = 0; amount < 1; amount += 0.04) {
    const candidate = amount === 0 ? color : darken(color, amount);
    if (contrastRatio(candidate, background) >= minimum) return candidate;
  }
  return '#000000';
}
