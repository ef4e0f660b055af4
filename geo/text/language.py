"""Which language an article is in (py3langid: a maintained fork of langid.py whose model ships in the
package, 97 languages, numpy only; chosen for being small and offline).  An article not in English gets a
notice naming its language: its places are matched against the gazetteer's names (many are multilingual),
but no incidents are extracted from it."""

from __future__ import annotations

import logging
import os
import pickle
import re
import shutil
import tempfile
from array import array
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from ..paths import default_cache_dir
from .lexicon import mapping, words

log = logging.getLogger(__name__)
MIN_CHARS = 200  # shorter texts are not judged
# Most articles are plainly English: a fifth of their words are English function words
# (data/lexicon/english_marks.tsv), and those skip the model.
ENGLISH_MARKS = frozenset(words("english_marks"))
ENGLISH_SHARE = 0.2
ENGLISH_MIN_WORDS = 30
WORD = re.compile(r"[a-z]+")
MIN_PROBABILITY = 0.9
SAMPLE = 3000


@lru_cache(maxsize=1)
def identifier():
    """py3langid's model.  The package ships it compressed (0.6 s to read); the first process keeps it
    decompressed in the cache folder (``langid/<version>``: its largest table memory-mapped, so every
    process reads it at once and shares its pages), and each later one reads that."""
    import numpy as np
    from py3langid import langid

    model = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    folder = default_cache_dir() / "langid" / f"{version('py3langid')}-{model.stat().st_size}"
    try:
        with (folder / "parts.pickle").open("rb") as fh:
            pc, classes, output, codes = pickle.load(fh)
        nextmove, row = array(codes[0]), array(codes[1])
        nextmove.frombytes((folder / "nextmove.bin").read_bytes())
        row.frombytes((folder / "row.bin").read_bytes())
        ptc = np.load(folder / "ptc.npy", mmap_mode="r").view(np.ndarray)  # (mapped still; indexed as fast as any array)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, IndexError):
        ident = langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)
        _keep(folder, ident.nb_ptc, ident.nb_pc, ident.nb_classes, ident.tk_nextmove, ident.tk_row, ident.tk_output)
        return ident
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _keep(folder: Path, ptc, pc, classes, nextmove, row, output) -> None:
    """The decompressed model, written whole or not at all (another process may be writing it too)."""
    import numpy as np

    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        np.save(tmp / "ptc.npy", ptc)
        (tmp / "nextmove.bin").write_bytes(nextmove.tobytes())
        (tmp / "row.bin").write_bytes(row.tobytes())
        with (tmp / "parts.pickle").open("wb") as fh:  # last: the folder is whole when it is there
            pickle.dump((pc, classes, output, (nextmove.typecode, row.typecode)), fh, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            os.rename(tmp, folder)
        except OSError:  # another process was first
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError as err:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        log.debug("language model not kept in %s: %s", folder, err)


def language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is short or the model is not sure."""
    sample = text.strip()[:SAMPLE]
    if len(sample) < MIN_CHARS:
        return "en"
    ws = WORD.findall(sample.lower())
    if len(ws) >= ENGLISH_MIN_WORDS and sum(w in ENGLISH_MARKS for w in ws) >= ENGLISH_SHARE * len(ws):
        return "en"
    code, prob = identifier().classify(sample)
    return code if prob >= MIN_PROBABILITY else "en"


def language_name(code: str) -> str:
    return mapping("languages").get(code, code)
