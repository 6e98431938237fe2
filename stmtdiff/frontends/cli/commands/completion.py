"""``stmtdiff completion bash|zsh|tcsh``: a shell completion script, generated from the parser.

shtab reads the argparse parser itself, so every command, option and choice completes as the
installed version defines it, with nothing to keep in step by hand.
"""

from __future__ import annotations

import argparse
import sys

SHELLS = ("bash", "zsh", "tcsh")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for SHELL. bash: "
        "stmtdiff completion bash > ~/.local/share/bash-completion/completions/stmtdiff; "
        'zsh: stmtdiff completion zsh > "${fpath[1]}/_stmtdiff"; '
        "tcsh: stmtdiff completion tcsh > ~/.stmtdiff.complete && source it from ~/.tcshrc.",
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or tcsh")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import shtab

    from stmtdiff.frontends.cli.main import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
