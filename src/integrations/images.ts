/**
 * Publishes the reports' photos once Astro has written the pages (src/media/emit.ts), for
 * `npm run build` and a bare `astro build` alike; `astro dev` serves each one as a page asks for
 * it, encoded from the photo beside the report on first request (and cached like a build's).
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cachedVariant, emitImages, photoSources } from '../media/emit.ts';
import type { Variant } from '../media/images.ts';
import { contentPaths } from '../paths.ts';

const types = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;

export default function images(): AstroIntegration {
  return {
    name: 'hallway-track:images',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const match = /\/_astro\/img\/([0-9a-f]{20})-(\d+)\.(webp|jpg|png)$/.exec((request.url ?? '').split('?')[0]!);
          const source = match && photoSources(contentPaths.reports).get(match[1]!);
          if (!match || !source) return next();
          const variant: Variant = { width: Number(match[2]), ext: match[3] as Variant['ext'] };
          cachedVariant(match[1]!, variant, source).then(({ path }) => {
            response.setHeader('Content-Type', types[variant.ext]);
            createReadStream(path).pipe(response);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { published, encoded } = await emitImages(fileURLToPath(dir), contentPaths.reports);
        if (published) logger.info(`${published} image file${published === 1 ? '' : 's'} published (${encoded} encoded, ${published - encoded} from the cache)`);
      },
    },
  };
}
