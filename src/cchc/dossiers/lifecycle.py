"""The order rules of a dossier's lifecycle (thứ tự sự kiện hồ sơ), written once as data.

:func:`order_rules` is the one statement of what may follow what, read from
``cchc/dossiers/data/lifecycle_rules.yaml``. Each :class:`OrderRule` has a
stable code, the event kinds it relates, its test, the message raised, the rule
in Vietnamese and English and the sources it rests on (registry keys of
``cchc/data/sources.csv`` with the article). Two short functions apply the
same table:

* :func:`check_events` walks a :class:`~cchc.dossiers.Event` sequence (any
  number of supplement rounds) and raises the first break as a
  :class:`~cchc.errors.LifecycleError` naming the event index and field;
* :func:`flat_breaks` evaluates the rules vectorised over the columns of the
  batch format, whose one row is the special case ``received,
  [supplement_requested, [supplement_received]], [rescheduled], [finished]``:
  each rule lists its instances on that row (:class:`FlatCheck`: the column
  at fault, the relation, the other column and the column message).

The first rules, and where one comes from:

    >>> [r.code for r in order_rules()][:3]
    ['LC-RECEIVED-FIRST', 'LC-TIME-ORDER', 'LC-TERMINAL-ENDS']
    >>> rule("LC-SUPPLEMENT-ANSWERS").sources[0].cite()
    'Nghị định 61/2018/NĐ-CP (Chính phủ, 23/04/2018), Điều 19 khoản 4'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, field_validator

from cchc._data import load_bundled_items
from cchc._model import CchcRecord
from cchc.errors import LifecycleError, ValidationError
from cchc.legal import SourceRef

from .events import Event, EventKind

__all__ = [
    "Condition",
    "FlatCheck",
    "OrderRule",
    "Relation",
    "check_events",
    "flat_breaks",
    "order_rules",
    "rule",
]

_DATA = "lifecycle_rules.yaml"

Mask = npt.NDArray[np.bool_]
Answers = Mapping[EventKind, frozenset[EventKind]]


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


class FlatCheck(CchcRecord):
    """One instance of a rule on the flat batch row: where ``column`` is at fault."""

    column: str = Field(description="The time column at fault.")
    relation: Relation = Field(description="How it compares with ``other``.")
    other: str = Field(description="The time column it is compared with.")
    message: str = Field(description="The LifecycleError text on the column.")
    unless: str | None = Field(
        default=None, description="The check does not apply when this column is given."
    )


class OrderRule(CchcRecord):
    """One lifecycle order rule (quy tắc thứ tự sự kiện)."""

    code: str = Field(description="Stable code, e.g. 'LC-TIME-ORDER'.")
    test: Condition = Field(description="How the rule is tested on an event sequence.")
    kinds: frozenset[EventKind] = Field(
        default=frozenset(), description="The event kinds the rule is about."
    )
    other: frozenset[EventKind] = Field(
        default=frozenset(), description="The kinds it relates them to."
    )
    field: Literal["kind", "at", "new_due_at"] = Field(
        default="kind", description="The Event field at fault."
    )
    message: str = Field(
        description="The LifecycleError text on an event sequence; {kind}, {at}, {prev} and "
        "{prev_at} name the event at fault and the one before."
    )
    vi: str = Field(description="The rule in Vietnamese.")
    en: str = Field(description="The rule in English.")
    sources: tuple[SourceRef, ...] = Field(
        min_length=1, description="Where the rule comes from (registry key and article)."
    )
    flat: tuple[FlatCheck, ...] = Field(
        default=(), description="The rule's instances on the flat batch row."
    )

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        try:
            text.format(kind="", at="", prev="", prev_at="")
        except (KeyError, IndexError, ValueError) as exc:
            allowed = "{kind}, {at}, {prev} and {prev_at}"
            raise ValueError(f"a message may only name {allowed} (not {exc})") from None
        return text


@functools.cache
def order_rules() -> tuple[OrderRule, ...]:
    """Every lifecycle order rule, in the order :func:`check_events` tests them (read once)."""
    return load_bundled_items(OrderRule, "rules", "cchc.dossiers", "data", _DATA)


def rule(code: str) -> OrderRule:
    """The rule with this code.

    Raises:
        ValidationError: no rule has this code.
    """
    for r in order_rules():
        if r.code == code:
            return r
    raise ValidationError(f"unknown lifecycle rule {code!r}", field="code")


EventTest = Callable[[Event, Event | None, set[EventKind]], bool]
"""A rule's test on one event: ``(event, the event before or None, seen kinds) -> broken``.
``seen``: the kinds of the events before it, less the answered requests."""

_PER_KIND = frozenset(
    {Condition.ONCE, Condition.NOT_WHILE_OPEN, Condition.ANSWERS, Condition.CARRIES}
)
"""Conditions that only an event of the rule's ``kinds`` can break."""


