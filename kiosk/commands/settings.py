"""`settings`: the settings this kiosk and every command run with, and where each came from (secrets masked)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from kiosk.settings.resolver import resolve


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "settings",
        help="show the effective settings and where each came from",
        description="The settings the kiosk and every command use: the clinic profile, then the settings saved "
        "for this kiosk's branch in the database, then kiosk.toml (see docs/settings.md). Passwords are masked.",
    )
    parser.add_argument(
        "--clinic", metavar="ID_OR_FILE", help="clinic profile id or .toml file (default: kiosk.toml's, else demo)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON: [{name, value, source}]")
    parser.set_defaults(handler=run_settings)


def run_settings(args: argparse.Namespace) -> int:
    resolved = resolve(args.clinic)
    rows = resolved.sources
    if args.json:
        print(json.dumps([{"name": r.name, "value": r.value, "source": r.source} for r in rows], ensure_ascii=False))
        return 0
    width = max(len(row.name) for row in rows)
    for row in rows:
        print(f"{row.name:<{width}}  {row.value}    [{row.source}]")
    return 0
