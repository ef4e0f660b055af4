"""Which language an article is in (py3langid: a maintained fork of langid.py whose model ships in the
package, 97 languages, numpy only; chosen for being small and offline).  An article not in English gets a
notice naming its language: its places are matched against the gazetteer's names (many are multilingual),
but no incidents are extracted from it."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import mapping

MIN_CHARS = 200  # shorter texts are not judged
MIN_PROBABILITY = 0.9
SAMPLE = 3000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def language(text: str) -> str:
    """ISO 639-1 code of the text's language; "en" when the text is short or the model is not sure."""
    sample = text.strip()[:SAMPLE]
    if len(sample) < MIN_CHARS:
        return "en"
    code, prob = _identifier().classify(sample)
    return code if prob >= MIN_PROBABILITY else "en"


def language_name(code: str) -> str:
    return mapping("languages").get(code, code)
