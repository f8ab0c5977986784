/**
 * A bare `astro build` runs the whole content check (src/check/, every rule of src/check/rules/)
 * before Astro loads any content, and stops with its problems, so it refuses exactly what
 * `npm run check` refuses, in the same words (without it, the loaders' and Astro's schema errors
 * came first, in Astro's words, and the leftover, topic and summary rules never ran).
 * `npm run build` runs the check beside Astro itself (scripts/build.ts) and says so with
 * HALLWAY_CHECK=elsewhere, so it is not run twice.
 */
import type { AstroIntegration } from 'astro';
import { checkContent, warmReports } from '../check/index.ts';
import { formatProblems } from '../lib/problems.ts';
import { config } from '../config.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'hallway-content-check',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build' || config.checkElsewhere) return;
        // Bodies are rendered on every core first, into the cache the loader then reads, as npm run build does.
        await warmReports();
        const { problems } = checkContent();
        if (!problems.length) return;
        // Printed and ended here rather than thrown: Astro would wrap it in its own words ("An unhandled error occurred…").
        console.error(`${formatProblems(problems)}\n\nBuild stopped before anything was built. \`npm run check\` lists the heading ids; \`npm run check -- --fix\` writes tools, year, city and section ids.`);
        process.exit(1);
      },
    },
  };
}
