"""Stage 1: text.  Articles and their sections, sentences, tokens, dates,
name normalisation, and the lexicon loader (``data/lexicon/``)."""
