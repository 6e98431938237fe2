"""``stmtdiff fetch MANIFEST``: save every URL version of a statement set as text beside it.

After a fetch the set compares offline and can be committed: the manifest keeps its URLs, the
saved texts sit in its folder, and stmtdiff.fetched.toml records what came from where and when.
"""

from __future__ import annotations

import argparse
import os
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.choices import FETCHLOG_NAME
from stmtdiff.frontends.cli.translate_options import path_argument, positive_seconds

# What a fetch needs is imported where it runs: ``--help`` declares this command too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from stmtdiff.adapters.ingest.fetchlog import FetchRecord
    from stmtdiff.adapters.ingest.manifest import Manifest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fetch",
        help="download a statement set's URL versions so it compares offline",
        description="Download every URL version named in a stmtdiff.toml into the manifest's "
        f"folder as <id>.txt and record the source and retrieval time in {FETCHLOG_NAME}.",
    )
    parser.add_argument("manifest", metavar="MANIFEST", help="a stmtdiff.toml or its folder")
    parser.add_argument(
        "--timeout", type=positive_seconds, help="seconds to wait for a server (default: 20)"
    )
    parser.add_argument(
        "--cached",
        action="store_true",
        help="use pages already in the page cache instead of downloading them again",
    )
    parser.add_argument(
        "--cache-dir", type=path_argument, help="page cache folder (default: user cache)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from stmtdiff.adapters.ingest.fetchlog import read_fetchlog, write_fetchlog
    from stmtdiff.adapters.ingest.manifest import load_manifest
    from stmtdiff.adapters.ingest.sources import is_url
    from stmtdiff.core.text.visible import visible

    manifest = load_manifest(args.manifest, use_fetched=False)
    log_path = manifest.folder / FETCHLOG_NAME
    wanted = {spec.source for spec in manifest.versions if is_url(spec.source)}
    if not wanted:
        print(f"nothing to fetch: no version in {manifest.path} has a URL source")
        return 0
    earlier = read_fetchlog(log_path)
    ours = [manifest.folder / record.file for record in earlier.values()]
    records = {url: r for url, r in earlier.items() if url in wanted}
    failures = 0
    for number, spec in enumerate(manifest.versions, start=1):
        if not is_url(spec.source):
            continue
        name = f"{spec.id or f'version-{number}'}.txt"
        try:
            records[spec.source] = _fetch_one(manifest, spec.source, name, args, ours)
        except StmtdiffError as error:
            failures += 1
            print(f"stmtdiff: error: {visible(str(error), newlines=False)}", file=sys.stderr)
            continue
        ours.append(manifest.folder / name)
        print(f"{spec.id or number}: {spec.source} -> {manifest.folder / name}")
    ordered = [records[url] for url in _in_manifest_order(manifest) if url in records]
    write_fetchlog(log_path, ordered)
    return 2 if failures else 0


def _fetch_one(
    manifest: Manifest, url: str, name: str, args: argparse.Namespace, ours: list[Path]
) -> FetchRecord:
    import hashlib

    from stmtdiff.adapters.files.fsutil import write_atomic
    from stmtdiff.adapters.ingest import parse_bytes
    from stmtdiff.adapters.ingest.fetch import fetch_page
    from stmtdiff.adapters.ingest.fetchlog import FetchRecord
    from stmtdiff.adapters.ingest.limits import DEFAULT_TIMEOUT

    target = manifest.folder / name
    _refuse_foreign(manifest, url, target, ours)
    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    page = fetch_page(url, cache_dir=args.cache_dir, refresh=not args.cached, timeout=timeout)
    document = parse_bytes(page.content, url, declared_charset=page.charset)
    text = document.text + "\n"
    write_atomic(target, text)
    return FetchRecord(
        url=url,
        final_url=page.final_url,
        file=name,
        retrieved=page.retrieved,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _refuse_foreign(manifest: Manifest, url: str, target: Path, ours: list[Path]) -> None:
    """Fetch replaces only files it saved itself (named in stmtdiff.fetched.toml), never others.

    Paths are compared as files (symlinks, ``..``, hard links), not as strings.
    """
    from pathlib import Path

    from stmtdiff.adapters.files.fsutil import same_file
    from stmtdiff.adapters.ingest.sources import is_url

    used = [manifest.path, manifest.folder / FETCHLOG_NAME]
    used += [Path(p) for s in manifest.versions for p in (s.source, s.translation) if p]
    clash = next((p for p in used if not is_url(str(p)) and same_file(target, p)), None)
    if clash is not None:
        raise StmtdiffError(
            f"{url}: would overwrite {clash}, which the manifest uses; give the version another id"
        )
    if not os.path.lexists(target):
        return
    if target.is_symlink() or not target.is_file() or not any(same_file(target, p) for p in ours):
        raise StmtdiffError(
            f"{url}: would overwrite {target}, which stmtdiff fetch did not write; "
            "move that file away or give the version another id"
        )


def _in_manifest_order(manifest: Manifest) -> list[str]:
    from stmtdiff.adapters.ingest.sources import is_url

    return list(dict.fromkeys(spec.source for spec in manifest.versions if is_url(spec.source)))
