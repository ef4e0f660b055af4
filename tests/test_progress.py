"""Progress: a bar only on a terminal and a long loop, a notice unless quiet."""

from __future__ import annotations

import io
import sys

from geo import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_shows_on_a_terminal_only_and_never_changes_the_items(monkeypatch):
    progress.quiet(False)  # whatever an earlier `geo -q` call in this process left
    for stream, shows in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        assert list(progress.bar(range(200), "articles")) == list(range(200))
        assert ("articles" in stream.getvalue()) is shows
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert list(progress.bar(range(3), "articles")) == [0, 1, 2] and sys.stderr.getvalue() == ""  # short: no bar


def test_quiet_silences_the_notice_and_the_bar(monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    progress.quiet(True)
    try:
        progress.notice("building the gazetteer cache")
        list(progress.bar(range(200), "articles"))
        assert sys.stderr.getvalue() == ""
    finally:
        progress.quiet(False)
    progress.notice("building the gazetteer cache")
    assert sys.stderr.getvalue() == "geo: building the gazetteer cache\n"
