/** The static server lives in scripts/lib/ so the bench uses it too; the tests import it from here. */
export { serve, type Served } from '../../scripts/lib/serve.ts';
