"""The procedure record (thủ tục hành chính, TTHC) and its terms.

A procedure is published in the national TTHC database (Cơ sở dữ liệu quốc
gia về TTHC) with a code (mã TTHC), a name, a field (lĩnh vực), the level of
the deciding authority (cấp thực hiện), a time limit (thời hạn giải quyết) and
a fee (phí, lệ phí). The database shows the time limit and the fee **per
submission channel** (Cách thức thực hiện: trực tiếp / trực tuyến / dịch vụ
bưu chính), so :class:`Procedure` has a default :class:`TimeLimit` and
:class:`Fee` and optional per-channel :class:`ChannelTerms` that override them.
The components of a published TTHC are set by Nghị định 63/2010/NĐ-CP Art 8(2).

Each record is one *version*: ``published_by`` is the announcement decision
(Quyết định công bố, a registry :class:`~cchc.legal.LegalSource`) and the
version is in force over that decision's period unless ``effective_from`` /
``effective_to`` say otherwise (the :class:`~cchc.legal.RuleVersion` rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import model_validator

from cchc.errors import ValidationError
from cchc.legal import RuleVersion

from .portal import procedure_fields, to_portal_record
from .record import ProcedureRecord
from .terms import ChannelTerms, DocumentPart, Fee, ProcedureCase, TimeLimit
from .versions import ProcedureVersion
from .vocabulary import Channel

__all__ = [
    "ChannelTerms",
    "DocumentPart",
    "Fee",
    "Procedure",
    "ProcedureCase",
    "TimeLimit",
    "procedure_json_schema",
]


class Procedure(ProcedureRecord):
    """An administrative procedure (thủ tục hành chính) as published: one version."""

    @model_validator(mode="after")
    def _period(self) -> Procedure:
        start, end = self.start, self.end
        if start is not None and end is not None and end <= start:
            raise ValueError(
                f"the version ends ({end.isoformat()}) before it starts ({start.isoformat()})"
            )
        return self

    # -- cases (trường hợp) and channels --------------------------------------
    def case(self, name: str | None = None) -> ProcedureCase | None:
        """The case called ``name``; without a name, the only case (None when none is recorded).

        Raises:
            ValidationError: no case has that name, or several cases exist and
                no name is given.
        """
        if name is None:
            if len(self.cases) > 1:
                names = "; ".join(repr(c.name) for c in self.cases)
                raise ValidationError(
                    f"procedure {self.code} has {len(self.cases)} cases ({names}): pass case=",
                    field="case",
                )
            return self.cases[0] if self.cases else None
        for c in self.cases:
            if c.name == name:
                return c
        raise ValidationError(
            f"procedure {self.code} has no case {name!r}", field="case", item=self.code
        )

    def _case_with_terms(self, case: str | None) -> ProcedureCase | None:
        """The case whose own terms apply: named, or the only one; None when no case has any.

        Raises:
            ValidationError: the case is unknown, or several cases have their
                own terms and none is named.
        """
        if case is not None:
            return self.case(case)
        if not any(c.time_limit is not None or c.channels for c in self.cases):
            return None
        return self.case(None)

    def time_limit_for(self, channel: Channel | str, case: str | None = None) -> TimeLimit:
        """The time limit that applies to ``channel`` (and ``case``).

        Look-up order: the case's own row for the channel, the case's own
        limit, the procedure's row for the channel, the procedure's default.
        A procedure with one case (or none recorded) needs no ``case``.
        """
        ch = Channel(channel)
        chosen = self._case_with_terms(case)
        if chosen is not None:
            for terms in chosen.channels:
                if terms.channel is ch and terms.time_limit is not None:
                    return terms.time_limit
            if chosen.time_limit is not None:
                return chosen.time_limit
        for terms in self.channels:
            if terms.channel is ch and terms.time_limit is not None:
                return terms.time_limit
        return self.time_limit

    def fee_for(self, channel: Channel | str, case: str | None = None) -> Fee | None:
        """The fee that applies to ``channel`` (and ``case``): its own row, else the default."""
        return next(iter(self.fees_for(channel, case)), None)

    def fees_for(self, channel: Channel | str, case: str | None = None) -> tuple[Fee, ...]:
        """Every fee (phí and lệ phí) that applies to ``channel`` (and ``case``)."""
        ch = Channel(channel)
        chosen = self._case_with_terms(case)
        rows = (chosen.channels if chosen is not None else ()) + self.channels
        for terms in rows:
            if terms.channel is ch and terms.fees:
                return terms.fees
        return (self.fee,) if self.fee is not None else ()

    def case_limits(self) -> list[tuple[str, Channel, TimeLimit]]:
        """``(case, channel, limit)`` for every case and every channel the record names.

        The deadline engine's input per case and channel; a record without
        cases gives one entry per channel with the case ``""``.
        """
        names = [c.name for c in self.cases] or [""]
        named = [t.channel for t in self.channels]
        for c in self.cases:
            named.extend(t.channel for t in c.channels)
        chans = list(dict.fromkeys(named)) or [Channel.IN_PERSON]
        return [
            (n, ch, self.time_limit_for(ch, n if self.cases else None))
            for n in names
            for ch in chans
        ]

    # -- the national portal (Cổng Dịch vụ công quốc gia) ---------------------
    @classmethod
    def from_portal(cls, record: Mapping[str, Any], *, source: str | None = None) -> Procedure:
        """A procedure from a national TTHC record (the portal's ``LayThuTuc`` result item).

        Field names and code tables: see :mod:`cchc.procedures.portal`.

        Raises:
            ValidationError: a field is missing, of the wrong type or not in its
                code table (the error names the field, and ``item`` the MATTHC).
            ParseError: a time-limit unit or amount cannot be read.
        """
        return cls(**procedure_fields(record), source=source)

    def to_portal(self) -> dict[str, Any]:
        """This procedure as a national TTHC record; ``from_portal`` reads it back equal."""
        return to_portal_record(self)

    # -- versions (phiên bản) ------------------------------------------------
    @property
    def version(self) -> ProcedureVersion | None:
        """Code + announcement key (None when the announcement is not recorded)."""
        if self.published_by is None or self.published_by.key is None:
            return None
        return ProcedureVersion(code=self.code, published_by=self.published_by.key)

    @property
    def start(self) -> date | None:
        """First day in force: ``effective_from``, else the announcement's effective date."""
        if self.effective_from is not None:
            return self.effective_from
        return self.published_by.effective_from if self.published_by is not None else None

    @property
    def end(self) -> date | None:
        """First day no longer in force (None: open-ended)."""
        if self.effective_to is not None:
            return self.effective_to
        return self.published_by.effective_to if self.published_by is not None else None

    def rule_version(self) -> RuleVersion[Procedure]:
        """This record as a :class:`~cchc.legal.RuleVersion` of its code.

        Raises:
            ValidationError: no announcement decision is recorded.
        """
        if self.published_by is None:
            raise ValidationError(
                f"procedure {self.code} has no announcement decision (published_by)",
                field="published_by",
            )
        return RuleVersion.dated(self, self.published_by)

    def in_force_on(self, day: date) -> bool:
        """Whether this version applies on ``day`` (half-open ``[start, end)``)."""
        if self.published_by is not None:
            return self.rule_version().in_force_on(day)
        start, end = self.start, self.end
        return (start is None or day >= start) and (end is None or day < end)


def procedure_json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Procedure` (for exchanging catalogues)."""
    return Procedure.model_json_schema()
