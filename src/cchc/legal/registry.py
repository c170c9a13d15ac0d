"""Legal sources and rule versions (căn cứ pháp lý).

Every rule in cchc names where it comes from: a :class:`LegalSource` holds the
document number and type, the issuer, the signing date, the article, the
period it is in force (hiệu lực) and how we know its text (read in the
original, only in a secondary copy, or derived from a statutory rule).

A rule that changed over time is a sequence of :class:`RuleVersion` objects,
each valid on a half-open period ``[effective_from, effective_to)``;
:func:`in_force` picks the version in force on a date, so that a 2019 dossier is
judged by 2019 law and a 2026 one by 2026 law::

    >>> from datetime import date
    >>> nd61 = LegalSource(number="61/2018/NĐ-CP", doc_type="Nghị định",
    ...     issuer="Chính phủ", signed_on=date(2018, 4, 23), article="Điều 19",
    ...     effective_from=date(2018, 6, 21), effective_to=date(2025, 7, 1))
    >>> nd118 = LegalSource(number="118/2025/NĐ-CP", doc_type="Nghị định",
    ...     issuer="Chính phủ", effective_from=date(2025, 7, 1))
    >>> versions = [RuleVersion(value="61", source=nd61), RuleVersion(value="118", source=nd118)]
    >>> in_force(versions, date(2019, 3, 1)).value
    '61'
    >>> in_force(versions, date(2026, 1, 5)).value
    '118'
    >>> nd61.cite()
    'Nghị định 61/2018/NĐ-CP (Chính phủ, 23/04/2018), Điều 19'
    >>> in_force(versions, date(2017, 1, 1))
    Traceback (most recent call last):
    ...
    cchc.errors.RuleNotInForceError: no version in force on 2017-01-01 (earliest from 2018-06-21)
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any, Generic, Protocol, TypeVar

import attrs
from pydantic import BeforeValidator, Field, model_validator

from cchc._data import read_text
from cchc._model import CchcRecord
from cchc.errors import DataFileError, RuleNotInForceError, ValidationError

__all__ = [
    "Dated",
    "Explanation",
    "ExplanationStep",
    "LegalSource",
    "RuleVersion",
    "SourceRef",
    "Verification",
    "in_force",
    "source",
    "source_aliases",
    "sources",
]

T = TypeVar("T")


class Dated(Protocol):
    """A value that carries its own period in force (hiệu lực): a programme, a procedure."""

    @property
    def effective_from(self) -> date | None: ...
    @property
    def effective_to(self) -> date | None: ...


DatedT = TypeVar("DatedT", bound=Dated)


class Verification(enum.StrEnum):
    """How the text of a source was known when the rule was encoded."""

    ORIGINAL = "original"
    """The official text itself (văn bản gốc) was read."""
    SECONDARY = "secondary"
    """Only a secondary copy was read: press, a portal summary, another project's files."""
    DERIVED = "derived"
    """Derived from a statutory rule (e.g. lunar date + Labour Code), no text states it."""
    CONVENTION = "convention"
    """A documented convention (quy ước) of cchc or of a portal that no legal text states,
    e.g. the default receipt rule ``next_opening`` or the 766 portal's waiting-time formula."""


class LegalSource(CchcRecord):
    """A legal or official source of a rule (căn cứ pháp lý).

    The in-force period is half-open: ``effective_from`` is the first day the
    text applies, ``effective_to`` the first day it no longer does (``None``:
    still in force).
    """

    key: str | None = Field(
        default=None,
        description="Khóa trong sổ nguồn (registry key in ``cchc/data/sources.csv``), "
        "e.g. 'ND118-2025'; ``None`` for a source built by hand.",
    )
    number: str = Field(description="Số, ký hiệu (number and symbol), e.g. '61/2018/NĐ-CP'.")
    doc_type: str = Field(
        default="", description="Loại văn bản (document type), e.g. 'Nghị định', 'Công văn'."
    )
    issuer: str = Field(default="", description="Cơ quan ban hành (issuing body).")
    signed_on: date | None = Field(default=None, description="Ngày ký / ban hành (signing date).")
    article: str | None = Field(default=None, description="Điều, khoản, điểm (article cited).")
    title: str | None = Field(default=None, description="Trích yếu (subject line).")
    effective_from: date | None = Field(default=None, description="Ngày có hiệu lực.")
    effective_to: date | None = Field(
        default=None, description="Ngày hết hiệu lực (first day no longer in force)."
    )
    verification: Verification = Field(
        default=Verification.ORIGINAL,
        description="Whether the text was read in the original or only in a secondary copy.",
    )
    note: str | None = Field(default=None, description="Free remark on the source.")

    @model_validator(mode="after")
    def _check_period(self) -> LegalSource:
        if (
            self.effective_from is not None
            and self.effective_to is not None
            and self.effective_to <= self.effective_from
        ):
            raise ValueError("effective_to must be after effective_from")
        return self

    def in_force_on(self, day: date) -> bool:
        """Whether ``day`` lies in the in-force period of this source."""
        if self.effective_from is not None and day < self.effective_from:
            return False
        return not (self.effective_to is not None and day >= self.effective_to)

    def ref(self) -> dict[str, str | None]:
        """A short JSON-ready reference: registry key, citation and reading status."""
        return {"key": self.key, "citation": self.cite(), "verification": self.verification.value}

    def cite(self) -> str:
        """A human citation: type, number, (issuer, date), article."""
        head = f"{self.doc_type} {self.number}".strip()
        signed = self.signed_on.strftime("%d/%m/%Y") if self.signed_on else ""
        inner = ", ".join(x for x in (self.issuer, signed) if x)
        text = f"{head} ({inner})" if inner else head
        return f"{text}, {self.article}" if self.article else text


