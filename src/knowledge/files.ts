import { fileURLToPath } from 'node:url';

/** The built-in knowledge file, beside the sources and the build output alike (src/knowledge, dist/knowledge). */
export const BUILTIN_PATH = fileURLToPath(new URL('../../knowledge/stack-advisor.yaml', import.meta.url));

/** The built-in kit templates, beside the knowledge base (knowledge/kit.yaml), from src and dist alike. */
export const KIT_TEMPLATES_PATH = fileURLToPath(new URL('../../knowledge/kit.yaml', import.meta.url));
