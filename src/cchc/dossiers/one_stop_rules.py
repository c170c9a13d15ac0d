"""One-stop rule sets (quy chế một cửa) by period, chosen by receipt date.

Each dossier is judged by the rule set in force on its receipt date
(:func:`one_stop_rules_in_force`, built on :func:`cchc.legal.in_force`):

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

The values are data (``cchc/dossiers/data/one_stop_rules.yaml``, read through
:mod:`cchc._data`): each rule of a set names the article of the set's source
(a registry key) that states it, and a set may start from an earlier one
(``amends``: ND 309/2026 changes one rule of ND 118/2025).

    >>> from datetime import date
    >>> one_stop_rules_in_force(date(2025, 1, 24)).value.name
    'ND61/2018'
    >>> one_stop_rules_in_force(date(2025, 7, 1)).value.supplement_lapse_days
    15
    >>> one_stop_rules_in_force(date(2026, 8, 5)).value.boundary_free_clock_at_authority
    True
    >>> one_stop_rules_in_force(date(2025, 1, 24)).value.article("reschedule")
    'Nghị định 61/2018/NĐ-CP Điều 19 khoản 9'
"""

from __future__ import annotations

import bisect
import functools
from datetime import date, time
from typing import Any

import numpy as np
from pydantic import ConfigDict, Field

from cchc._data import load_yaml
from cchc._deprecation import deprecated_alias
from cchc._model import CchcModel, CchcRecord
from cchc.errors import DataFileError, RuleNotInForceError
from cchc.legal import RuleVersion, in_force, source

__all__ = [
    "ONE_STOP_RULES",
    "OneStopRules",
    "first_rule_ns",
    "one_stop_rules_in_force",
    "rule_set_index",
    "rule_timeline",
    "rules_in_force",
    "rules_on_day",
]

_PACKAGE, _DATA = "cchc.dossiers", "one_stop_rules.yaml"


