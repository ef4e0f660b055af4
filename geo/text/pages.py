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
