/**
 * Where content lives. `CONTENT_DIR` (default `content`) points a build, a check or a test at
 * another corpus, e.g. the fixture corpus under tests/. Paths are relative to the project root,
 * as people see them in error messages.
 */
import { join } from 'node:path';

export const contentDir = process.env.CONTENT_DIR ?? 'content';

export const contentPaths = {
  reports: join(contentDir, 'reports'),
  sources: join(contentDir, 'sources'),
  events: join(contentDir, 'events.yaml'),
  tools: join(contentDir, 'tools.yaml'),
  topics: join(contentDir, 'topics.yaml'),
};