@attrs.frozen
class RuleVersion(Generic[T]):
    """One version of a rule: a value and the source that makes it law.

    ``source`` is a :class:`LegalSource` or, for bundled rules, the key of a
    registry row (``"ND118-2025"``), looked up on first use so that building a
    rule table at import time reads no file.

    The version is in force over the source's period unless ``effective_from``
    / ``effective_to`` override it (an amendment may change one clause of a
    decree on another date than the decree itself).
    """

    value: T
    cited: LegalSource | str = attrs.field(alias="source")
    effective_from: date | None = None
    effective_to: date | None = None

    @classmethod
    def for_years(
        cls, value: T, source: LegalSource | str, first: int, last: int
    ) -> RuleVersion[T]:
        """A version applying to the years ``first``..``last`` (an assessment or survey
        year is asked as its 1 January): from 1/1/first to 1/1 after ``last``."""
        return cls(value, source, date(first, 1, 1), date(last + 1, 1, 1))

    @staticmethod
    def dated(value: DatedT, source: LegalSource | str) -> RuleVersion[DatedT]:
        """A version of ``value`` in force over its own ``effective_from`` / ``effective_to``
        (a bound left ``None`` falls back to the source's)."""
        return RuleVersion(value, source, value.effective_from, value.effective_to)

    @property
    def source(self) -> LegalSource:
        """The source that makes this version law (resolved from the registry)."""
        cited = self.cited
        return cited if isinstance(cited, LegalSource) else source(cited)

    @property
    def source_key(self) -> str | None:
        """The registry key of the source (``None`` for a source built by hand)."""
        cited = self.cited
        return cited.key if isinstance(cited, LegalSource) else cited

    @property
    def start(self) -> date | None:
        """First day in force."""
        return (
            self.effective_from if self.effective_from is not None else self.source.effective_from
        )

    @property
    def end(self) -> date | None:
        """First day no longer in force (``None``: open-ended)."""
        return self.effective_to if self.effective_to is not None else self.source.effective_to

    def in_force_on(self, day: date) -> bool:
        """Whether this version applies on ``day``."""
        start, end = self.start, self.end
        return (start is None or day >= start) and (end is None or day < end)


def in_force(versions: Iterable[RuleVersion[T]], on: date) -> RuleVersion[T]:
    """Return the version of a rule in force on ``on``.

    When periods overlap (an amendment starting before the old text's end is
    recorded), the version that started latest wins.

    Raises:
        RuleNotInForceError: no version covers ``on``.
    """
    versions = list(versions)
    candidates = [v for v in versions if v.in_force_on(on)]
    if candidates:
        return max(candidates, key=lambda v: v.start or date.min)
    starts = [v.start for v in versions if v.start is not None]
    hint = f" (earliest from {min(starts).isoformat()})" if starts else ""
    raise RuleNotInForceError(f"no version in force on {on.isoformat()}{hint}")


# --- The source registry (sổ nguồn căn cứ pháp lý) --------------------------------

_REGISTRY_FILE = "sources.csv"


