"""``stmtdiff segment``: print a file's sentences with their spans (a debugging aid)."""

from __future__ import annotations

import argparse

from stmtdiff.frontends.cli.commands.options import add_color_argument, output_console


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "segment",
        help="show how a file is split into sentences",
        description="Print each sentence with its paragraph and character span.",
    )
    parser.add_argument("file", metavar="FILE", help="a file, URL or '-'")
    parser.add_argument("--lang", help="language (default: detected)")
    parser.add_argument("--format", choices=("table", "lines", "json"), default="table")
    add_color_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from rich.table import Table
    from rich.text import Text

    from stmtdiff.adapters.ingest import load_document
    from stmtdiff.core.text.langid import detect_languages
    from stmtdiff.core.text.versions import make_version
    from stmtdiff.core.text.visible import visible

    document = load_document(args.file)
    version = make_version("input", document.text, lang=args.lang, path=args.file)
    # Per sentence too: a document may quote another language (mixed documents).
    langs = detect_languages(s.text for s in version.sentences)
    if args.format == "lines":
        for sentence in version.sentences:
            print(visible(sentence.text))
        return 0
    if args.format == "json":
        payload = {
            "lang": version.lang,
            "sentences": [
                {
                    "id": s.id,
                    "paragraph": s.paragraph,
                    "start": s.start,
                    "end": s.end,
                    "lang": lang,
                    "text": s.text,
                }
                for s, lang in zip(version.sentences, langs, strict=True)
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    console = output_console(args.color)
    # Text, never str: rich parses a str title or cell as markup ("[/]" raises, "[link=…]" obeys).
    title = f"{args.file} — {version.lang}, {len(version.sentences)} sentences"
    table = Table(title=Text(visible(title)))
    for name in ("#", "¶", "span", "lang", "sentence"):
        table.add_column(name, no_wrap=name != "sentence", overflow="fold")
    for s, lang in zip(version.sentences, langs, strict=True):
        # People count sentences and paragraphs from 1, as compare counts rows; the JSON keeps
        # the 0-based ids of stmtdiff/alignment@1, and spans stay string offsets.
        span = f"{s.start}–{s.end}"
        table.add_row(str(s.id + 1), str(s.paragraph + 1), span, lang, Text(visible(s.text)))
    console.print(table)
    return 0
