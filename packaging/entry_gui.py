"""Frozen entry point of the desktop app `blueprint-app`."""

import sys

from blueprint_app.app import main

if __name__ == "__main__":
    sys.exit(main())
