"""Command line: ``capacityplanner <command> ...``; no command opens the desktop app.

Each subcommand lives in a module of :mod:`capacityplanner.commands` that
exposes ``register(subparsers)``; the handler it sets with
``parser.set_defaults(handler=...)`` receives the parsed arguments and returns
an exit status. :class:`~capacityplanner.errors.InputError` becomes one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from capacityplanner import __version__
from capacityplanner.errors import InputError

#: Interface languages of the desktop app.
LANGUAGES = ("nl", "en")

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
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="interface language")
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


def app_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` just opens the desktop app, and in which language.

    True for no arguments or only ``--lang nl|en``: the app then opens without
    importing the command modules (the optimiser, the database layer, ...),
    which the full parser needs to build its subcommands.

    Examples
    --------
    >>> app_request(["--lang", "en"])
    (True, 'en')
    >>> app_request(["forecast", "--wijk", "Gent"])
    (False, None)
    """
    light = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    light.add_argument("--lang", choices=LANGUAGES, default=None)
    try:
        args, rest = light.parse_known_args(list(argv))
    except argparse.ArgumentError:  # the full parser reports it
        return False, None
    if rest:
        return False, None
    return True, args.lang


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    opens_app, lang = app_request(argv)
    args, handler = None, None
    if not opens_app:
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None)
        lang = args.lang
    try:
        if handler is None:
            # Start-up allocates a great many long-lived objects and hardly any garbage:
            # the cyclic collector is paused until the map is drawn (open_main_window
            # resumes it), instead of scanning them over and over while modules import.
            gc.disable()
            from capacityplanner.gui.app import run_app

            return run_app(lang=lang)
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
