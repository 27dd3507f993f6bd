"""``python -m aligngraph``: the same as the ``aligngraph`` command."""

import sys

from .cli import main

sys.exit(main())
