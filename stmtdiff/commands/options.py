"""Options shared by every command that builds a comparison (compare, tui, check, demo)."""

from __future__ import annotations

import argparse

from stmtdiff.errors import StmtdiffError
from stmtdiff.pairalign import METHODS
from stmtdiff.session import Request
from stmtdiff.translate.cli_options import add_translation_arguments, settings_from_args


def add_comparison_arguments(parser: argparse.ArgumentParser, *, inputs: bool = True) -> None:
    if inputs:
        parser.add_argument(
            "inputs",
            nargs="+",
            metavar="VERSION",
            help="files, URLs, '-' for standard input, or a folder with a stmtdiff.toml",
        )
    parser.add_argument(
        "--pivot",
        metavar="VERSION",
        help="version the others are compared with: its id or 1-based position (default: first)",
    )
    parser.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="[VERSION=]LANG",
        help="language of every version (LANG) or of one (VERSION=LANG); repeatable",
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="how versions in different languages are aligned (default: auto)",
    )
    parser.add_argument(
        "--readouts",
        action="store_true",
        help="the versions are independent accounts of one event (readouts of a call): match "
        "their facts wherever each side reports them, and show what only one side says",
    )
    parser.add_argument(
        "--translation",
        action="append",
        default=[],
        metavar="VERSION=FILE",
        help="translation of a version: one sentence per line, or a whole text; repeatable",
    )
    add_translation_arguments(parser)


def _pairs(values: list[str], option: str, *, bare_ok: bool) -> dict[str, str]:
    table: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep:
            if not bare_ok:
                raise StmtdiffError(f"{option} expects VERSION=VALUE, got {value!r}")
            key, rest = "", value
        if not rest:
            raise StmtdiffError(f"{option} {value!r} has an empty value")
        table[key] = rest
    return table


def request_from_args(args: argparse.Namespace) -> Request:
    return Request(
        inputs=list(args.inputs),
        pivot=args.pivot,
        langs=_pairs(args.lang, "--lang", bare_ok=True),
        method=args.method,
        translation_files=_pairs(args.translation, "--translation", bare_ok=False),
        translation=settings_from_args(args),
        offline=args.offline,
        readouts=args.readouts,
    )
