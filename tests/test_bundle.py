"""The PyInstaller bundle: build.spec builds it, and the programs in it start and pass their self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.startup import STARTUP_PROBE_ENV as PROBE_ENV

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 180

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built once for this module into a temporary folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is a dev dependency and must be installed: run `uv sync`")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stderr[-4000:]}"
    folder = work / "dist" / "village-station"
    assert folder.is_dir(), f"no bundle folder in {work / 'dist'}"
    return folder


def run(program: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items() if name != PROBE_ENV}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([str(program), *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=environment, timeout=RUN_TIMEOUT_S, check=False)


def test_bundled_self_test_passes(bundle: Path) -> None:
    result = run(bundle / f"village-station-cli{SUFFIX}", "self-test")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "self-test passed" in result.stdout, output
    # Each step proves a part of the bundle: migrations shipped as files, the .qm, the window.
    assert "migrated to" in result.stdout
    assert "Chinese translation loaded, Qt's own too" in result.stdout  # qtbase_zh_CN.qm is bundled


def test_bundled_version(bundle: Path) -> None:
    import desktop

    result = run(bundle / f"village-station-cli{SUFFIX}", "--version")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"village-station {desktop.__version__}"


def test_windowed_app_opens_its_first_window_on_a_new_data_folder(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(bundle / f"village-station{SUFFIX}", "--data-dir", str(data),
                 **{PROBE_ENV: "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data / "village-station.db").is_file()  # the bundled migrations created the database
    if sys.platform != "win32":  # a windowed Windows program has no stdout to print the probe line to
        assert "startup-probe: window visible" in result.stdout
