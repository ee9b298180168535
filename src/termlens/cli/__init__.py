"""The `termlens` command: a thin layer over the pipeline and the repository.

Each command group lives in its own module and is registered here.
"""

from __future__ import annotations

from termlens.cli.app import main

__all__ = ["main"]

# Command modules register themselves on import; app.COMMAND_MODULES says which module holds which
# command, and the group imports a module only when one of its commands is used.
