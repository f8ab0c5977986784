import type { Rule } from "./rule.ts";
export const enforcedElsewhere: Rule[] = [];
