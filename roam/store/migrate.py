"""Alembic's command line, pointed at roam's migration scripts and ``ROAM_DATABASE_URL``.

    python -m roam.store.migrate current             # revision of the configured database
    python -m roam.store.migrate history
    python -m roam.store.migrate upgrade head        # what roam does by itself on first use
    python -m roam.store.migrate revision -m "add x" --autogenerate   # for developers

roam upgrades an older database automatically the first time a process opens it
(:func:`roam.store.engine.ensure_schema`); this module is for inspection and for writing new
revisions after changing ``roam/store/schema.py``.
"""

from __future__ import annotations

from alembic.config import CommandLine

from roam.store.engine import alembic_config


def main(argv: list[str] | None = None) -> None:
    cli = CommandLine(prog="python -m roam.store.migrate")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    config = alembic_config()
    config.cmd_opts = options
    cli.run_cmd(config, options)


if __name__ == "__main__":  # pragma: no cover
    main()
