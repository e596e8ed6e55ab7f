"""``python -m sync.server`` is the ``city-server`` command."""

import sys

from sync.server.cli import main

sys.exit(main())
