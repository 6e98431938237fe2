"""``stmtdiff align SRC TGT``: a standalone sentence aligner in the research tools' format.

``--format beads`` prints one bead per line as Vecalign and Bertalign do (``[0]:[0,1]``,
``[3,4]:[2]``, ``[5]:[]``, ``[]:[6]``), covering every sentence of both sides in order, so the
output can be scored against gold alignments with the usual scripts. The method used and its
confidence go to standard error.
"""

from __future__ import annotations

import argparse
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.choices import METHODS
from stmtdiff.frontends.cli.commands.options import add_color_argument, output_file
from stmtdiff.frontends.cli.translate_options import add_translation_arguments, settings_from_args

# The model loads where the command runs: ``--help`` declares this command too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from stmtdiff.core.model import Bead, PairAlignment, Version


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "align",
        help="align the sentences of two texts and print the beads",
        description="Align SRC to TGT sentence by sentence (any two languages, offline) and "
        "print the alignment as beads, one per line, or as JSON.",
    )
    parser.add_argument("src", metavar="SRC", help="source text: a file, URL or '-'")
    parser.add_argument("tgt", metavar="TGT", help="target text: a file, URL or '-'")
    parser.add_argument(
        "--segmented",
        action="store_true",
        help="the inputs hold one sentence per line (line N is sentence N)",
    )
    parser.add_argument("--src-lang", help="language of SRC (default: detected)")
    parser.add_argument("--tgt-lang", help="language of TGT (default: detected)")
    parser.add_argument(
        "--src-translation",
        metavar="FILE",
        help="translation of SRC: one line per SRC sentence, or a whole text",
    )
    parser.add_argument(
        "--tgt-translation",
        metavar="FILE",
        help="translation of TGT: one line per TGT sentence, or a whole text",
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="translation (needs a translation), semantic (offline sentence encoder), lexical "
        "(lexicon, anchors and length; no model); auto picks the best available",
    )
    parser.add_argument(
        "--parallel",
        action="store_true",
        help="the texts are translations of each other: never align them as two accounts of "
        "one event, whatever their lengths (as research aligners assume)",
    )
    parser.add_argument(
        "--readouts",
        action="store_true",
        help="the texts are independent accounts of one event: link their facts many-to-many "
        "and in any order (output: one group of linked sentences per line)",
    )
    parser.add_argument(
        "--glossary",
        metavar="FILE",
        help="term pairs added to the lexicon: 'source<TAB>target' per line, or a check "
        "glossary (TOML, CSV, TSV)",
    )
    parser.add_argument("--format", choices=("beads", "json"), default="beads")
    # Beads and JSON have no colours; accepted so a script can pass --color to every command.
    add_color_argument(parser)
    add_translation_arguments(parser, display=False)
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=output_file, help="write here ('-': stdout)"
    )
    parser.set_defaults(func=run)


def _version(role: str, source: str, lang: str | None, segmented: bool) -> Version:
    from stmtdiff.adapters.ingest import load_document
    from stmtdiff.core.text.langid import detect_language
    from stmtdiff.core.text.versions import make_version, version_from_sentences

    text = load_document(source).text
    if segmented:
        lines = text.splitlines()
        language = lang or detect_language("\n".join(lines[:200]))
        return version_from_sentences(role, lines, lang=language, label=source, path=source)
    # Labelled with the file as given, so a warning names it as compare's does.
    return make_version(role, text, lang=lang, label=source, path=source)


def format_bead(bead: Bead) -> str:
    return f"[{','.join(map(str, bead.src))}]:[{','.join(map(str, bead.tgt))}]"


def to_json(pair: PairAlignment, src: Version, tgt: Version) -> str:
    import json

    from stmtdiff.frontends.report.jsonout import links_json

    payload = {
        "method": pair.method,
        "confidence": round(pair.confidence, 4),
        "warning": pair.warning,
        "src": {"path": src.path, "lang": src.lang, "sentences": len(src.sentences)},
        "tgt": {"path": tgt.path, "lang": tgt.lang, "sentences": len(tgt.sentences)},
        "beads": [
            {"src": list(b.src), "tgt": list(b.tgt), "score": round(b.score, 4)} for b in pair.beads
        ],
        "links": links_json(pair),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace) -> int:
    from stmtdiff.adapters.offline import offline_evidence
    from stmtdiff.adapters.pipeline import attach_translation_file, machine_translate
    from stmtdiff.core.align.pairalign import align_pair, match_accounts
    from stmtdiff.core.model import Bead, MethodChoice

    if args.src == "-" and args.tgt == "-":
        raise StmtdiffError("only one of SRC and TGT can be '-' (standard input)")
    src = _version("src", args.src, args.src_lang, args.segmented)
    tgt = _version("tgt", args.tgt, args.tgt_lang, args.segmented)
    if args.src_translation:
        src = attach_translation_file(src, args.src_translation, segmented=args.segmented)
    if args.tgt_translation:
        tgt = attach_translation_file(tgt, args.tgt_translation, segmented=args.segmented)
    (src, tgt), notes = machine_translate([src, tgt], settings_from_args(args))
    for note in notes:
        print(f"stmtdiff: {note}", file=sys.stderr)
    glossaries = [(args.glossary, src.lang, tgt.lang)] if args.glossary else []
    evidence = offline_evidence(glossaries)
    if args.readouts and args.parallel:
        raise StmtdiffError("--readouts and --parallel contradict each other: give one")
    if args.readouts:
        from stmtdiff.core.compare.compare import warn_if_sharing_little

        pair = warn_if_sharing_little(match_accounts(src, tgt, evidence), src, tgt)
    else:
        pair = align_pair(
            src, tgt, method=MethodChoice(args.method), evidence=evidence, parallel=args.parallel
        )
    if args.format == "json":
        text = to_json(pair, src, tgt)
    elif args.readouts:
        text = "".join(format_bead(Bead(x.pivot, x.other)) + "\n" for x in pair.links)
    else:
        text = "".join(format_bead(bead) + "\n" for bead in pair.beads)
    if args.output:
        from stmtdiff.adapters.files.fsutil import refuse_to_replace, write_atomic

        reads = [args.src, args.tgt, args.src_translation, args.tgt_translation, args.glossary]
        refuse_to_replace(args.output, reads)
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    from stmtdiff.core.view.status import alignment_words

    print(f"stmtdiff: {src.lang}→{tgt.lang} aligned by {alignment_words(pair)}", file=sys.stderr)
    if pair.warning:
        print(f"stmtdiff: warning: {pair.warning}", file=sys.stderr)
    return 0
