"""Packaging, as a user meets it: a wheel installed into a fresh virtual environment, and the
frozen desktop bundle, each run from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from blueprint_app import __version__
from tests.image_support import pdf_destinations, pdf_text

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "hotel-stay.blueprint.json"

pytestmark = pytest.mark.slow  # minutes: a wheel, a fresh venv, a frozen bundle


def run(
    command: list[str | Path], cwd: Path, timeout: int = 900, no_display: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run as a user would; ``no_display``: no DISPLAY and no Qt platform set at all."""
    unset = ("PYTHONPATH", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in (unset if no_display else unset[:2])
    }
    if not no_display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        text=True,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT], cwd=out)
    [built] = out.glob("blueprint_studio-*.whl")
    return built


def test_the_wheel_carries_every_resource(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("examples", "templates", "schema", "icons"):
        assert any(n.startswith(f"blueprint_app/_resources/{folder}/") for n in names), folder
    sources = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    packed = {
        n.removeprefix("blueprint_app/_resources/")
        for n in names
        if n.startswith("blueprint_app/_resources/")
    }
    assert sources <= packed


def test_a_fresh_venv_gets_working_commands(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", wheel], cwd=tmp_path)
    outside = tmp_path / "work"
    outside.mkdir()
    where = run([python, "-c", "import blueprint_app; print(blueprint_app.__file__)"], outside)
    assert where.stdout.startswith(str(target))
    assert run([target / "bin" / "blueprint", "--version"], outside).stdout.strip() == (
        f"blueprint {__version__}"
    )
    assert "hotel-stay" in run([target / "bin" / "blueprint", "templates"], outside).stdout
    run(
        [
            target / "bin" / "blueprint",
            "new",
            "--template",
            "bank-account-opening",
            "--language",
            "zh-CN",
            "-o",
            "bank.blueprint.json",
        ],
        outside,
    )
    run([target / "bin" / "blueprint", "validate", "bank.blueprint.json"], outside)
    run([target / "bin" / "blueprint", "export", "bank.blueprint.json", "-o", "bank.html"], outside)
    assert "开户" in (outside / "bank.html").read_text(encoding="utf-8")
    assert run([target / "bin" / "blueprint-app", "--version"], outside).stdout.strip() == (
        __version__
    )


def test_the_frozen_bundle_runs_headless(tmp_path: Path) -> None:
    """CI builds the one-folder bundle from this checkout and runs both executables."""
    out = tmp_path / "dist"
    build = run(["bash", ROOT / "packaging" / "build.sh", out], cwd=ROOT, timeout=1800)
    print(build.stdout.strip())  # the bundle's size, for the CI log
    bundle = out / "BlueprintStudio"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert size < 250 * 1024 * 1024, f"bundle grew to {size / 1e6:.0f} MB"
    assert not list(bundle.rglob("*WebEngine*")) and not list(bundle.rglob("libQt63D*"))
    outside = tmp_path / "work"
    outside.mkdir()
    assert run([bundle / "blueprint", "--version"], outside).stdout.strip() == (
        f"blueprint {__version__}"
    )
    assert run([bundle / "blueprint-app", "--version"], outside).stdout.strip() == __version__
    run([bundle / "blueprint", "validate", EXAMPLE], outside)
    # every command the CLI loads by name is in the bundle: help loads them all
    helped = run([bundle / "blueprint", "--help"], outside).stdout
    assert all(name in helped for name in ("simulate", "import", "diff", "merge", "git-setup"))
    fast_food = ROOT / "resources" / "templates" / "fast-food-counter.en.blueprint.json"
    run([bundle / "blueprint", "simulate", fast_food, "--customers", "50", "--seed", "1"], outside)
    run([bundle / "blueprint", "diff", EXAMPLE, EXAMPLE], outside)
    run(
        [bundle / "blueprint", "new", "--template", "hotel-stay", "-o", "h.blueprint.json"], outside
    )
    run([bundle / "blueprint", "export", "h.blueprint.json", "-o", "h.md"], outside)
    assert "Check-in" in (outside / "h.md").read_text(encoding="utf-8")
    for picture in ("h.svg", "h.png", "h.pdf"):  # the CLI chooses the offscreen platform itself
        run([bundle / "blueprint", "export", EXAMPLE, "-o", picture], outside, no_display=True)
    assert b"Check-in" in (outside / "h.svg").read_bytes()
    assert "Check-in" in pdf_text(outside / "h.pdf")
    # mended by the bundled pikepdf: Noto's space glyph is named by the space, not Qt's tab
    assert "\t" not in pdf_destinations((outside / "h.pdf").read_bytes())
    assert (outside / "h.png").read_bytes().startswith(b"\x89PNG")
    assert (outside / "h.png").stat().st_size > 20_000  # a drawing, not an empty frame