def _test(r: OrderRule, opens: frozenset[EventKind]) -> EventTest:
    """The rule's test on one event (for the conditions of :data:`_PER_KIND`, the event
    is of ``r.kinds``: :func:`_plan` only asks those)."""
    kinds, other, c = r.kinds, r.other, r.test
    if c is Condition.FIRST:
        return lambda ev, prev, _seen: prev is None and ev.kind not in kinds
    if c is Condition.ONCE:
        return lambda ev, _prev, seen: ev.kind in seen
    if c is Condition.IN_TIME:
        return lambda ev, prev, _seen: prev is not None and ev.at < prev.at
    if c is Condition.ENDS:
        return lambda _ev, prev, _seen: prev is not None and prev.kind in kinds
    if c is Condition.ONLY_AFTER:
        return lambda ev, _prev, seen: not seen.isdisjoint(kinds) and ev.kind not in other
    pending = other & opens
    if c is Condition.NOT_WHILE_OPEN:
        return lambda _ev, _prev, seen: not seen.isdisjoint(pending)
    if c is Condition.ANSWERS:
        return lambda _ev, _prev, seen: seen.isdisjoint(pending)
    return lambda ev, _prev, _seen: ev.new_due_at is None  # Condition.CARRIES


@functools.cache
def _plan() -> tuple[Mapping[EventKind, tuple[tuple[OrderRule, EventTest], ...]], Answers]:
    """For each event kind, the rules it can break (in table order) with their tests; and
    for each answering kind, the kinds it answers (a supplement answers its request)."""
    rules = order_rules()
    answered = {k: r.other for r in rules if r.test is Condition.ANSWERS for k in r.kinds}
    opens = frozenset(k for kinds in answered.values() for k in kinds)
    tests = [(r, _test(r, opens)) for r in rules]
    plan = {
        kind: tuple((r, t) for r, t in tests if r.test not in _PER_KIND or kind in r.kinds)
        for kind in EventKind
    }
    return plan, answered


def check_events(events: Sequence[Event]) -> None:
    """Check an event sequence against :func:`order_rules` (oldest event first).

    Raises:
        LifecycleError: the first break, naming the event index (``item``) and field.
    """
    plan, answered = _plan()
    seen: set[EventKind] = set()
    prev: Event | None = None
    for i, ev in enumerate(events):
        for r, broken in plan[ev.kind]:
            if broken(ev, prev, seen):
                before = prev or ev
                text = r.message.format(
                    kind=ev.kind.value,
                    at=ev.at.isoformat(),
                    prev=before.kind.value,
                    prev_at=before.at.isoformat(),
                )
                raise LifecycleError(text, item=str(i), field=r.field)
        if ev.kind in answered:
            seen -= answered[ev.kind]
        else:
            seen.add(ev.kind)
        prev = ev


def flat_breaks(
    at: Mapping[str, npt.NDArray[np.int64]], given: Mapping[str, Mask]
) -> Iterator[tuple[FlatCheck, Mask | np.bool_]]:
    """Each flat check of :func:`order_rules` with the rows that break it (vectorised).

    ``at`` holds the time columns as integers, ``given`` whether each value is present.
    A column absent from a table may be given as one value (a NumPy scalar) for every row:
    a check that needs a value such a column never has is then the scalar False, with no
    pass over the rows.
    """
    for r in order_rules():
        for c in r.flat:
            has, other = given[c.column], given[c.other]
            mask: Mask | np.bool_
            if c.relation in (Relation.BEFORE, Relation.AFTER):
                if _never(has) or _never(other):
                    mask = np.False_
                elif c.relation is Relation.BEFORE:
                    mask = has & other & (at[c.column] < at[c.other])
                else:
                    mask = has & other & (at[c.column] > at[c.other])
            elif c.relation is Relation.WITHOUT:
                mask = np.False_ if _never(has) else has & ~other
            else:  # Relation.APART
                mask = has != other
            if c.unless is not None and not _never(mask):
                unless = given[c.unless]
                if not _never(unless):
                    mask &= ~unless
            yield c, mask


def _never(mask: Any) -> bool:
    """Whether ``mask`` is one False value for every row (an absent column)."""
    return np.ndim(mask) == 0 and not mask
