"""`blueprint export` making pictures, run as a user runs it: a subprocess, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.image_support import ink, joined, pdf_info, pdf_text, png_image, rsvg_png, svg_texts

ROOT = Path(__file__).parent.parent
RESOURCES = ROOT / "resources"
SHIPPED = sorted(RESOURCES.glob("**/*.blueprint.json"))
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def blueprint(
    *args: str | Path,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=300,
        env=env,
    )


def test_cli_sets_the_offscreen_platform_itself_without_a_display(
    coffee_path: Path, tmp_path: Path
) -> None:
    env = {key: value for key, value in os.environ.items() if key not in NO_DISPLAY}
    target = tmp_path / "coffee.png"
    result = blueprint("export", coffee_path, "-o", target, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {target}"
    assert ink(png_image(target.read_bytes())) > 2000


def test_cli_png_scale_and_transparency(coffee_path: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    assert blueprint("export", coffee_path, "-o", one).returncode == 0
    result = blueprint("export", coffee_path, "-o", two, "--scale", "2", "--transparent")
    assert result.returncode == 0, result.stderr
    small, big = png_image(one.read_bytes()), png_image(two.read_bytes())
    assert abs(big.width() - 2 * small.width()) <= 2
    assert abs(big.height() - 2 * small.height()) <= 2
    assert big.pixelColor(1, 1).alpha() == 0 and small.pixelColor(1, 1).alpha() == 255


def test_cli_svg_and_pdf(coffee_path: Path, tmp_path: Path) -> None:
    svg, pdf = tmp_path / "c.svg", tmp_path / "c.pdf"
    assert blueprint("export", coffee_path, "-o", svg).returncode == 0
    assert ink(rsvg_png(svg, tmp_path / "c.png")) > 2000
    assert "Take order and payment" in joined(svg_texts(svg.read_bytes()))
    result = blueprint("export", coffee_path, "-o", pdf, "--page", "a4")
    assert result.returncode == 0, result.stderr
    info = pdf_info(pdf)
    assert info["Pages"] == "1" and "(A4)" in info["Page size"]
    width, _, height = info["Page size"].split()[:3]
    assert float(width) > float(height)  # landscape
    assert "Make the drink" in pdf_text(pdf)


def test_cli_phases_no_legend_no_title(coffee_path: Path, tmp_path: Path) -> None:
    full, part = tmp_path / "full.svg", tmp_path / "part.svg"
    assert blueprint("export", coffee_path, "-o", full).returncode == 0
    result = blueprint(
        "export", coffee_path, "-o", part, "--phases", "2..2", "--no-legend", "--no-title"
    )
    assert result.returncode == 0, result.stderr
    whole, shown = joined(svg_texts(full.read_bytes())), joined(svg_texts(part.read_bytes()))
    assert "Walk in" in whole and "Walk in" not in shown
    assert "Remake with priority" in shown
    assert "Legend" in whole and "Legend" not in shown
    assert "Coffee to go" in whole and "Coffee to go" not in shown


def test_cli_select_and_badges(coffee_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "sel.svg"
    result = blueprint("export", coffee_path, "-o", target, "--select", "make, remake", "--badges")
    assert result.returncode == 0, result.stderr
    text = joined(svg_texts(target.read_bytes()))
    assert "Make the drink" in text and "Walk in" not in text and "Validation" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--phases", "9"], "no phase '9'"),
        (["--phases", "collect..order"], "runs backwards"),
        (["--select", "ghost"], "selection holds no step"),
        (["--scale", "400"], "too large"),
    ],
)
def test_cli_bad_picture_request_exits_2_without_a_file(
    coffee_path: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "x.png"
    result = blueprint("export", coffee_path, "-o", target, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "args", [["--scale", "0"], ["--scale", "x"], ["--page", "B5"], ["--scale", "2", "--dpi", "150"]]
)
def test_cli_rejects_bad_option_values(coffee_path: Path, tmp_path: Path, args: list[str]) -> None:
    result = blueprint("export", coffee_path, "-o", tmp_path / "x.png", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_cli_html_embeds_the_svg_diagram(coffee_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "spec.html"
    result = blueprint("export", coffee_path, "-o", target)
    assert result.returncode == 0, result.stderr
    html = target.read_text("utf-8")
    assert '<figure class="diagram"><svg' in html
    assert "<?xml" not in html
    assert ">Make the drink</text>" in html


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "md", "html", "csv", "bpmn", "mmd"])
def test_every_shipped_example_and_template_exports(fmt: str, tmp_path: Path) -> None:
    assert len(SHIPPED) >= 17
    result = blueprint("export", *SHIPPED, "-o", tmp_path, "--format", fmt)
    assert result.returncode == 0, result.stderr
    written = sorted(tmp_path.iterdir())
    assert len(written) == len(SHIPPED)
    for path in written:
        assert path.stat().st_size > 500, path
    if fmt == "png":
        for path in written:
            assert ink(png_image(path.read_bytes())) > 2000, path
    if fmt == "pdf":
        for path in written:
            assert pdf_info(path)["Pages"] == "1", path
