"""Saved web pages (``.html``, ``.htm``) as articles, read with trafilatura.

The field's standard main-text and metadata extractor gives the article's
text, title, author, date, site name and address.  The text is written next to
the page as ``NAME.txt`` (every offset indexes it) with a sidecar
``NAME.meta.json`` recording ``extracted_from`` (the page's name and sha256) and
the extractor's version; while the page is unchanged, the text is not extracted
again, so quotes stay stable.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..errors import ArticleError

PAGE_SUFFIXES = (".html", ".htm")


def page_digest(page: Path) -> str:
    return f"{page.name} sha256:{hashlib.sha256(page.read_bytes()).hexdigest()}"


def extract_page(html: str | bytes, where: str) -> tuple[str, dict[str, Any]]:
    """(main text, metadata) of a page; ArticleError naming ``where`` when it holds no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, output_format="python", include_comments=False)
    except Exception as err:  # the extractor's own failures on odd markup
        raise ArticleError(f"{where}: the page could not be read ({type(err).__name__}: {err}); save it again") from err
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ArticleError(f"{where}: no article text found in the page; save the article's own page, or paste its text")
    meta: dict[str, Any] = {
        "title": getattr(doc, "title", None),
        "author": getattr(doc, "author", None),
        "published": getattr(doc, "date", None),
        "publisher": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "url": getattr(doc, "url", None),
        "extractor": f"trafilatura {version('trafilatura')}",
    }
    return text + "\n", {k: v for k, v in meta.items() if v}


def prepare_pages(folder: Path) -> list[str]:
    """Extract every saved page of ``folder`` whose text is missing or stale; one error line per page that fails."""
    errors = []
    for page in sorted(p for suffix in PAGE_SUFFIXES for p in folder.rglob(f"*{suffix}") if p.is_file()):
        txt, side = page.with_suffix(".txt"), page.with_suffix(".meta.json")
        try:
            digest = page_digest(page)
            if txt.exists() and side.exists():
                meta = json.loads(side.read_text(encoding="utf-8"))
                if isinstance(meta, dict) and meta.get("extracted_from") == digest:
                    continue  # extracted before from this very page
            text, meta = extract_page(page.read_bytes(), str(page))
            meta["extracted_from"] = digest
            txt.write_text(text, encoding="utf-8")
            side.write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        except ArticleError as err:
            errors.append(str(err))
        except (OSError, ValueError) as err:
            errors.append(f"{page}: cannot be read as a saved page ({type(err).__name__}: {err})")
    return errors


def add_article(source: str, folder: Path, timeout: float = 20.0) -> tuple[Path, dict[str, Any], list[str]]:
    """Put an article into ``folder``: a text file copied verbatim, a saved page or a URL's page
    extracted (the network is used only for a URL, only here).  Writes ``NAME.txt`` and a sidecar of
    what was found, for the user to check; returns (the text file, the metadata, the keys still missing)."""
    import re

    from .articles import decode, read_header_of

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
    import re
    import unicodedata

    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].rstrip("-") or "article"
