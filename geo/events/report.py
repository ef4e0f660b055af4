"""The record of one event report (a sentence with a trigger) between the event stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DateRange, Mention, Place, Sentence
from .where import country_only


@dataclass
class Report:
    sentence: Sentence
    index: int  # sentence number within the page
    event_type: str
    trigger: str
    trigger_at: int  # offset of the trigger in the article text
    places: list[tuple[Mention | None, Place, bool]]  # (mention, place, near)
    date: DateRange | None = None
    date_text: str = ""
    relative: bool = False
    same_as_previous: bool = False
    extra: list[Sentence] = field(default_factory=list)  # sentences it borrowed its date from
    context: list[Sentence] = field(default_factory=list)  # the sentence before or after that completes it
    days_before: int = 0  # undated, but at least this many days before the writing date
    written: DateRange | None = None  # the writing day (geo.events.dating.writing_day), when known
    follow: list[Sentence] = field(default_factory=list)  # next sentences about the same event
    story_year: int | None = None  # with no writing date: the last year the story named (geo.events.dating.story_year)

    @property
    def own_date(self) -> bool:
        """Dated by an expression in its own sentence, not borrowed."""
        return self.date is not None and not self.date_text.startswith("as ")

    @property
    def country_only(self) -> bool:
        return country_only(self.places)

    @property
    def countries(self) -> set[str]:
        return {p.country for _, p, _ in self.places}


