"""News archives as input: a JSONL or Parquet file with one article per row.

Each row has ``text`` and, optionally, ``id`` and metadata columns with the sidecar's names
(``title``, ``publisher``, ``published``, ``author``, ``url``, ``notes``); other columns are
ignored.  An article is named ``<file name>#<id>`` (the row number, from 1, when there is no
``id``), and its quotes and offsets index the row's text.  A bad row gives one error line naming
the file, the row and the fix; the other rows are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArticleError
from .metadata import check_meta

ARCHIVE_SUFFIXES = (".jsonl", ".parquet")
ROW_META = ("title", "publisher", "published", "author", "url", "notes")
MAX_TEXT = 20_000_000  # characters in one row


@dataclass(frozen=True)
class Row:
    archive: Path
    name: str  # <file name>#<id>
    text: str
    meta: dict[str, Any]


def is_archive(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ARCHIVE_SUFFIXES


def _records(path: Path) -> Iterator[tuple[int, Any]]:
    if path.suffix.lower() == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError as err:
            raise ArticleError(f"{path}: reading Parquet needs pyarrow: pip install 'geo-news-map[parquet]'") from err
        try:
            rows = pq.read_table(path).to_pylist()
        except Exception as err:
            raise ArticleError(f"{path}: not a readable Parquet file ({err})") from err
        yield from enumerate(rows, 1)
        return
    with path.open(encoding="utf-8", errors="strict") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as err:
                    yield n, ArticleError(f"{path}:{n}: not a JSON object ({err.msg}); write one article per line")


def _text(value: Any) -> Any:
    """A Parquet date or timestamp as the text a sidecar holds."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def read_archive(path: Path) -> tuple[list[Row], list[str]]:
    """The rows of an archive, in file order, and an error line for each that cannot be an article."""
    rows: list[Row] = []
    errors: list[str] = []
    seen: set[str] = set()
    try:
        records = list(_records(path))
    except UnicodeDecodeError as err:
        raise ArticleError(f"{path}: not valid UTF-8 ({err.reason}); re-save the archive as UTF-8") from err
    for n, rec in records:
        where = f"{path}:{n}"
        if isinstance(rec, ArticleError):
            errors.append(str(rec))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            errors.append(f"{where}: a row needs a 'text' string; add it or remove the row")
            continue
        if len(rec["text"]) > MAX_TEXT:
            errors.append(f"{where}: 'text' is {len(rec['text'])} characters long; at most {MAX_TEXT}")
            continue
        rid = str(rec.get("id") if rec.get("id") not in (None, "") else n)
        name = f"{path.name}#{rid}"
        if name in seen:
            errors.append(f"{where}: id {rid!r} repeats an earlier row's; give each row its own id")
            continue
        try:
            meta = check_meta(where, {k: _text(rec[k]) for k in ROW_META if rec.get(k) is not None})
        except ArticleError as err:
            errors.append(str(err))
            continue
        seen.add(name)
        rows.append(Row(path, name, rec["text"], meta))
    return rows, errors
