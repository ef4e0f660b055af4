"""Which language an article is in, and the language model kept decompressed in the cache folder."""

from __future__ import annotations

from geo.text import language as lang

ENGLISH = "Rockets struck a base near Kirkuk on Monday, killing four soldiers, officials said. " * 4
FRENCH = ("Le mercredi 18 décembre 1991, le quartier d’Arhiba, en périphérie de Djibouti-ville, a été le théâtre "
          "d’un massacre perpétré par les forces de sécurité contre des civils. Entre 40 et 60 personnes ont été tuées.")


def test_the_model_is_kept_decompressed_and_read_back_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    first = lang.identifier.__wrapped__()  # reads the package's compressed model and keeps it
    (kept,) = (tmp_path / "geo" / "langid").iterdir()
    assert sorted(p.name for p in kept.iterdir()) == ["nextmove.bin", "parts.pickle", "ptc.npy", "row.bin"]
    again = lang.identifier.__wrapped__()  # reads the kept copy (its largest table memory-mapped)
    import numpy as np

    assert isinstance(again.nb_ptc.base, np.memmap)
    for text in (ENGLISH, FRENCH):
        assert again.classify(text) == first.classify(text)
    assert again.classify(FRENCH)[0] == "fr" and again.classify(ENGLISH)[0] == "en"


def test_a_damaged_kept_model_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    lang.identifier.__wrapped__()
    (kept,) = (tmp_path / "geo" / "langid").iterdir()
    (kept / "parts.pickle").write_bytes(b"not a pickle")
    assert lang.identifier.__wrapped__().classify(FRENCH)[0] == "fr"  # the package's model, read again


def test_a_plainly_english_text_needs_no_model_and_another_language_gets_it(monkeypatch):
    asked = []
    real = lang.identifier()

    class Spy:
        def classify(self, text):
            asked.append(text)
            return real.classify(text)

    monkeypatch.setattr(lang, "identifier", lambda: Spy())
    plain = ("The attack was carried out by gunmen who had been seen in the town the week before, and it was the third "
             "this year, the police said in a statement to the press on Monday after the funeral of the victims.")
    assert lang.language(plain) == "en" and asked == []
    assert lang.language(FRENCH + " " + FRENCH) == "fr" and len(asked) == 1
