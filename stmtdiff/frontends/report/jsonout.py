"""The JSON contract ``stmtdiff/alignment@1`` (documented in docs/json-schema.md)."""

from __future__ import annotations

from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from stmtdiff.core.model import Cell, Comparison, OnlyHere, PairAlignment, Version
from stmtdiff.project import stmtdiff_version

SCHEMA = "stmtdiff/alignment@1"
_INFINITY = float("inf")


def _version(version: Version) -> dict[str, Any]:
    sentences = []
    for sentence in version.sentences:
        item: dict[str, Any] = {
            "id": sentence.id,
            "text": sentence.text,
            "start": sentence.start,
            "end": sentence.end,
            "paragraph": sentence.paragraph,
        }
        if version.translations is not None:
            item["translation"] = version.translations[sentence.id]
        sentences.append(item)
    return {
        "id": version.id,
        "label": version.display_label,
        "path": version.path,
        "url": version.url,
        "lang": version.lang,
        "publisher": version.publisher,
        "date": version.date,
        "role": version.role,
        "translation": (
            {"lang": version.translation_lang, "engine": version.translation_engine}
            if version.translations is not None
            else None
        ),
        "sentences": sentences,
    }


def who_said_what(comparison: Comparison) -> list[dict[str, Any]] | None:
    """The ``summary.who_said_what`` entries: one per non-pivot version, against the pivot."""
    if comparison.who_said_what is None:
        return None
    return [
        {
            "pivot": pair.pivot,
            "other": pair.other,
            "both": pair.both,
            **({} if pair.possible is None else {"possible": pair.possible}),
            "only": {
                vid: [{"row": f.row, "sentences": list(f.sentence_ids)} for f in facts]
                for vid, facts in pair.only.items()
            },
            "subjects_only": (
                None
                if pair.subjects_only is None
                else {
                    vid: [
                        {
                            "id": m.subject.id,
                            "name": m.subject.name,
                            "category": m.subject.category,
                            "sentences": list(m.sentence_ids),
                        }
                        for m in mentions
                    ]
                    for vid, mentions in pair.subjects_only.items()
                }
            ),
        }
        for pair in comparison.who_said_what.pairs
    ]


def links_json(pair: PairAlignment) -> list[dict[str, Any]]:
    """The pair's groups of linked sentences (for parallel texts: its aligned beads)."""
    return [
        {
            "pivot": list(item.pivot),
            "other": list(item.other),
            "score": round(min(max(item.score, 0.0), 1.0), 4),
            "kind": item.kind,
        }
        for item in pair.all_links()
    ]


def only_here_json(cell: Cell, *, translated: bool = False) -> dict[str, Any]:
    """``only_here`` for a cell of accounts (one with a ``link``): the parts of the linked pair
    either side lacks; nothing for other cells, so parallel texts' JSON stays as it was.
    ``translated`` (some version carries translations): also ``translation_only_here``, the
    same found on the translations."""
    if cell.link is None:
        return {}
    found = {"only_here": _spans(cell.only_here)}
    if translated:
        found["translation_only_here"] = _spans(cell.translation_only_here)
    return found


def _spans(spans: Sequence[OnlyHere]) -> list[dict[str, Any]]:
    return [
        {"side": s.side, "kind": s.kind.value, "start": s.start, "end": s.end, "text": s.text}
        for s in spans
    ]


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    translated = any(v.translations is not None for v in comparison.versions)
    return {
        "schema": SCHEMA,
        "generator": f"stmtdiff {stmtdiff_version()}",
        "title": comparison.title,
        "pivot": comparison.pivot,
        "versions": [_version(v) for v in comparison.versions],
        "alignments": [
            {
                "pivot": a.pivot,
                "other": a.other,
                "method": a.method,
                "confidence": round(a.confidence, 4),
                "warning": a.warning,
                "links": links_json(a),
            }
            for a in comparison.alignments
        ],
        "notes": comparison.notes,
        "summary": {
            **{status.value: count for status, count in comparison.counts().items()},
            "who_said_what": who_said_what(comparison),
        },
        "rows": [
            {
                "index": row.index,
                "status": row.status.value,
                "similarity": None if row.similarity is None else round(row.similarity, 4),
                "cells": {
                    cell.version: {
                        "sentences": cell.sentence_ids,
                        "status": cell.status.value,
                        "similarity": (
                            None if cell.similarity is None else round(cell.similarity, 4)
                        ),
                        "diff": (
                            None
                            if cell.diff is None
                            else [[op.op.value, op.text] for op in cell.diff]
                        ),
                        "diff_basis": cell.diff_basis,
                        "moved_to": cell.moved_to,
                        "link": cell.link,
                        **only_here_json(cell, translated=translated),
                    }
                    for cell in row.cells
                },
            }
            for row in comparison.rows
        ],
    }


def render_json(comparison: Comparison) -> str:
    return indented_json(to_dict(comparison)) + "\n"


def indented_json(value: Any) -> str:
    """The bytes of ``json.dumps(value, ensure_ascii=False, indent=2)``, in 40% of its time.

    The standard library's indented encoder is pure Python, one generator step per value (its C
    encoder cannot indent): at 8,000 rows of ``benchmarks/terminal_speed.py`` it took 0.70 s of
    a 5 s run. Here each container is one ``join`` and strings go through the same C escaping
    function: 0.39-0.44 s against its 0.91-1.05 s, side by side on a busy machine.
    """
    return _value(value, "\n")


def _value(value: Any, indent: str) -> str:
    """``value`` at the nesting level whose line break and indentation is ``indent``; the
    common scalars inline, as they are most of a report's values."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and -_INFINITY < value < _INFINITY:
        return float.__repr__(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + "  "
        items = [f"{encode_basestring(key)}: {_value(item, inner)}" for key, item in value.items()]
        return "{" + inner + ("," + inner).join(items) + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + "  "
        return "[" + inner + ("," + inner).join([_value(v, inner) for v in value]) + indent + "]"
    return _scalar(value, indent)


def _scalar(value: Any, indent: str) -> str:
    """What the standard encoder does with the rest, in its order: str and int subclasses
    (enums) by value, floats by ``repr`` (NaN and infinities as JavaScript names)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (_INFINITY, -_INFINITY):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, dict):
        return _value(dict(value), indent)
    if isinstance(value, (list, tuple)):
        return _value(list(value), indent)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
