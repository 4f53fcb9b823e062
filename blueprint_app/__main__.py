"""``python -m blueprint_app [FILE]`` starts the desktop editor."""

import sys

from blueprint_app.app import main

if __name__ == "__main__":
    sys.exit(main())
