"""``python -m helpers.practice``: run the practice server in the foreground."""
import sys

from .server.cli import main

if __name__ == "__main__":
    sys.exit(main())
