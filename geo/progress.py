"""Word of progress on stderr: a one-line notice, and a progress bar only when stderr is a terminal.

Both are silent under ``geo -q`` (:func:`quiet`), and the bar never shows in a pipe, a log or a test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_QUIET = False
BAR_OVER = 50  # items: a shorter loop takes a moment and needs no bar


def quiet(on: bool = True) -> None:
    global _QUIET
    _QUIET = on


def notice(message: str) -> None:
    """One line on stderr, before something slow ("building the gazetteer ...")."""
    if not _QUIET:
        print(f"geo: {message}", file=sys.stderr, flush=True)


def bar(items: Iterable[T], desc: str, total: int | None = None, slow: bool = False) -> Iterator[T]:
    """``items``, with a tqdm bar on stderr when it is a terminal and the loop is long (or each item
    ``slow``)."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if _QUIET or not sys.stderr.isatty() or (not slow and total is not None and total < BAR_OVER):
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, total=total, unit="", leave=False, file=sys.stderr)
