import { defaultLexicon } from '../../src/extract/lexicon';

/** The project's lexicon (graph/), which the tests extract with unless they say otherwise. */
export const lexicon = defaultLexicon();