def _opt_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.cache
def _registry() -> Mapping[str, LegalSource]:
    registry: dict[str, LegalSource] = {}
    rows = csv.DictReader(io.StringIO(read_text("cchc", "data", _REGISTRY_FILE)))
    for line, row in enumerate(rows, start=2):
        key = row.get("key") or ""
        if not key:
            raise DataFileError("empty key", row=line, field="key", source=_REGISTRY_FILE)
        if key in registry:
            raise DataFileError(
                f"duplicate key {key!r}", row=line, field="key", source=_REGISTRY_FILE
            )
        try:
            registry[key] = LegalSource(
                key=key,
                number=row["number"],
                doc_type=row["doc_type"],
                issuer=row["issuer"],
                signed_on=_opt_date(row["signed_on"]),
                article=row["article"] or None,
                title=row["title"] or None,
                effective_from=_opt_date(row["effective_from"]),
                effective_to=_opt_date(row["effective_to"]),
                verification=Verification(row["verification"]),
                note=row["note"] or None,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(str(exc), row=line, source=_REGISTRY_FILE) from exc
    return MappingProxyType(registry)


def sources() -> Mapping[str, LegalSource]:
    """Every source of the bundled registry (``cchc/data/sources.csv``), by key.

    The registry is read once, on first use, and is read-only.

        >>> sources()["ND118-2025"].number
        '118/2025/NĐ-CP'
    """
    return _registry()


def source(key: str) -> LegalSource:
    """The registry source with this key.

        >>> source("BLDS2015-148").article
        'Điều 148 khoản 5'
        >>> source("nope")
        Traceback (most recent call last):
        ...
        cchc.errors.ValidationError: field key: unknown source key 'nope'

    Raises:
        ValidationError: no source has this key.
    """
    try:
        return _registry()[key]
    except (KeyError, TypeError):
        raise ValidationError(f"unknown source key {key!r}", field="key") from None


def _resolve_ref(value: Any) -> Any:
    """A registry key, or ``{key, article?, note?}``, becomes its :class:`LegalSource`."""
    if isinstance(value, str):
        return source(value)
    if isinstance(value, Mapping) and "key" in value and "number" not in value:
        extra = sorted(set(value) - {"key", "article", "note"})
        if extra:
            raise ValidationError(
                f"a source reference takes key, article and note, not {', '.join(extra)}",
                field="source",
            )
        base = source(value["key"])
        update = {k: value[k] for k in ("article", "note") if k in value}
        return base.model_copy(update=update) if update else base
    return value


SourceRef = Annotated[LegalSource, BeforeValidator(_resolve_ref)]
"""A model field holding a source: in data files written as a registry key
(``source: ND09-2019``) or as ``{key: ND09-2019, article: "Điều 12 khoản 1"}`` (the
row with another article and/or a note on how that clause was read); a full
record is still accepted for user files, which cite texts the registry lacks."""


def source_aliases(module: str, aliases: Mapping[str, str]) -> Callable[[str], LegalSource]:
    """A module ``__getattr__`` giving old constant names as lazy registry lookups.

    ``__getattr__ = source_aliases(__name__, {"BLDS_2015_148": "BLDS2015-148"})``
    keeps ``from module import BLDS_2015_148`` working without reading the
    registry at import time.
    """

    def __getattr__(name: str) -> LegalSource:  # noqa: N807 - a module __getattr__
        key = aliases.get(name)
        if key is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return source(key)

    return __getattr__


# --- Explanations (giải trình cách tính) --------------------------------------------


@attrs.frozen
class ExplanationStep:
    """One step of how a result was obtained, with the sources it applied."""

    text_vi: str
    """The step in Vietnamese, as an officer would write it in a reply."""
    text_en: str
    """The same step in English."""
    sources: tuple[LegalSource, ...] = ()
    """The registry sources (notices, decree articles, conventions) this step applied."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: texts and the sources' keys and citations."""
        return {
            "text_vi": self.text_vi,
            "text_en": self.text_en,
            "sources": [s.ref() for s in self.sources],
        }


@attrs.frozen
class Explanation:
    """How a result was obtained: ordered steps, each citing its sources.

    ``str()`` is Vietnamese text an officer can paste into a reply;
    :meth:`to_json` is the machine form; :meth:`text` chooses the language.

        >>> e = Explanation("Hạn giải quyết", "Due date", (ExplanationStep(
        ...     "Nhận hồ sơ ngày 24/01/2025.", "Received on 24/01/2025."),))
        >>> print(e)
        Hạn giải quyết
        1. Nhận hồ sơ ngày 24/01/2025.
    """

    title_vi: str
    title_en: str
    steps: tuple[ExplanationStep, ...]

    @property
    def sources(self) -> tuple[LegalSource, ...]:
        """Every source cited by a step, once each, in order of first use."""
        seen: dict[str, LegalSource] = {}
        for step in self.steps:
            for src in step.sources:
                seen.setdefault(src.key or src.cite(), src)
        return tuple(seen.values())

    def text(self, lang: str = "vi") -> str:
        """The explanation as numbered lines (``lang`` 'vi' or 'en'), with a source list."""
        if lang not in ("vi", "en"):
            raise ValidationError(f"unknown language {lang!r} (use 'vi' or 'en')", field="lang")
        vi = lang == "vi"
        lines = [self.title_vi if vi else self.title_en]
        for n, step in enumerate(self.steps, start=1):
            lines.append(f"{n}. {step.text_vi if vi else step.text_en}")
        if self.sources:
            lines.append("Căn cứ:" if vi else "Sources:")
            lines.extend(f"- {s.cite()}" for s in self.sources)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text("vi")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "steps": [step.to_dict() for step in self.steps],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON form (UTF-8 text, Vietnamese kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
