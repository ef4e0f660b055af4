"""Stage 2: places.  The gazetteer (built from pluggable sources), the names
an article mentions, how each is resolved to one place, and geometry."""
