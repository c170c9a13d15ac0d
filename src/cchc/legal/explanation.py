"""Explanations (giải trình cách tính): how a result was obtained, step by step.

Each :class:`ExplanationStep` says in Vietnamese and in English what was applied
and cites the registry sources it rests on; an :class:`Explanation` orders them.
Results never import this module's users (the explainers); they hand their data
to them.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from cchc.errors import ValidationError

from .registry import LegalSource

__all__ = ["Explanation", "ExplanationStep"]


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
