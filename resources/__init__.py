"""Icons, translations, style sheets and print templates, reached through ``resource_path``."""

from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a resource file, the same in a source checkout and inside the PyInstaller bundle.

    In the bundle this package's ``__file__`` lies in the bundle folder, where build.spec puts the
    data files beside it.
    """
    return _ROOT.joinpath(*parts)
