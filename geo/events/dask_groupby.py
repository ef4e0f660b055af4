"""The cross-article merge's grouping (:mod:`geo.events.same_event`) as a Dask group-by, for the Dask
engine (``geo build --engine dask``)."""

from __future__ import annotations

from .same_event import group_place


def _place_of(item):
    return item[1].place


def _group_one_place(pair):
    return group_place(pair[1])


def dask_grouper(client):
    """The cross-article merge's grouping as a Dask group-by: reports keyed by place, shuffled to the
    workers, each place's reports grouped there (:func:`geo.events.same_event.group_place`); the groups
    come back in the order they began, as :func:`geo.events.same_event.group_events` gives them."""
    def grouper(keys):
        if not keys:
            return []
        import dask.bag as db

        bag = db.from_sequence(keys, npartitions=max(1, min(16, len(keys) // 500 + 1)))
        groups = bag.groupby(_place_of, shuffle="tasks").map(_group_one_place).flatten()
        return sorted(client.compute(groups).result(), key=lambda g: g[0])
    return grouper
