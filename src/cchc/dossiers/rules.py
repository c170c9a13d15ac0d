"""One-stop rule sets (quy chế một cửa) by period, chosen by receipt date.

Each dossier is judged by the rule set in force on its receipt date
(:func:`rules_in_force`, built on :func:`cchc.legal.in_force`):

=========================  ==========================  ==================================
Period                     Text                        Verification
=========================  ==========================  ==================================
21/6/2018 - 30/6/2025      Nghị định 61/2018/NĐ-CP     original (Pháp điển text); the
                           (as amended by 107/2021)    changes of ND 107/2021 are UNCONFIRMED
01/7/2025 - 04/8/2026      Nghị định 118/2025/NĐ-CP    original (third-party transcription);
                           (amended by 367/2025)       ND 367/2025 content UNCONFIRMED
from 05/8/2026             ND 118/2025 as amended by   secondary (incomplete copy of ND 309)
                           Nghị định 309/2026/NĐ-CP
=========================  ==========================  ==================================

ND 118 Art 40(1) ends ND 61 **and** ND 107 on 01/7/2025. ND 107/2021
(06/12/2021) amends ND 61, but its effective date and the articles it changed
were not found, so 2018-2025 is one rule set; its source note says so.

    >>> from datetime import date
    >>> rules_in_force(date(2025, 1, 24)).value.name
    'ND61/2018'
    >>> rules_in_force(date(2025, 7, 1)).value.supplement_lapse_days
    15
    >>> rules_in_force(date(2026, 8, 5)).value.boundary_free_clock_at_authority
    True
"""

from __future__ import annotations

from datetime import date, time

import attrs

from cchc.legal import RuleVersion, in_force

__all__ = ["ONE_STOP_RULES", "OneStopRules", "rules_in_force"]


@attrs.frozen
class OneStopRules:
    """The timing rules of one version of the one-stop decree.

    ``articles`` maps each rule to the article it comes from.
    """

    name: str
    supplement_restarts_clock: bool
    """"Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ"."""
    supplement_notice_working_days: int
    """The supplement request must come within this many working days of receipt."""
    supplement_lapse_days: int | None
    """Days after an unanswered supplement request after which the dossier is
    closed (đóng hồ sơ); ``None`` when the decree has no such rule."""
    max_reschedules: int
    """"Việc hẹn lại ngày trả kết quả được thực hiện không quá một lần"."""
    reschedule_notice_days: int
    """The apology must come "chậm nhất 01 ngày trước ngày hết hạn"."""
    online_check_working_hours: int | None
    """Working hours to confirm receipt of an online dossier (None: no deadline)."""
    applicant_stop_allowed: bool
    """Whether the applicant may ask to stop (dừng) the procedure."""
    boundary_free_clock_at_authority: bool
    """For dossiers filed regardless of administrative boundary, the clock starts
    when the competent authority receives the dossier."""
    transfer_cutoff: time
    """"tiếp nhận sau 15 giờ": in-person dossiers received later are handed to
    the deciding agency at the start of the next working day. A transfer
    deadline, **not** a clock start."""
    articles: tuple[tuple[str, str], ...] = ()

    def article(self, rule: str) -> str:
        """The article a rule of this set comes from ("" if none recorded)."""
        return dict(self.articles).get(rule, "")


_ND61_RULES = OneStopRules(
    name="ND61/2018",
    supplement_restarts_clock=True,
    supplement_notice_working_days=3,
    supplement_lapse_days=None,
    max_reschedules=1,
    reschedule_notice_days=1,
    online_check_working_hours=None,
    applicant_stop_allowed=False,
    boundary_free_clock_at_authority=False,
    transfer_cutoff=time(15, 0),
    articles=(
        ("supplement", "Nghị định 61/2018/NĐ-CP Điều 19 khoản 4"),
        ("reschedule", "Nghị định 61/2018/NĐ-CP Điều 19 khoản 9"),
        ("transfer_cutoff", "Nghị định 61/2018/NĐ-CP Điều 18 khoản 2, 3"),
    ),
)
_ND118_RULES = OneStopRules(
    name="ND118/2025",
    supplement_restarts_clock=True,
    supplement_notice_working_days=3,
    supplement_lapse_days=15,
    max_reschedules=1,
    reschedule_notice_days=1,
    online_check_working_hours=8,
    applicant_stop_allowed=True,
    boundary_free_clock_at_authority=False,
    transfer_cutoff=time(15, 0),
    articles=(
        ("clock_start", "Nghị định 118/2025/NĐ-CP Điều 17 khoản 3"),
        ("online_check", "Nghị định 118/2025/NĐ-CP Điều 17 khoản 2 điểm c"),
        ("supplement", "Nghị định 118/2025/NĐ-CP Điều 19 khoản 5"),
        ("supplement_lapse", "Nghị định 118/2025/NĐ-CP Điều 19 khoản 5"),
        ("reschedule", "Nghị định 118/2025/NĐ-CP Điều 19 khoản 6"),
        ("stop", "Nghị định 118/2025/NĐ-CP Điều 21"),
        ("transfer_cutoff", "Nghị định 118/2025/NĐ-CP Điều 18 khoản 2"),
    ),
)
_ND309_RULES = attrs.evolve(
    _ND118_RULES,
    name="ND118/2025+309/2026",
    boundary_free_clock_at_authority=True,
    articles=(
        *_ND118_RULES.articles,
        ("boundary_free_clock", "Nghị định 309/2026/NĐ-CP Điều 8 khoản 3"),
    ),
)

ONE_STOP_RULES: tuple[RuleVersion[OneStopRules], ...] = (
    RuleVersion(value=_ND61_RULES, source="ND61-2018"),
    RuleVersion(value=_ND118_RULES, source="ND118-2025", effective_to=date(2026, 8, 5)),
    RuleVersion(value=_ND309_RULES, source="ND309-2026"),
)
"""Every version of the one-stop timing rules, oldest first. Each cites a key of the
source registry (``cchc/data/sources.csv``); its period is that source's unless given."""


def rules_in_force(received_on: date) -> RuleVersion[OneStopRules]:
    """The rule set in force on the receipt date.

    Raises:
        RuleNotInForceError: before 21/6/2018 (Quyết định 09/2015/QĐ-TTg, not encoded).
    """
    return in_force(ONE_STOP_RULES, received_on)
