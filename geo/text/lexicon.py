"""The project's vocabulary, read from ``data/lexicon/*.tsv`` by one loader.

Every file starts with ``#`` lines that say what it holds and how it was
made, then one row per line, fields separated by tabs.  A new phrasing, cue
word or weight is a row in one of these files, not a code change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "lexicon"


@lru_cache(maxsize=None)
def rows(name: str, columns: int = 1, folder: Path = LEXICON_DIR) -> tuple[tuple[str, ...], ...]:
    """The rows of ``<name>.tsv``, each with exactly ``columns`` fields (the last may be empty)."""
    path = folder / f"{name}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LexiconError(f"{path}: cannot read the lexicon file ({err.strerror}); reinstall or restore it") from err
    if not lines or not lines[0].startswith("#"):
        raise LexiconError(f"{path}:1: a lexicon file starts with '#' lines saying what it holds and how it was made")
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) == columns - 1:
            fields.append("")
        if len(fields) != columns:
            raise LexiconError(f"{path}:{n}: expected {columns} tab-separated field(s), got {len(fields)}: {line!r}")
        out.append(tuple(f.strip() for f in fields))
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """The one-column file ``<name>.tsv`` as a tuple of words, in file order."""
    return tuple(r[0] for r in rows(name))


def mapping(name: str) -> dict[str, str]:
    """A two-column file as a dict (first column -> second)."""
    return dict(rows(name, 2))


def tagged(name: str, tag: str) -> tuple[str, ...]:
    """Words of a two-column ``word<TAB>tags`` file that carry ``tag`` (tags comma-separated)."""
    return tuple(w for w, tags in rows(name, 2) if tag in tags.split(","))


def alternation(items) -> str:
    """A regex alternation of literal phrases, longest first ("air base" before "air")."""
    return "|".join(re.escape(w) for w in sorted(items, key=lambda w: (-len(w), w)))


def weights(name: str = "weights") -> dict[str, float]:
    return {k: float(v) for k, v in rows(name, 2)}
