"""``python -m quotebank``: the same command as ``quotebank``."""

import sys

from quotebank.cli import main

sys.exit(main())
