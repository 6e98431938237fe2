"""``stmtdiff fetch MANIFEST``: save every URL version of a statement set as text beside it.

After a fetch the set compares offline and can be committed: the manifest keeps its URLs, the
saved texts sit in its folder, and stmtdiff.fetched.toml records what came from where and when.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from stmtdiff.errors import StmtdiffError
from stmtdiff.fsutil import write_atomic
from stmtdiff.ingest import parse_bytes
from stmtdiff.ingest.fetch import DEFAULT_TIMEOUT, fetch_page, is_url
from stmtdiff.ingest.fetchlog import FETCHLOG_NAME, FetchRecord, read_fetchlog, write_fetchlog
from stmtdiff.ingest.manifest import Manifest, load_manifest
from stmtdiff.visible import visible


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fetch",
        help="download a statement set's URL versions so it compares offline",
        description="Download every URL version named in a stmtdiff.toml into the manifest's "
        f"folder as <id>.txt and record the source and retrieval time in {FETCHLOG_NAME}.",
    )
    parser.add_argument("manifest", metavar="MANIFEST", help="a stmtdiff.toml or its folder")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to wait for a server"
    )
    parser.add_argument(
        "--cached",
        action="store_true",
        help="use pages already in the page cache instead of downloading them again",
    )
    parser.add_argument("--cache-dir", type=Path, help="page cache folder (default: user cache)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    manifest = load_manifest(args.manifest, use_fetched=False)
    log_path = manifest.folder / FETCHLOG_NAME
    wanted = {spec.source for spec in manifest.versions if is_url(spec.source)}
    if not wanted:
        print(f"nothing to fetch: no version in {manifest.path} has a URL source")
        return 0
    records = {url: r for url, r in read_fetchlog(log_path).items() if url in wanted}
    failures = 0
    for number, spec in enumerate(manifest.versions, start=1):
        if not is_url(spec.source):
            continue
        name = f"{spec.id or f'version-{number}'}.txt"
        try:
            records[spec.source] = _fetch_one(manifest, spec.source, name, args)
        except StmtdiffError as error:
            failures += 1
            print(f"stmtdiff: error: {visible(str(error), newlines=False)}", file=sys.stderr)
            continue
        print(f"{spec.id or number}: {spec.source} -> {manifest.folder / name}")
    ordered = [records[url] for url in _in_manifest_order(manifest) if url in records]
    write_fetchlog(log_path, ordered)
    return 2 if failures else 0


def _fetch_one(manifest: Manifest, url: str, name: str, args: argparse.Namespace) -> FetchRecord:
    target = manifest.folder / name
    taken = {
        os.path.normpath(path)
        for spec in manifest.versions
        for path in (spec.source, spec.translation)
        if path and not is_url(path)
    }
    if os.path.normpath(target) in taken:
        raise StmtdiffError(
            f"{url}: would overwrite {target}, which the manifest uses; give the version another id"
        )
    page = fetch_page(url, cache_dir=args.cache_dir, refresh=not args.cached, timeout=args.timeout)
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


def _in_manifest_order(manifest: Manifest) -> list[str]:
    return list(dict.fromkeys(spec.source for spec in manifest.versions if is_url(spec.source)))
