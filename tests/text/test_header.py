"""The header reader on pasted pages of many outlets' layouts (tests/data/pages, written for it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.text.articles import read_header_of
from geo.text.header import find_date

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
PAGES2 = PAGES.with_name("pages2")


def scores(folder: Path) -> tuple[float, float, float, int]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    t = d = a = 0
    for name, e in expected.items():
        h = read_header_of((folder / name).read_text(encoding="utf-8-sig"))
        t += h.title == e["title"]
        d += h.published == e["date"]
        a += h.author == e["author"]
    n = len(expected)
    return t / n, d / n, a / n, n


@pytest.mark.parametrize("folder, layouts", [(PAGES, 26), (PAGES2, 24)])
def test_title_and_date_of_pastes_from_many_layouts(folder, layouts):
    title, date, author, n = scores(folder)
    print(f"{folder.name}: title {title:.3f}, date {date:.3f}, author {author:.3f} of {n} ({layouts} layouts)")
    assert n >= 24 and title >= 0.95 and date >= 0.95 and author >= 0.6


@pytest.mark.parametrize("line, iso", [
    ("NAIROBI, March 5 (Reuters) - Published 5 March 2024, 14:03 GMT", "2024-03-05"),
    ("Updated 6:42 PM EDT Tue March 5, 2024", "2024-03-05"),
    ("05/03/2024", "2024-03-05"),
    ("March 5, 2024 at 9:15 a.m.", "2024-03-05"),
    ("2024-03-05T09:15:00Z", "2024-03-05"),
    ("May 12, 202411:42 PM GMT+1", "2024-05-12"),
    ("28-08-2023", "2023-08-28"),
])
def test_date_forms(line, iso):
    assert find_date(line) == iso


def test_a_us_page_reads_a_numeric_date_month_first():
    assert find_date("03/05/2024 7:15 PM EST", us=True) == "2024-03-05"
    assert find_date("03/05/2024") == "2024-05-03"
