"""One schema for article metadata, from a sidecar ``NAME.meta.json`` or front matter.

Every key, type, length and date is checked where it enters; a wrong one is a
one-line :class:`~geo.errors.ArticleError` naming the file, the key, the value
and the fix.  Nothing else can come out of it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..errors import ArticleError

# key -> longest value accepted (characters)
TEXT_KEYS = {"title": 500, "publisher": 200, "author": 300, "url": 2000, "via": 500, "notes": 5000, "body_end": 1000,
             "extracted_from": 300, "extractor": 100}
DATE_KEYS = ("published", "page_date")
META_KEYS = frozenset({*TEXT_KEYS, *DATE_KEYS, "embedded"})
EMBED_TEXT = {"title_line": 1000, "title": 500, "publisher": 200, "author": 300, "url": 2000, "notes": 5000}
EMBED_KEYS = frozenset({*EMBED_TEXT, "fragment", "published"})
MAX_EMBEDDED = 100
FRAGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def check_date(where: str, key: str, value: Any) -> str | None:
    """'2025-06-25' or '2025-06-22/2025-06-24' (an interval when only bounds are known); None stays None."""
    if value is None:
        return None
    fix = "write YYYY-MM-DD, or YYYY-MM-DD/YYYY-MM-DD when only bounds are known"
    if not isinstance(value, str):
        raise ArticleError(f"{where}: key {key!r} = {value!r}: a date must be a string; {fix}")
    parts = value.strip().split("/")
    if len(parts) > 2 or not all(ISO.fullmatch(p.strip()) for p in parts):
        raise ArticleError(f"{where}: key {key!r} = {value!r}: not a date; {fix}")
    try:
        days = [date.fromisoformat(p.strip()) for p in parts]
    except ValueError as err:
        raise ArticleError(f"{where}: key {key!r} = {value!r}: no such day ({err}); {fix}") from err
    if days[-1] < days[0]:
        raise ArticleError(f"{where}: key {key!r} = {value!r}: the interval ends before it starts; {fix}")
    return "/".join(d.isoformat() for d in days)


def _text(where: str, key: str, value: Any, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArticleError(f"{where}: key {key!r} = {value!r:.80}: must be text (a JSON string), not {type(value).__name__}")
    if len(value) > limit:
        raise ArticleError(f"{where}: key {key!r} is {len(value)} characters long; at most {limit} (shorten it)")
    return value.strip() or None


def check_meta(where: str, meta: Any) -> dict[str, Any]:
    """The metadata with every value checked; raises ArticleError on the first wrong one."""
    if not isinstance(meta, dict):
        raise ArticleError(f"{where}: metadata must be an object of key: value pairs, not {type(meta).__name__}")
    unknown = sorted(str(k) for k in meta if k not in META_KEYS)
    if unknown:
        raise ArticleError(f"{where}: unknown metadata key(s) {unknown!r}; allowed: {sorted(META_KEYS)}")
    out: dict[str, Any] = {}
    for key, limit in TEXT_KEYS.items():
        if key in meta:
            out[key] = _text(where, key, meta[key], limit)
    for key in DATE_KEYS:
        if key in meta:
            out[key] = check_date(where, key, meta[key])
    if "embedded" in meta:
        out["embedded"] = _embedded(where, meta["embedded"])
    return out


def _embedded(where: str, value: Any) -> list[dict[str, Any]]:
    fix = "a list of objects, each with 'fragment' and the exact 'title_line' that starts that article"
    if not isinstance(value, list):
        raise ArticleError(f"{where}: key 'embedded' = {value!r:.80}: must be {fix}")
    if len(value) > MAX_EMBEDDED:
        raise ArticleError(f"{where}: key 'embedded' has {len(value)} entries; at most {MAX_EMBEDDED}")
    out = []
    for i, emb in enumerate(value):
        at = f"{where}: embedded[{i}]"
        if not isinstance(emb, dict):
            raise ArticleError(f"{at} = {emb!r:.80}: must be an object; {fix}")
        bad = sorted(str(k) for k in emb if k not in EMBED_KEYS)
        if bad or "fragment" not in emb or "title_line" not in emb:
            raise ArticleError(f"{at}: needs 'fragment' and 'title_line' (allowed keys: {sorted(EMBED_KEYS)}); "
                               f"got {sorted(map(str, emb))!r}")
        frag = emb["fragment"]
        if not isinstance(frag, str) or not FRAGMENT.fullmatch(frag):
            raise ArticleError(f"{at}: key 'fragment' = {frag!r:.80}: letters, digits, '-' or '_', at most 80")
        item: dict[str, Any] = {"fragment": frag}
        for key, limit in EMBED_TEXT.items():
            if key in emb:
                item[key] = _text(at, key, emb[key], limit)
        if not item.get("title_line"):
            raise ArticleError(f"{at}: key 'title_line' is empty; copy the line that starts that article")
        if "published" in emb:
            item["published"] = check_date(at, "published", emb["published"])
        out.append(item)
    return out
