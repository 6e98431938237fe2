"""What loads on first use, so importing a module costs only what is used: package names
(PEP 562), modules (``LazyModule``: numpy for the aligners) and regular expressions
(``lazy_pattern``).

The command line imports ``stmtdiff``, ``stmtdiff.adapters.ingest`` and
``stmtdiff.adapters.translate`` just to
declare its options; their public names pull numpy, httpx and the aligners, which only a running
command needs (``benchmarks/startup.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module

TYPE_CHECKING = False  # not ``typing``'s: importing typing costs ``--version`` ~10 ms
if TYPE_CHECKING:
    import re
    from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``; ``homes`` maps each public name to its
    module, or to ``module:attribute`` when the public name differs."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = homes[name].partition(":")
        value = getattr(import_module(module), attribute or name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(homes))

    return __getattr__, __dir__


class LazyModule:
    """A module imported when one of its attributes is first read, not when it is named.

    The aligners keep ``np.`` calls where they are, but a same-language compare, which runs
    none of them, no longer imports numpy (~100-150 ms of a two-sentence compare on 2 busy
    cores, ``benchmarks/startup.py``). Each attribute read is kept on the proxy, so a hot loop
    pays an ordinary attribute lookup after the first.
    """

    def __init__(self, name: str) -> None:
        self._lazy_module_name = name

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(import_module(self._lazy_module_name), attribute)
        setattr(self, attribute, value)
        return value


#: numpy for the aligners: ``from stmtdiff.lazyexports import numpy as np`` at run time, with
#: ``import numpy as np`` under ``TYPE_CHECKING`` so mypy sees the real module.
numpy = LazyModule("numpy")


class _LazyPattern:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, attribute: str) -> Any:
        import re

        value = getattr(re.compile(self.pattern), attribute)
        setattr(self, attribute, value)
        return value


def lazy_pattern(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)`` on first use. A class of the Han ranges takes 1.5-2.5 ms to
    compile (sre builds its bitmap in Python), and the core has seven at import: a text with
    no East Asian character need compile none of them (``benchmarks/startup.py``)."""
    return _LazyPattern(pattern)  # type: ignore[return-value]  # quacks as one once used
