"""Entry point: ``timeline-app [FOLDER]`` opens the window; ``extract``/``timeline`` run headless."""

from __future__ import annotations

import sys

HEADLESS_COMMANDS = ("extract", "timeline")


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the headless CLI or the Qt application."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in HEADLESS_COMMANDS:
        from timeline_app import cli

        return cli.main(args)
    from timeline_app.ui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
