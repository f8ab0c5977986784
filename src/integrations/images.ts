/**
 * Publishes the reports' photos once Astro has written the pages (src/media/emit.ts), for
 * `npm run build` and a bare `astro build` alike.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emitImages } from '../media/emit.ts';
import { contentPaths } from '../paths.ts';

export default function images(): AstroIntegration {
  return {
    name: 'hallway-track:images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { published, encoded } = await emitImages(fileURLToPath(dir), contentPaths.reports);
        if (published) logger.info(`${published} image file${published === 1 ? '' : 's'} published (${encoded} encoded, ${published - encoded} from the cache)`);
      },
    },
  };
}
