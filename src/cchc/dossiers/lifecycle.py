"""The order rules of a dossier's lifecycle (thứ tự sự kiện hồ sơ), written once as data.

:data:`ORDER_RULES` is the one statement of what may follow what. Each
:class:`OrderRule` has a stable code, the event kinds it relates, its test, the
message raised, the rule in Vietnamese and English and the source it rests on
(a key of the registry ``cchc/data/sources.csv`` and the article). Two short
functions apply the same table:

* :func:`check_events` walks a :class:`~cchc.dossiers.Event` sequence (any
  number of supplement rounds) and raises the first break as a
  :class:`~cchc.errors.LifecycleError` naming the event index and field;
* :func:`flat_breaks` evaluates the rules vectorised over the columns of the
  batch format, whose one row is the special case ``received,
  [supplement_requested, [supplement_received]], [rescheduled], [finished]``:
  each rule lists its instances on that row (:class:`FlatCheck`: the column
  at fault, the relation, the other column and the column message).

    >>> [r.code for r in ORDER_RULES][:3]
    ['LC-RECEIVED-FIRST', 'LC-TIME-ORDER', 'LC-TERMINAL-ENDS']
    >>> rule("LC-SUPPLEMENT-ANSWERS").cited()[0].cite()
    'Nghị định 61/2018/NĐ-CP (Chính phủ, 23/04/2018), Điều 19 khoản 4'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from cchc.errors import LifecycleError
from cchc.legal import LegalSource, source

from .events import TERMINAL_KINDS, Event, EventKind

__all__ = [
    "ORDER_RULES",
    "Condition",
    "FlatCheck",
    "OrderRule",
    "Relation",
    "check_events",
    "flat_breaks",
    "rule",
]

Mask = npt.NDArray[np.bool_]


class Condition(enum.StrEnum):
    """How an :class:`OrderRule` is tested on an event sequence."""

    FIRST = "first"
    """The first event is of ``kinds``."""
    ONCE = "once"
    """An event of ``kinds`` occurs at most once."""
    IN_TIME = "in_time"
    """No event is dated before the event it follows."""
    ENDS = "ends"
    """No event follows an event of ``kinds``."""
    ONLY_AFTER = "only_after"
    """After an event of ``kinds`` only events of ``other`` may come."""
    NOT_WHILE_OPEN = "not_while_open"
    """An event of ``kinds`` may not come while an ``other`` event is unanswered."""
    ANSWERS = "answers"
    """An event of ``kinds`` answers an unanswered ``other`` event."""
    CARRIES = "carries"
    """An event of ``kinds`` carries its ``new_due_at``."""


class Relation(enum.StrEnum):
    """How a :class:`FlatCheck` compares two columns of one row."""

    BEFORE = "before"
    """Both given and ``column`` earlier than ``other``."""
    AFTER = "after"
    """Both given and ``column`` later than ``other``."""
    WITHOUT = "without"
    """``column`` given, ``other`` empty."""
    APART = "apart"
    """One of the two given without the other."""


@attrs.frozen
class FlatCheck:
    """One instance of a rule on the flat batch row: where ``column`` is at fault."""

    column: str
    relation: Relation
    other: str
    message: str
    unless: str | None = None
    """The check does not apply when this column is given."""


@attrs.frozen
class OrderRule:
    """One lifecycle order rule (quy tắc thứ tự sự kiện)."""

    code: str
    test: Condition
    kinds: frozenset[EventKind]
    message: str
    """The :class:`~cchc.errors.LifecycleError` text on an event sequence; ``{kind}``,
    ``{at}``, ``{prev}`` and ``{prev_at}`` name the event at fault and the one before."""
    vi: str
    en: str
    sources: tuple[tuple[str, str], ...]
    """``(registry key, article)`` pairs; an empty article cites the whole source."""
    field: str = "kind"
    other: frozenset[EventKind] = frozenset()
    flat: tuple[FlatCheck, ...] = ()

    def cited(self) -> tuple[LegalSource, ...]:
        """The sources of the rule, each with its article (read from the registry)."""
        return tuple(
            source(key).model_copy(update={"article": article}) if article else source(key)
            for key, article in self.sources
        )


_K = EventKind
_REQ, _GOT = _K.SUPPLEMENT_REQUESTED, _K.SUPPLEMENT_RECEIVED
_CONVENTION = (("CONV-DOSSIER-EVENTS", ""),)
_SUPPLEMENT = (
    ("ND61-2018", "Điều 19 khoản 4"),
    ("ND118-2025", "Điều 19 khoản 5"),
)
_APOLOGY = (
    ("ND61-2018", "Điều 19 khoản 9"),
    ("ND118-2025", "Điều 19 khoản 6"),
)

ORDER_RULES: tuple[OrderRule, ...] = (
    OrderRule(
        code="LC-RECEIVED-FIRST",
        test=Condition.FIRST,
        kinds=frozenset({_K.RECEIVED}),
        message="the first event must be 'received', not '{kind}'",
        vi="Hồ sơ bắt đầu bằng việc tiếp nhận (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).",
        en="A dossier starts with its receipt (the receipt and appointment slip).",
        sources=(("ND61-2018", "Điều 17 khoản 1 điểm c"), ("ND118-2025", "Điều 17 khoản 3")),
        flat=(
            FlatCheck(
                "finished_at", Relation.BEFORE, "received_at", "finished before it was received"
            ),
            FlatCheck(
                "supplement_requested_at",
                Relation.BEFORE,
                "received_at",
                "supplement requested before receipt",
            ),
            FlatCheck(
                "rescheduled_at", Relation.BEFORE, "received_at", "rescheduled before receipt"
            ),
        ),
    ),
    OrderRule(
        code="LC-TIME-ORDER",
        test=Condition.IN_TIME,
        kinds=frozenset(_K),
        message="event '{kind}' at {at} is before the previous event '{prev}' at {prev_at}",
        vi="Các sự kiện được ghi theo thứ tự thời gian; kết thúc sau vòng bổ sung.",
        en="Events are recorded in time order; the finish comes after the supplement round.",
        sources=_CONVENTION,
        field="at",
        flat=(
            FlatCheck(
                "supplement_received_at",
                Relation.BEFORE,
                "supplement_requested_at",
                "supplement received before it was requested",
            ),
            # finished while a supplement is pending = closed (refused / withdrawn / lapsed,
            # ND 118/2025 Art 19(5)); it cannot come before the request
            FlatCheck(
                "finished_at",
                Relation.BEFORE,
                "supplement_requested_at",
                "finished before the supplement was requested",
                unless="supplement_received_at",
            ),
            FlatCheck(
                "finished_at",
                Relation.BEFORE,
                "supplement_received_at",
                "finished before the supplement was received",
            ),
        ),
    ),
    OrderRule(
        code="LC-TERMINAL-ENDS",
        test=Condition.ENDS,
        kinds=frozenset(TERMINAL_KINDS),
        message="no event may follow '{prev}'",
        vi="Từ chối, rút hồ sơ hoặc trả kết quả kết thúc hồ sơ.",
        en="A refusal, a withdrawal or the return of the result ends the dossier.",
        sources=(("ND118-2025", "Điều 21 khoản 1"), *_CONVENTION),
    ),
    OrderRule(
        code="LC-DECIDED-THEN-RETURNED",
        test=Condition.ONLY_AFTER,
        kinds=frozenset({_K.DECIDED}),
        other=frozenset({_K.RETURNED}),
        message="only 'returned' may follow 'decided', not '{kind}'",
        vi="Sau khi xử lý xong chỉ còn trả kết quả; không xin lỗi, hẹn lại sau đó.",
        en="After the decision only the return follows; no apology after it.",
        sources=(("ND118-2025", "Điều 21 khoản 1"), *_CONVENTION),
        flat=(
            FlatCheck(
                "rescheduled_at",
                Relation.AFTER,
                "finished_at",
                "rescheduled after the dossier was finished",
            ),
        ),
    ),
    OrderRule(
        code="LC-RECEIVED-ONCE",
        test=Condition.ONCE,
        kinds=frozenset({_K.RECEIVED}),
        message="a second 'received' event",
        vi="Mỗi hồ sơ được tiếp nhận một lần, với một mã số hồ sơ.",
        en="A dossier is received once, under one dossier code.",
        sources=(("ND118-2025", "Điều 17 khoản 3"),),
    ),
    OrderRule(
        code="LC-ONE-REQUEST",
        test=Condition.NOT_WHILE_OPEN,
        kinds=frozenset({_REQ}),
        other=frozenset({_REQ}),
        message="a supplement is already requested",
        vi="Không yêu cầu bổ sung mới khi yêu cầu trước chưa được đáp ứng.",
        en="No new supplement request while the previous one is unanswered.",
        sources=_CONVENTION,
    ),
    OrderRule(
        code="LC-SUPPLEMENT-ANSWERS",
        test=Condition.ANSWERS,
        kinds=frozenset({_GOT}),
        other=frozenset({_REQ}),
        message="'supplement_received' without a pending request",
        vi="Hồ sơ bổ sung trả lời một yêu cầu bổ sung đang chờ.",
        en="A supplement answers a pending supplement request.",
        sources=_SUPPLEMENT,
        flat=(
            FlatCheck(
                "supplement_received_at",
                Relation.WITHOUT,
                "supplement_requested_at",
                "supplement received without a request",
            ),
        ),
    ),
    OrderRule(
        code="LC-DECIDED-COMPLETE",
        test=Condition.NOT_WHILE_OPEN,
        kinds=frozenset({_K.DECIDED}),
        other=frozenset({_REQ}),
        message="'decided' while a supplement is pending",
        vi="Chỉ xử lý xong hồ sơ đã đủ; đang chờ bổ sung thì chỉ có thể đóng, từ chối hoặc rút.",
        en="Only a complete dossier is decided; one awaiting a supplement may only be closed.",
        sources=(*_SUPPLEMENT, ("ND118-2025", "Điều 21 khoản 1")),
    ),
    OrderRule(
        code="LC-RESCHEDULED-NEW-DUE",
        test=Condition.CARRIES,
        kinds=frozenset({_K.RESCHEDULED}),
        message="'rescheduled' needs new_due_at",
        vi="Văn bản xin lỗi ghi ngày hẹn trả kết quả mới.",
        en="The apology states the new appointment date.",
        sources=_APOLOGY,
        field="new_due_at",
        flat=(
            FlatCheck(
                "rescheduled_due_at",
                Relation.APART,
                "rescheduled_at",
                "rescheduled_at and rescheduled_due_at go together",
            ),
        ),
    ),
)
"""Every lifecycle order rule; :func:`check_events` tests them in this order."""


def rule(code: str) -> OrderRule:
    """The rule with this code."""
    return next(r for r in ORDER_RULES if r.code == code)


_ANSWERED = {k: r.other for r in ORDER_RULES if r.test is Condition.ANSWERS for k in r.kinds}
"""For each answering kind, the kinds it answers (a supplement answers its request)."""
_OPENS = frozenset(k for kinds in _ANSWERED.values() for k in kinds)
"""Kinds that stay open until an answering event (a supplement request)."""


def _breaks(r: OrderRule, i: int, events: Sequence[Event], seen: set[EventKind]) -> bool:
    """Whether event ``i`` breaks rule ``r``.

    ``seen``: the kinds of the events before it, less the answered requests.
    """
    ev = events[i]
    prev = events[i - 1] if i else None
    if r.test is Condition.FIRST:
        return i == 0 and ev.kind not in r.kinds
    if r.test is Condition.ONCE:
        return ev.kind in r.kinds and ev.kind in seen
    if r.test is Condition.IN_TIME:
        return prev is not None and ev.at < prev.at
    if r.test is Condition.ENDS:
        return prev is not None and prev.kind in r.kinds
    if r.test is Condition.ONLY_AFTER:
        return bool(seen & r.kinds) and ev.kind not in r.other
    if r.test is Condition.NOT_WHILE_OPEN:
        return ev.kind in r.kinds and bool(seen & r.other & _OPENS)
    if r.test is Condition.ANSWERS:
        return ev.kind in r.kinds and not seen & r.other & _OPENS
    return ev.kind in r.kinds and ev.new_due_at is None  # Condition.CARRIES


def check_events(events: Sequence[Event]) -> None:
    """Check an event sequence against :data:`ORDER_RULES` (oldest event first).

    Raises:
        LifecycleError: the first break, naming the event index (``item``) and field.
    """
    seen: set[EventKind] = set()
    for i, ev in enumerate(events):
        for r in ORDER_RULES:
            if _breaks(r, i, events, seen):
                prev = events[i - 1] if i else ev
                text = r.message.format(
                    kind=ev.kind.value,
                    at=ev.at.isoformat(),
                    prev=prev.kind.value,
                    prev_at=prev.at.isoformat(),
                )
                raise LifecycleError(text, item=str(i), field=r.field)
        seen -= _ANSWERED.get(ev.kind, frozenset())
        if ev.kind not in _ANSWERED:
            seen.add(ev.kind)


def flat_breaks(
    at: Mapping[str, npt.NDArray[np.int64]], given: Mapping[str, Mask]
) -> Iterator[tuple[FlatCheck, Mask]]:
    """Each flat check of :data:`ORDER_RULES` with the rows that break it (vectorised).

    ``at`` holds the time columns as integers, ``given`` whether each value is present.
    """
    for r in ORDER_RULES:
        for c in r.flat:
            has, other = given[c.column], given[c.other]
            if c.relation is Relation.BEFORE:
                mask = has & other & (at[c.column] < at[c.other])
            elif c.relation is Relation.AFTER:
                mask = has & other & (at[c.column] > at[c.other])
            elif c.relation is Relation.WITHOUT:
                mask = has & ~other
            else:  # Relation.APART
                mask = has != other
            if c.unless is not None:
                mask &= ~given[c.unless]
            yield c, mask
