"""Work memoised for one extraction is done once inside it and again in the next."""

from __future__ import annotations

from kzuz_claims.extract import _memo

CALLS: list[int] = []


@_memo.memoised
def _square(n: int) -> int:
    CALLS.append(n)
    return n * n


def test_memoised_computes_once_per_scope_and_always_outside() -> None:
    CALLS.clear()
    with _memo.scope():
        assert [_square(3), _square(3)] == [9, 9]
        with _memo.scope():  # an inner scope is the outer one
            assert _square(3) == 9
    with _memo.scope():
        assert _square(3) == 9
    assert _square(3) == 9
    assert CALLS == [3, 3, 3]


def test_at_close_runs_each_callback_once_when_the_scope_closes() -> None:
    ran: list[str] = []

    def note() -> None:
        ran.append("closed")

    with _memo.scope():
        _memo.at_close(note)
        _memo.at_close(note)
        assert ran == []
    assert ran == ["closed"]
    _memo.at_close(note)  # outside a scope: nothing to wait for
    assert ran == ["closed"]
