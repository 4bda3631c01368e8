"""Work done once per extraction, not once per figure: a memo that lives for one call.

Many figures of a sentence ask the same questions of it (its segments, the cues and the
countries it names), and each question is a pure function of the text and offsets it is
given. `scope()` opens a memo for one extraction; a `memoised` function called inside it
computes each distinct call once, and outside any scope it simply computes. Nothing
outlives the scope, so extracting the same text again repeats the work.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_CURRENT: ContextVar[dict[Any, Any] | None] = ContextVar("kzuz_claims_memo", default=None)


@contextmanager
def scope() -> Iterator[None]:
    """Memoise inside the block; a scope already open (an outer call) is kept."""
    if _CURRENT.get() is not None:
        yield
        return
    memo: dict[Any, Any] = {}
    token = _CURRENT.set(memo)
    try:
        yield
    finally:
        _CURRENT.reset(token)
        for callback in memo.get(_AT_CLOSE, {}).values():
            callback()


_AT_CLOSE = object()


def at_close(callback: Callable[[], object]) -> None:
    """Call `callback` (once, however often asked) when the open scope closes: work that
    would cost the scope more than it saves it, done for the next one."""
    memo = _CURRENT.get()
    if memo is not None:
        memo.setdefault(_AT_CLOSE, {}).setdefault(callback, callback)


def active() -> bool:
    """Whether a scope is open: work worth doing once per document pays off."""
    return _CURRENT.get() is not None


def table(owner: object) -> dict[Any, Any] | None:
    """The open scope's own memo table for `owner` (made on first use), or None outside
    a scope: for callers that key their entries themselves."""
    memo = _CURRENT.get()
    if memo is None:
        return None
    found = memo.get(owner)
    if found is None:
        found = memo[owner] = {}
    return found


def memoised(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn`, computed once per distinct positional arguments within the open scope.

    The arguments must be hashable and the result must depend on nothing else.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _CURRENT.get()
        if memo is None or kwargs:
            return fn(*args, **kwargs)
        key = (fn, args)
        try:
            return memo[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        out = memo[key] = fn(*args, **kwargs)
        return out

    return wrapper
