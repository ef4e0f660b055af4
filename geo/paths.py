"""Where the build keeps what it can make again (the gazetteer's, the per-article and the language model's caches)."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR/geo``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``."""
    base = os.environ.get("GEO_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geo"
