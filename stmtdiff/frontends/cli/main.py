"""Command-line entry point: parse arguments, run a command, turn errors into exit code 2."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from stmtdiff.core.errors import StmtdiffError  # no imports of its own

TYPE_CHECKING = False  # not ``typing``'s: importing typing costs ``--version`` ~10 ms
if TYPE_CHECKING:
    from typing import Any, TextIO

    from stmtdiff.adapters.progress import ProgressBar

#: The subcommand modules, in ``--help`` order. They are imported when the parser is built, not
#: with this module, so ``--version`` loads none of them.
COMMANDS = ("compare", "segment", "demo", "tui", "fetch", "cache", "check", "align", "completion")
#: Subcommands declared by a module of another name.
_MODULE_OF = {"approve": "check"}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line (exit 2), like every other error here.

    The message may quote an argument: its control characters are shown, not obeyed.
    """

    def error(self, message: str) -> None:  # type: ignore[override]
        from stmtdiff.core.text.visible import visible

        self.exit(2, f"{self.prog}: error: {visible(message, newlines=False)} (see --help)\n")


class _Version(argparse.Action):
    """``--version``: reads the installed metadata only when asked (it costs ~30 ms to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"stmtdiff {_version()}")
        parser.exit()


def _version() -> str:
    import stmtdiff

    return stmtdiff.__version__


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only ``command``'s part of it when that is all a run needs:
    declaring the nine commands' options costs ~9 ms, a third of a bare Python start."""
    parser = _Parser(
        prog="stmtdiff",
        description="Line up parallel versions of a statement sentence by sentence "
        "and show where they differ.",
    )
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    module = _MODULE_OF.get(command or "", command)
    for name in COMMANDS if module not in COMMANDS else (module,):
        import_module(f"stmtdiff.frontends.cli.commands.{name}").register(subparsers)
    return parser


def _progress_bar(description: str, total: int) -> ProgressBar:
    from stmtdiff.frontends.cli.progress import RichProgressBar  # rich loads only when drawn

    return RichProgressBar(description, total)


def _say_preparing(message: str) -> None:
    print(f"stmtdiff: {message}...", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:
        # Answered before the parser is built: building it imports every command module.
        print(f"stmtdiff {_version()}")
        return 0
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        return _run(build_parser(words[0] if words else None).parse_args(argv))
    finally:
        gc.set_threshold(*thresholds)  # a program that calls main() keeps its own collector


#: The cyclic collector's thresholds while a command runs. At CPython's (700, 10, 10) it runs
#: after every 700 new containers and re-reads everything still young, and a comparison keeps
#: nearly all it builds (sentences, rows, links) until it is written: 111 collections for 591
#: objects freed cost 16-34 ms of a 2×2,000-sentence JSON compare (`benchmarks/terminal_speed.py`)
#: and 355 collections 60-77 ms at 2×8,000, with the same peak memory (83.5 vs 88.2 MB at 8,000).
#: mypy runs with the same figures; cycles are still collected, only less often.
GC_THRESHOLDS = (200_000, 30, 30)


def _run(args: argparse.Namespace) -> int:
    from stmtdiff.adapters.models.langprofiles import install

    install()  # the core's language detection falls back on langdetect (its files read there)
    stdout = sys.stdout
    sys.stdout = _PipeSafe(stdout)  # type: ignore[assignment]
    if sys.stderr.isatty():
        from stmtdiff.adapters import progress

        progress.preparing = _say_preparing
        progress.display = _progress_bar
    try:
        result: int = args.func(args)
        sys.stdout.flush()
    except StmtdiffError as error:
        from stmtdiff.core.text.visible import visible

        # Messages quote file names and texts: one line, control characters shown.
        print(f"stmtdiff: error: {visible(str(error), newlines=False)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stmtdiff: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        print(f"stmtdiff: error: {_describe(error)}", file=sys.stderr)
        return 2
    finally:
        sys.stdout = stdout
    return result


#: Set (to anything) to see the traceback behind an unexpected OSError, for a bug report.
DEBUG_ENV = "STMTDIFF_DEBUG"


def _describe(error: OSError) -> str:
    """An OSError as one line: the path it concerns, then what went wrong."""
    reason = error.strerror or str(error) or type(error).__name__
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    return ": ".join([*paths, reason]) if paths else reason


class _PipeSafe:
    """Standard output that outlives its reader (``stmtdiff compare … | head``).

    Once the pipe is closed the rest of the output goes to /dev/null, so the command still ends
    with its own status (1: the texts differ) and Python prints no "Exception ignored" at exit.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._discard()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._discard()

    def _discard(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)
