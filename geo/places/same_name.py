"""One name, one place across a text: a short form of a longer town name the text gives is that town, and an
unresolved name the text puts near a town once is near it wherever it is named (:func:`geo.places.mentions.find_mentions`)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Mention
from ..text.normalize import norm


def short_forms(out: list[Mention]) -> list[Mention]:
    """"Stoczek ... near the town of Stoczek Łukowski", "Santiago ... Santiago de Cuba": a town named by the first
    words of a longer town name the text gives is that town, not another of the shorter name."""
    towns = [m for m in out if m.place is not None and m.place.kind in ("city", "town")]
    names = {m.text: m.place.key for m in towns}
    longer = {}
    for n in towns:  # each name's first words (a text stays linear)
        words = n.text.split(" ")
        for k in range(1, len(words)):
            short = " ".join(words[:k])
            if short in names and names[short] != n.place.key:
                longer.setdefault(short, n)
    if not longer:
        return out
    result = []
    for m in out:
        n = longer.get(m.text) if m.place is not None and m.place.kind in ("city", "town") else None
        if n is not None:
            m = replace(m, place=n.place, reason=f"the short form of {n.text!r}, which the text names at {n.start}: {n.place.name} ({n.place.key})")
        result.append(m)
    return result


def same_name_near(out: list[Mention]) -> list[Mention]:
    """"The Battle of Misar was ... the village of Misar near Sabac": an unresolved name the text places
    near a town once is near that town wherever the text names it."""
    hosts = {}
    for m in sorted(out, key=lambda m: m.start):
        if m.place is None and m.near is not None:
            hosts.setdefault(norm(m.text), m)
    if not hosts:
        return out
    result = []
    for m in out:
        host = hosts.get(norm(m.text)) if m.place is None and m.near is None else None
        if host is not None:
            m = replace(m, near=host.near, reason=f"{m.reason}; placed near {host.near.name} ({host.near.key}), "
                                                  f"as where the text names it again at {host.start}")
        result.append(m)
    return result
