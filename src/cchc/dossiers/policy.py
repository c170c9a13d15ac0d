"""Named deadline policies (quy ước tính thời hạn).

No decree gives a formula for the due date written on the receipt (Giấy tiếp
nhận hồ sơ và hẹn trả kết quả): Nghị định 61/2018 has none, and Nghị định
118/2025 Art 17(3) only says the time runs from the moment the complete dossier
is received. The choices below therefore differ by procedure and by desk, and
cchc makes each one a **named, documented policy** instead of a hidden default.

Receipt outside office hours or on a day off (:class:`ReceiptRule`):

* ``next_opening`` (default): the clock starts at the next opening of the
  office. Sector texts say so for customs (QĐ 2988/QĐ-TCHQ Art 7(5)) and the
  State Treasury (TT 87/2021/TT-BTC Art 10); no general text was found
  (assumption).
* ``as_recorded``: the day written on the receipt is day 0 whatever it is; a
  literal reading of Bộ luật Dân sự 2015 Art 147(2) ("ngày đầu tiên của thời
  hạn không được tính").

Cut-off hour (``cutoff``, giờ tiếp nhận muộn nhất): a receipt *after* it counts
from the next working day. Procedure-specific (e.g. chứng thực under ND
23/2015 Art 21, Hà Nội QĐ 1811/QĐ-TTPVHCC: "sau 15 giờ"); the 15:00 of ND 61
Art 18(2) / ND 118 Art 18(2) is a transfer deadline and is not applied.

End of the due day (:class:`DayEnd`): ``office_close`` (default: the end of
the last office session) or ``midnight`` (BLDS 2015 Art 148(6), "hai mươi tư
giờ", represented as 23:59:59.999999).

Supplements (:class:`SupplementMode`): ``restart`` follows the law (ND 61
Art 19(4), ND 118 Art 19(5)); ``subtract_waiting`` follows the national
portal's Decision 766 computation, which subtracts the waiting time.

    >>> get_policy("cutoff_15h").cutoff
    datetime.time(15, 0)
    >>> sorted(POLICIES)
    ['as_recorded', 'civil_code', 'cutoff_15h', 'next_opening', 'portal_766']
"""

from __future__ import annotations

import enum
from datetime import time

import attrs

from cchc.calendar import OfficeHours
from cchc.errors import ValidationError

__all__ = [
    "DEFAULT_POLICY",
    "POLICIES",
    "DayEnd",
    "DeadlinePolicy",
    "ReceiptRule",
    "SupplementMode",
    "get_policy",
]


class ReceiptRule(enum.StrEnum):
    """When a receipt outside office hours or on a day off starts the clock."""

    NEXT_OPENING = "next_opening"
    """Tính từ giờ làm việc tiếp theo: from the next opening of the office."""
    AS_RECORDED = "as_recorded"
    """Theo ngày ghi trên Giấy tiếp nhận: the recorded day is day 0."""


class DayEnd(enum.StrEnum):
    """The moment a due day ends."""

    OFFICE_CLOSE = "office_close"
    """Hết giờ làm việc: the end of the last office session of the due day."""
    MIDNIGHT = "midnight"
    """24 giờ (BLDS 2015 Art 148(6)): the last instant of the due day."""


class SupplementMode(enum.StrEnum):
    """How a request for supplements (yêu cầu bổ sung, hoàn thiện) affects the clock."""

    RESTART = "restart"
    """Tính lại từ đầu: a new full period from the receipt of the complete
    dossier (ND 61/2018 Art 19(4); ND 118/2025 Art 19(5)). The law."""
    SUBTRACT_WAITING = "subtract_waiting"
    """Trừ thời gian chờ bổ sung: the original due moment is pushed back by the
    time between request and supplement (Decision 766 portal computation,
    "Mô tả công thức tính chỉ số 766" §2.1; a convention, not law)."""


@attrs.frozen
class DeadlinePolicy:
    """A named set of conventions for computing due dates."""

    name: str = "next_opening"
    receipt: ReceiptRule = ReceiptRule.NEXT_OPENING
    cutoff: time | None = None
    day_end: DayEnd = DayEnd.OFFICE_CLOSE
    supplement: SupplementMode = SupplementMode.RESTART
    office_hours: OfficeHours = attrs.field(factory=OfficeHours.default)
    provisional: bool = False
    """Allow dates outside the official calendar's coverage (results derived
    from the Labour Code rules, see :mod:`cchc.calendar`)."""
    day_end_ns: int = attrs.field(init=False, eq=False, repr=False)
    """Nanoseconds after midnight at which a due day ends (:attr:`day_end`): the close of
    the last session, or 23:59:59.999999 (the last microsecond) for ``midnight``."""

    def __attrs_post_init__(self) -> None:
        midnight = self.day_end is DayEnd.MIDNIGHT
        end = _LAST_MICROSECOND if midnight else self.office_hours.closing_ns
        object.__setattr__(self, "day_end_ns", end)

    def with_cutoff(self, cutoff: time | None) -> DeadlinePolicy:
        """This policy with a (per-procedure) cut-off hour."""
        name = self.name if cutoff is None else f"{self.name}+cutoff_{cutoff:%H%M}"
        return attrs.evolve(self, cutoff=cutoff, name=name)


_LAST_MICROSECOND = 86_400_000_000_000 - 1000
DEFAULT_POLICY = DeadlinePolicy()
"""``next_opening``: next opening, no cut-off, due at office close, restart."""

POLICIES: dict[str, DeadlinePolicy] = {
    "next_opening": DEFAULT_POLICY,
    "as_recorded": DeadlinePolicy(name="as_recorded", receipt=ReceiptRule.AS_RECORDED),
    "cutoff_15h": DeadlinePolicy(name="cutoff_15h", cutoff=time(15, 0)),
    "civil_code": DeadlinePolicy(
        name="civil_code", receipt=ReceiptRule.AS_RECORDED, day_end=DayEnd.MIDNIGHT
    ),
    "portal_766": DeadlinePolicy(name="portal_766", supplement=SupplementMode.SUBTRACT_WAITING),
}
"""The named policies; pass one to :func:`cchc.dossiers.due_date` or by name."""


def get_policy(policy: DeadlinePolicy | str | None) -> DeadlinePolicy:
    """Resolve a policy object, a policy name, or ``None`` (the default).

    Raises:
        ValidationError: an unknown policy name.
    """
    if policy is None:
        return DEFAULT_POLICY
    if isinstance(policy, DeadlinePolicy):
        return policy
    try:
        return POLICIES[policy]
    except (KeyError, TypeError):
        raise ValidationError(
            f"unknown policy {policy!r}; known: {', '.join(sorted(POLICIES))}", field="policy"
        ) from None
