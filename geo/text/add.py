"""``geo add``: put an article into the articles folder, with a sidecar of the metadata found."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import ArticleError
from .articles import decode, read_header_of
from .pages import PAGE_SUFFIXES, extract_page, page_digest


def add_article(source: str, folder: Path, timeout: float = 20.0) -> tuple[Path, dict[str, Any], list[str]]:
    """Put an article into ``folder``: a text file copied verbatim, a saved page or a URL's page
    extracted (the network is used only for a URL, only here).  Writes ``NAME.txt`` and a sidecar of
    what was found, for the user to check; returns (the text file, the metadata, the keys still missing)."""
    if re.match(r"https?://", source):
        html = _fetch(source, timeout)
        text, meta = extract_page(html, source)
        meta.setdefault("url", source)
        stem = _slug(meta.get("title") or source.rstrip("/").rsplit("/", 1)[-1])
    else:
        path = Path(source)
        if not path.is_file():
            raise ArticleError(f"{path}: no such file; give a .txt article, a saved .html page or an http(s) URL")
        if path.suffix.lower() in PAGE_SUFFIXES:
            text, meta = extract_page(path.read_bytes(), str(path))
            meta["extracted_from"] = page_digest(path)
        else:
            text, meta = decode(path), {}
            header = read_header_of(text)
            meta.update({k: v for k, v in (("title", header.title), ("published", header.published),
                                           ("author", header.author)) if v})
        stem = path.stem if not path.stem.startswith(("page", "index", "article")) else _slug(meta.get("title") or path.stem)
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / f"{stem}.txt"
    if txt.exists() and txt.read_text(encoding="utf-8", errors="replace") != text:
        raise ArticleError(f"{txt}: an article of that name is already there; remove it or rename the source")
    txt.write_text(text, encoding="utf-8")
    (folder / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                               encoding="utf-8")
    missing = [k for k in ("title", "publisher", "published", "author") if not meta.get(k)]
    return txt, meta, missing


def _fetch(url: str, timeout: float) -> bytes:
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "geo-news-map (geo add)"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read(20_000_000)
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise ArticleError(f"{url}: cannot fetch the page ({reason}); with no network, save the page in your browser "
                           "and run: geo add page.html") from err


def _slug(text: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].rstrip("-") or "article"