class OneStopRules(CchcModel):
    """The timing rules of one version of the one-stop decree.

    ``articles`` maps each rule to the article it comes from, rendered on first use
    from ``cites`` (registry key and article), so that building the sets reads no
    registry.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", strict=True, use_attribute_docstrings=True
    )

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
    transfer_cutoff: time = Field(strict=False)
    """"tiếp nhận sau 15 giờ": in-person dossiers received later are handed to
    the deciding agency at the start of the next working day. A transfer
    deadline, **not** a clock start."""
    cites: tuple[tuple[str, str, str], ...] = ()
    """``(rule, registry key, article)``: the source and article each rule comes from."""

    @functools.cached_property
    def articles(self) -> tuple[tuple[str, str], ...]:
        """``(rule, article)`` pairs, e.g. ``('reschedule', 'Nghị định 61/2018/NĐ-CP Điều 19
        khoản 9')``: the registry source's type and number, then the article."""
        return tuple(
            (rule, f"{law.doc_type} {law.number} {article}")
            for rule, law, article in ((r, source(k), a) for r, k, a in self.cites)
        )

    def article(self, rule: str) -> str:
        """The article a rule of this set comes from ("" if none recorded)."""
        return dict(self.articles).get(rule, "")


class RuleText(CchcRecord):
    """One rule of a rule set as the data file writes it."""

    rule: str = Field(description="The rule's key in ``OneStopRules.article``.")
    article: str | None = Field(
        default=None, description="Điều, khoản of the set's source (None: no such rule)."
    )
    note: str | None = Field(default=None, description="How the rule was read.")
    values: dict[str, Any] = Field(
        default_factory=dict, description="The OneStopRules values the rule sets."
    )


class RuleSetText(CchcRecord):
    """One rule set as the data file writes it."""

    name: str = Field(description="The set's name, e.g. 'ND118/2025'.")
    source: str = Field(description="Registry key of the decree (``cchc/data/sources.csv``).")
    amends: str | None = Field(default=None, description="The set it starts from.")
    effective_to: date | None = Field(
        default=None, description="First day no longer in force, when before the source's end."
    )
    rules: tuple[RuleText, ...] = Field(description="The rules of the set.")


def _load() -> tuple[RuleVersion[OneStopRules], ...]:
    """The bundled rule sets, oldest first (each set's articles cite its source)."""
    where = f"{_PACKAGE}:data/{_DATA}"
    raw = load_yaml(_PACKAGE, "data", _DATA)
    rows = raw.get("rule_sets") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise DataFileError("no list 'rule_sets' in the file", source=where)
    built: dict[str, OneStopRules] = {}
    versions: list[RuleVersion[OneStopRules]] = []
    for n, row in enumerate(rows):
        at = f"{where}, rule_sets[{n}]"
        text = RuleSetText.from_data(row, source=at, error=DataFileError)
        if text.amends is not None and text.amends not in built:
            raise DataFileError(f"amends unknown rule set {text.amends!r}", source=at)
        base = built.get(text.amends or "")
        values = base.model_dump(exclude={"name", "cites"}) if base else {}
        cites = {rule: (key, article) for rule, key, article in base.cites} if base else {}
        seen: set[str] = set()
        for r in text.rules:
            twice = seen & set(r.values)
            if twice:
                raise DataFileError(f"{', '.join(sorted(twice))} set twice", source=at)
            seen |= set(r.values)
            values.update(r.values)
            if r.article is not None:
                cites[r.rule] = (text.source, r.article)
        rules = OneStopRules.from_data(
            {**values, "name": text.name, "cites": tuple((k, *v) for k, v in cites.items())},
            source=at,
            error=DataFileError,
        )
        built[text.name] = rules
        versions.append(RuleVersion(rules, text.source, effective_to=text.effective_to))
    return tuple(versions)


ONE_STOP_RULES: tuple[RuleVersion[OneStopRules], ...] = _load()
"""Every version of the one-stop timing rules, oldest first. Each cites a key of the
source registry (``cchc/data/sources.csv``); its period is that source's unless given."""


def one_stop_rules_in_force(received_on: date) -> RuleVersion[OneStopRules]:
    """The one rule set in force on the receipt date (quy chế một cửa áp dụng cho hồ sơ).

    Raises:
        RuleNotInForceError: before 21/6/2018 (Quyết định 09/2015/QĐ-TTg, not encoded).
    """
    return in_force(ONE_STOP_RULES, received_on)


@functools.cache
def rule_timeline() -> tuple[tuple[int, ...], tuple[RuleVersion[OneStopRules] | None, ...]]:
    """The one-stop rule timeline: from day number ``days[k]`` (local days since
    1970-01-01) the set ``sets[k]`` is in force (None: none); built on first use from the
    versions' periods (so importing reads no registry). The engine groups rows by it."""
    epoch = date(1970, 1, 1).toordinal()
    days = sorted(
        {d.toordinal() - epoch for v in ONE_STOP_RULES for d in (v.start, v.end) if d is not None}
    )
    sets = tuple(
        next((v for v in ONE_STOP_RULES if v is found), None)
        for found in (_in_force_or_none(date.fromordinal(d + epoch)) for d in days)
    )
    return tuple(days), sets


def _in_force_or_none(day: date) -> RuleVersion[OneStopRules] | None:
    try:
        return in_force(ONE_STOP_RULES, day)
    except RuleNotInForceError:
        return None


def rule_set_index(day: Any) -> Any:
    """The :func:`rule_timeline` index of each local day number (one value or a NumPy
    column); -1 before the first change."""
    days = rule_timeline()[0]
    if isinstance(day, int):
        return bisect.bisect_right(days, day) - 1
    return np.searchsorted(np.asarray(days), day, side="right") - 1


@functools.cache
def first_rule_ns() -> int:
    """Local nanoseconds of the first moment a rule set is in force (21/6/2018)."""
    days, sets = rule_timeline()
    first = next(d for d, v in zip(days, sets, strict=True) if v is not None)
    return first * 86_400_000_000_000


def rules_on_day(day: int) -> RuleVersion[OneStopRules]:
    """:func:`one_stop_rules_in_force` for a local day number (the engine's fast look-up).

    Raises:
        RuleNotInForceError: no set in force that day.
    """
    days, sets = rule_timeline()
    k = bisect.bisect_right(days, day) - 1
    found = sets[k] if k >= 0 else None
    if found is None:
        return one_stop_rules_in_force(date.fromordinal(day + _EPOCH_ORDINAL))
    return found


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


rules_in_force = deprecated_alias(one_stop_rules_in_force, "rules_in_force", "cchc.dossiers")
"""Deprecated name of :func:`one_stop_rules_in_force` (it returns one rule set; the rules in
force of every domain are :func:`cchc.rulebook.rules_in_force`)."""
