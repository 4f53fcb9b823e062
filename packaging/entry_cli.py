"""Frozen entry point of the `blueprint` command line."""

import sys

from blueprint_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
