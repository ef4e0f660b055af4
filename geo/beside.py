"""A forked child that does slow preparation at once and the work it is sent later, beside this process.

A build that finds a few new articles among thousands of cached ones spends most of its time loading
the parser (and, before that, the gazetteer) for them; a child forked early does that while this process
reads its cache.  Only where a fork is safe: a POSIX system and no other thread in this process (a
browser's or a server's could be forked mid-lock).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any

Send = Callable[[Any], "Callable[[], Any] | None"]


def fork_beside(prepare: Callable[[], None], work: Callable[[Any], Any]) -> Send | None:
    """Fork a child that runs ``prepare()`` at once, then ``work(todo)`` on the ``todo`` it is sent.

    Returns ``send(todo)``, or None where no fork is safe.  ``send`` with a falsy ``todo`` stops the child
    and returns None; otherwise it returns ``wait()``, which gives what ``work`` returned (None when the
    child failed: the caller does the work itself)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    r1, w1 = os.pipe()  # the work: this process to the child
    r2, w2 = os.pipe()  # its result: the child to this process
    pid = os.fork()
    if pid == 0:  # the child: prepare, work, send, and leave without running the parent's exit handlers
        code = 1
        try:
            os.close(w1)
            os.close(r2)
            prepare()
            with os.fdopen(r1, "rb") as fh:
                todo = pickle.load(fh)
            with os.fdopen(w2, "wb") as fh:
                pickle.dump(work(todo), fh, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(r1)
    os.close(w2)

    def send(todo):
        if not todo:
            os.close(w1)
            os.close(r2)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        try:
            with os.fdopen(w1, "wb") as fh:
                pickle.dump(todo, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # the child died before it was told (its wait() then gives None)
            pass

        def wait():
            with os.fdopen(r2, "rb") as fh:
                try:
                    got = pickle.load(fh)
                except Exception:  # the child died
                    got = None
            _, status = os.waitpid(pid, 0)
            return got if status == 0 else None

        return wait

    return send
