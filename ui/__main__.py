"""``python -m ui`` runs the app, as the installed ``village-station`` command does."""

import sys

from ui.main import main

sys.exit(main())
