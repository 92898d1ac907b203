"""Command line: ``capacityplanner <command> ...``; no command opens the desktop app.

Each subcommand lives in a module of :mod:`capacityplanner.commands` that
exposes ``register(subparsers)``; the handler it sets with
``parser.set_defaults(handler=...)`` receives the parsed arguments and returns
an exit status. :class:`~capacityplanner.errors.InputError` becomes one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from capacityplanner import __version__
from capacityplanner.errors import InputError

#: Modules under ``capacityplanner.commands`` that register subcommands.
COMMAND_MODULES = (
    "layers",
    "importing",
    "forecast",
    "optimise",
    "orlib",
    "scenario",
    "run",
    "export",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="capacityplanner",
        description="Ghent capacity planner. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=["nl", "en"], default=None, help="interface language")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"capacityplanner.commands.{name}")
        except ModuleNotFoundError as exc:  # a command module not present yet
            if exc.name != f"capacityplanner.commands.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from capacityplanner.gui.app import run_app

            return run_app(lang=args.lang)
        return int(handler(args) or 0)
    except InputError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. ``head``, which stopped reading
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
