"""`python -m parindex`: see parindex/cli.py."""

import sys

from parindex.cli import main

sys.exit(main())
